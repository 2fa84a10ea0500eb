// npm run bot / npm start: runs the built bot (dist/bot), building it first when it is missing or
// older than its sources, so a fresh clone needs no separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildBot, outDir, root, SOURCES } from './build-bot.mjs';

const entry = process.argv[2] === 'start' ? 'start' : 'main';

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

const built = join(outDir, `${entry}.js`);
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
if (builtAt < Math.max(...SOURCES.map((s) => newestMtime(join(root, s))))) {
  try {
    await buildBot();
  } catch (error) {
    // Without dev dependencies (npm ci --omit=dev) there is no esbuild: run what was built at deploy.
    if (!builtAt) {
      process.stderr.write(
        `Bot belum dibangun dan tidak dapat dibangun (${error.message}); jalankan npm run bot:build\n`,
      );
      process.exit(1);
    }
  }
}
await import(pathToFileURL(join(outDir, `${entry}.js`)).href);
