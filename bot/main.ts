/** npm run bot: the Teams bot's HTTP server on the configured workbook (default: the bundled sample). */
import { Brain } from './brain';
import { ConfigError, loadConfig } from './config';
import { startServer } from './server';
import { sourceFromConfig } from './sources/fromConfig';

try {
  const config = loadConfig(process.env);
  const source = sourceFromConfig(config);
  const brain = new Brain(source);
  const log = (error: unknown) =>
    process.stderr.write(
      `${JSON.stringify({ level: 'error', msg: error instanceof Error ? error.message : String(error) })}\n`,
    );
  const { url } = await startServer(config, brain, source, log);
  process.stderr.write(
    `Bot DJPK berjalan di ${url}/api/messages (${config.localMode ? 'mode lokal tanpa autentikasi, hanya 127.0.0.1' : 'autentikasi Bot Framework aktif'}); data: ${source.description}\n`,
  );
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Bot gagal dijalankan: ${error instanceof Error ? error.message : String(error)}`}\n`,
  );
  process.exit(1);
}
