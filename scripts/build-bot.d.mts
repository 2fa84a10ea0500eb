import type { BuildOptions } from 'esbuild';

/** Types of build-bot.mjs for the TypeScript that imports it (the test bundles). */
export const root: string;
export const outDir: string;
export const SOURCES: readonly string[];
export const OPTIONAL_SDKS: readonly string[];
export const bundleOptions: BuildOptions;
export function buildBot(): Promise<string>;
