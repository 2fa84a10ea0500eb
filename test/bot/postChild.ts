/**
 * A bot process for the exactly-once tests (bundled by test/fixtures/botBundle.ts): composes the bot from
 * its environment (the same ledger and stand-in Connector as the test), posts POST_MONTH once and
 * prints the outcome. With POST_STOP_AT=<step> it prints "STOPPED:<step>" at that step and waits
 * there, for the test to kill it with SIGKILL. With POST_WAIT_GO it loads the data, prints "READY"
 * and waits for a line on stdin before posting, so several processes can be started together.
 */
import { createInterface } from 'node:readline';
import { composeBot } from '../../bot/compose';
import { loadConfig } from '../../bot/config';

const stopAt = process.env.POST_STOP_AT;
const bot = composeBot(loadConfig(process.env), {
  ...(process.env.POST_OWNER ? { owner: process.env.POST_OWNER } : {}),
  log: (event) => process.stdout.write(`LOG:${JSON.stringify(event)}\n`),
  onPostStep: async (step) => {
    if (step !== stopAt) return;
    process.stdout.write(`STOPPED:${step}\n`);
    // Keeps the process alive (a bare pending promise would let Node exit).
    setInterval(() => undefined, 60_000);
    await new Promise(() => undefined);
  },
});
const month = Number(process.env.POST_MONTH);
if (process.env.POST_WAIT_GO) {
  await bot.brain.summary(month);
  process.stdout.write('READY\n');
  const lines = createInterface({ input: process.stdin });
  await new Promise((resolve) => lines.once('line', resolve));
  lines.close();
}
const result = await bot.poster.post(month);
process.stdout.write(`RESULT:${JSON.stringify(result)}\n`);
