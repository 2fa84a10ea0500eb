import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = fileURLToPath(new URL('../../core', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

describe('core is pure (it is bundled into Apps Script)', () => {
  it.each(files(CORE).map((f) => [f.slice(CORE.length + 1), f]))('%s imports only core and zod', (_, file) => {
    const source = readFileSync(file, 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec === 'zod' || spec?.startsWith('.')).toBe(true);
    expect(source).not.toMatch(/\b(process|Buffer|require)\b|getHours\(|getMonth\(|getDate\(|getDay\(/);
  });
});
