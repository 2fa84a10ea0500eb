/**
 * No source reads the machine's time zone. Dates travel as UTC-encoded WIB wall-clock (core reads
 * only getUTC*), schedules and Apps Script conversions name their zone. That is why `npm test`
 * runs most tests under one zone and only `*.tz.test.ts` under all three (docs/testing.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_ROOTS = ['core', 'formats', 'cli', 'bot', 'sheets-addon', 'manifest', 'sample'];
const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );

/** Calls whose result depends on the host's zone, each with why it is wrong here. */
const HOST_ZONE_CALLS: readonly (readonly [RegExp, string])[] = [
  [
    /\.(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds)\(/,
    'local-time Date getter or setter (use the UTC one)',
  ],
  [/\bgetTimezoneOffset\(/, 'host zone offset'],
  [/\.toLocale(Date|Time)String\(/, 'date printed in the host zone'],
  [/new Date\(\s*[\w.]+\s*,/, 'Date built from local fields (use Date.UTC)'],
];

describe('no source depends on the machine time zone', () => {
  const files = SOURCE_ROOTS.flatMap(sources);

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(HOST_ZONE_CALLS.map(([pattern, why]) => [why, pattern] as const))('no %s', (_, pattern) => {
    const hits = files.flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [`${file}:${i + 1}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('every Intl date format names its zone', () => {
    const unnamed = files.filter((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return /Intl\.DateTimeFormat\(/.test(text) && !/timeZone/.test(text);
    });
    expect(unnamed).toEqual([]);
  });
});
