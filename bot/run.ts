import pino from 'pino';
import type { ComposedBot } from './compose';
import { ConfigError, loadConfig } from './config';
import { type BotServer, startServer } from './server';

/** Starts the bot: configuration, HTTP server, and the minute tick of the monthly post. */
export async function runBot(): Promise<{ bot: ComposedBot; server: BotServer }> {
  try {
    const config = loadConfig(process.env);
    // JSON logs with ids and timings only: message text and people's data never reach the log.
    const logger = pino({ base: { service: 'djpk-bot' } });
    // Listening first (express only): the Teams SDK and the workbook reader load behind it.
    const composing = import('./compose').then(({ composeBot }) =>
      composeBot(config, { log: (event) => logger.info(event) }),
    );
    const server = await startServer(config, composing, { routes: (bot) => [bot.deck.router] });
    const data = config.GOOGLE_SHEETS_ID ? `Google Sheets ${config.GOOGLE_SHEETS_ID}` : config.dataFile;
    process.stderr.write(
      `Bot DJPK mendengarkan di http://${server.bound}/api/messages (${config.localMode ? 'mode lokal tanpa autentikasi, hanya loopback' : 'autentikasi Bot Framework aktif'}); data: ${data}; ringkasan bulanan: "${config.MONTHLY_POST_CRON}" WIB\n`,
    );
    const bot = await composing;
    const timer = setInterval(() => {
      bot
        .tick()
        .catch((error: unknown) =>
          logger.error({ event: 'monthlyPost.error', error: error instanceof Error ? error.message : String(error) }),
        );
    }, 60_000);
    timer.unref();
    void server.ready.then((ready) => {
      if (ready) process.stderr.write(`Bot DJPK siap: data terbaca, laporan bulan terakhir dibuat (/healthz 200)\n`);
    });
    return { bot, server };
  } catch (error) {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : `Bot gagal dijalankan: ${error instanceof Error ? error.message : String(error)}`}\n`,
    );
    process.exit(1);
  }
}
