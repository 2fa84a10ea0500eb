/**
 * npm start: the bot on the sample workbook plus the Microsoft 365 Agents Playground (a Teams-like
 * web client that runs offline) pointed at it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runBot } from './run';

const PLAYGROUND_PORT = 56150;

const { bot, server } = await runBot();
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
const playground = spawn(
  process.execPath,
  [cli, '-e', `${server.url}/api/messages`, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--disable-telemetry'],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
process.stderr.write(
  `\nBot DJPK: ${server.url}/api/messages (data: ${bot.source.description})\nBuka http://localhost:${PLAYGROUND_PORT} di browser untuk mengobrol dengan bot.\n\n`,
);
const stop = () => {
  playground.kill();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
playground.on('exit', (code) => process.exit(code ?? 0));
