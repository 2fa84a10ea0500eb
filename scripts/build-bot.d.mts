import type { BuildOptions } from 'esbuild';

/** Types of build-bot.mjs for the TypeScript that imports it (the test bundles). */
export const root: string;
export const outDir: string;
export const SOURCES: readonly string[];
export const OPTIONAL_SDKS: readonly string[];
/** Worker threads' entries: output name → source, bundled beside the bot. */
export const WORKER_ENTRIES: Readonly<Record<string, string>>;
export const bundleOptions: BuildOptions;
/** Builds the production bundle into dist/bot or `outdir`; resolves with its main.js. */
export function buildBot(outdir?: string): Promise<string>;
