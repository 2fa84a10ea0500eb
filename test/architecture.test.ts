/**
 * The layout is the architecture (docs/architecture.md): core computes, formats translate,
 * adapters deliver. These rules keep it so; a new import that breaks one fails here, naming it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.(ts|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );

interface Import {
  readonly file: string;
  /** Repository-relative target of a relative import, or the package name. */
  readonly target: string;
  readonly relative: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)'([^']+)'/gm)].map((m) => m[1] ?? '');
  return specs.map((spec) =>
    spec.startsWith('.')
      ? { file, target: relative(ROOT, resolve(ROOT, dirname(file), spec)), relative: true }
      : { file, target: spec, relative: false },
  );
}

const topOf = (path: string) => path.split('/')[0] ?? '';
const ADAPTERS = ['cli', 'bot', 'sheets-addon'];

describe('adapters deliver, formats translate, core computes', () => {
  it.each(ADAPTERS)('%s imports core and formats, never another adapter', (adapter) => {
    const crossing = sources(adapter)
      .flatMap(importsOf)
      .filter((i) => i.relative && ADAPTERS.includes(topOf(i.target)) && topOf(i.target) !== adapter)
      .map((i) => `${i.file} → ${i.target}`);
    expect(crossing).toEqual([]);
  });

  it('formats/ imports only core, formats and packages', () => {
    const crossing = sources('formats')
      .flatMap(importsOf)
      .filter((i) => i.relative && !['core', 'formats'].includes(topOf(i.target)))
      .map((i) => `${i.file} → ${i.target}`);
    expect(crossing).toEqual([]);
  });

  it('only bot/teams/ imports the Teams SDK (@microsoft/teams*) or the Bot Framework SDK (botbuilder*, botframework*)', () => {
    const folders = ['bot', 'core', 'formats', 'cli', 'sheets-addon', 'manifest', 'scripts', 'bench', 'test'];
    const outside = folders
      .flatMap(sources)
      .filter((f) => !f.startsWith('bot/teams/'))
      .flatMap(importsOf)
      .filter((i) => !i.relative && /^(@microsoft\/teams|botbuilder|botframework)/.test(i.target))
      .map((i) => `${i.file} → ${i.target}`);
    expect(outside).toEqual([]);
  });
});

/**
 * Core's folders in layers, lowest first: a folder imports only its own layer and the ones below.
 * text (matching) < period < format (id-ID printing) < region (the official Pemda list, zones)
 * < workbook (schema, parsing) < metrics
 * (catalog, computation) < ask (questions, answers) < render (report and card renderers) < deck.
 */
const CORE_LAYERS = ['text', 'period', 'format', 'region', 'workbook', 'metrics', 'ask', 'render', 'deck'];

describe('core is layered', () => {
  it('every core folder is in a layer', () => {
    const folders = readdirSync(join(ROOT, 'core'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !CORE_LAYERS.includes(f))).toEqual([]);
  });

  it('no folder imports a layer above it (so core/format imports nothing from core/metrics)', () => {
    const upward = sources('core')
      .filter((f) => f.split('/').length > 2)
      .flatMap(importsOf)
      .filter((i) => i.relative && topOf(i.target) === 'core')
      .filter((i) => {
        const from = CORE_LAYERS.indexOf(i.file.split('/')[1] ?? '');
        const to = CORE_LAYERS.indexOf(i.target.split('/')[1] ?? '');
        return to > from;
      })
      .map((i) => `${i.file} → ${i.target}`);
    expect(upward).toEqual([]);
  });
});
