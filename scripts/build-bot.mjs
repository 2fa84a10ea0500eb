// npm run bot:build → dist/bot/{main,start,deckWorker}.js: one esbuild bundle of the bot (core, the shared file formats,
// SDKs) so that production starts from plain JavaScript, not through tsx. The SDKs of optional
// features (Google Sheets, Azure Blob Storage) stay outside: they are imported only when configured.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const outDir = `${root}dist/bot`;
/** What the bundle is made of: a change under these makes it stale (scripts/bot.mjs). */
export const SOURCES = ['bot', 'core', 'formats', 'package-lock.json', 'scripts/build-bot.mjs'];
/**
 * Worker threads' entries, each a file of its own beside the bot's (bot/deck/deckRenderer.ts
 * starts `./deckWorker.js` relative to its own bundle).
 */
export const WORKER_ENTRIES = { deckWorker: 'bot/deck/deckWorker.ts' };
export const OPTIONAL_SDKS = ['googleapis', '@azure/storage-blob'];
/** Packages that read their own data files (pdfkit's font metrics) at run time: loaded from node_modules. */
const READS_OWN_FILES = ['pdfkit', 'pptxgenjs'];

/** esbuild options of every bot bundle: the production build and the test processes (test/fixtures/botBundle.ts). */
export const bundleOptions = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: [...OPTIONAL_SDKS, ...READS_OWN_FILES],
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS packages call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __djpkRequire } from 'node:module'; const require = __djpkRequire(import.meta.url);",
  },
};

/** The production bundle, in dist/bot (or `outdir`: a test's copy of the same layout). */
export async function buildBot(outdir = outDir) {
  const { build } = await import('esbuild');
  await rm(outdir, { recursive: true, force: true });
  await build({
    ...bundleOptions,
    entryPoints: { main: 'bot/main.ts', start: 'bot/start.ts', ...WORKER_ENTRIES },
    outdir,
    // Chunks: what `import()` loads (the Teams SDK after the server listens) is its own file.
    splitting: true,
    minify: true,
  });
  return `${outdir}/main.js`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const path = await buildBot();
  process.stderr.write(`Bot dibangun: ${path} (${Math.round(performance.now() - started)} ms)\n`);
}
