import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { metricDefinition, STATIC_METRICS } from '../core/metrics/catalog';
import { generateDocs } from '../scripts/docs';

describe('docs/ is generated from the code', () => {
  it('the committed docs equal what `npm run docs` writes', async () => {
    for (const [name, text] of Object.entries(generateDocs())) {
      const committed = await readFile(new URL(`../docs/${name}`, import.meta.url), 'utf8').catch(() => '');
      expect(committed, `docs/${name} is stale: run npm run docs`).toBe(text);
    }
  });

  it('every fixed metric key has a definition', () => {
    expect(STATIC_METRICS.filter((d) => !metricDefinition(d.key)).map((d) => d.key)).toEqual([]);
  });

  it('the README links docs/ and never ../shared', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).not.toMatch(/\.\.\/shared/);
    expect(readme).toContain('docs/README.md');
  });
});
