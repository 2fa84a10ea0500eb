/**
 * The built Code.js stays within the JavaScript the build targets (es2020, sheets-addon/build.ts).
 * Google's V8 runtime page lists modern syntax (classes, arrow functions, destructuring, template
 * literals…) but promises no ECMAScript edition, so the add-on relies on none beyond what it targets.
 * esbuild lowers newer syntax to the target but does not polyfill built-ins: a call such as
 * `labels.at(-1)` (ES2022) passes through untouched. So the bundle is parsed at the target edition
 * (newer syntax fails to parse) and its AST is searched for calls of built-ins added after it.
 */
import { readFile } from 'node:fs/promises';
import { type Node, parse } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAddon } from '../../sheets-addon/build';

/**
 * Methods added after ES2020, called on any object (array, string, typed array, buffer). Set's ES2025
 * methods (union, intersection, …) are left out: zod's schema builders in the bundle share their
 * names. tsconfig.addon.json's `lib: ES2020` refuses all of them in our own code at type-check time.
 */
const NEWER_METHODS = new Map<string, string>(
  Object.entries({
    replaceAll: 'ES2021',
    at: 'ES2022',
    findLast: 'ES2023',
    findLastIndex: 'ES2023',
    toReversed: 'ES2023',
    toSorted: 'ES2023',
    toSpliced: 'ES2023',
    with: 'ES2023',
    isWellFormed: 'ES2024',
    toWellFormed: 'ES2024',
    transferToFixedLength: 'ES2024',
  }),
);
/** Static methods added after ES2020, by constructor. */
const NEWER_STATICS = new Map<string, Record<string, string>>(
  Object.entries<Record<string, string>>({
    Object: { hasOwn: 'ES2022', groupBy: 'ES2024' },
    Map: { groupBy: 'ES2024' },
    Promise: { any: 'ES2021', withResolvers: 'ES2024', try: 'ES2025' },
    Array: { fromAsync: 'ES2024' },
    Atomics: { waitAsync: 'ES2024' },
    RegExp: { escape: 'ES2025' },
    Iterator: { from: 'ES2025' },
    Math: { f16round: 'ES2025' },
  }),
);
/** Globals added after ES2020 (and structuredClone, a Web API Apps Script's server side lacks). */
const NEWER_GLOBALS = new Map<string, string>(
  Object.entries({
    AggregateError: 'ES2021',
    WeakRef: 'ES2021',
    FinalizationRegistry: 'ES2021',
    Iterator: 'ES2025',
    Float16Array: 'ES2025',
    structuredClone: 'Web API',
  }),
);

interface Finding {
  readonly what: string;
  readonly edition: string;
  readonly at: number;
}

type AnyNode = Node & Record<string, unknown>;
const isNode = (value: unknown): value is AnyNode =>
  value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';

/** Every call of a post-ES2020 built-in and every use of a post-ES2020 global in `code`. */
function newerBuiltIns(code: string): Finding[] {
  const ast = parse(code, { ecmaVersion: 2020, sourceType: 'script' }) as unknown as AnyNode;
  const declared = new Set<string>();
  const found: Finding[] = [];
  const visit = (node: AnyNode, parent: AnyNode | null): void => {
    if (node.type === 'CallExpression') {
      const callee = node.callee as AnyNode;
      if (callee.type === 'MemberExpression' && !callee.computed) {
        const property = (callee.property as AnyNode).name as string;
        const object = callee.object as AnyNode;
        const owner = object.type === 'Identifier' ? (object.name as string) : null;
        const statics = owner ? NEWER_STATICS.get(owner) : undefined;
        const edition = statics ? statics[property] : NEWER_METHODS.get(property);
        if (edition) found.push({ what: `${owner ?? '…'}.${property}()`, edition, at: node.start });
      }
    }
    if (node.type === 'VariableDeclarator' || node.type === 'FunctionDeclaration') {
      const id = node.id as AnyNode | null;
      if (id?.type === 'Identifier') declared.add(id.name as string);
    }
    if (node.type === 'Identifier' && NEWER_GLOBALS.has(node.name as string)) {
      const isProperty =
        parent?.type === 'MemberExpression' && parent.property === node && !(parent as AnyNode).computed;
      const isKey = parent?.type === 'Property' && parent.key === node;
      if (!isProperty && !isKey)
        found.push({
          what: node.name as string,
          edition: NEWER_GLOBALS.get(node.name as string) ?? '',
          at: node.start,
        });
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) for (const child of value) isNode(child) && visit(child, node);
      else if (isNode(value)) visit(value, node);
    }
  };
  visit(ast, null);
  // A name the bundle declares itself (a local `WeakRef` helper, say) is not the global.
  return found.filter((f) => !(NEWER_GLOBALS.has(f.what) && declared.has(f.what)));
}

let code: string;
beforeAll(async () => {
  code = await readFile(await buildAddon(), 'utf8');
});

describe('Code.js is ES2020', () => {
  it('parses as ES2020 and calls no built-in added after it', () => {
    const findings = newerBuiltIns(code).map(
      (f) => `${f.what} (${f.edition}) near …${code.slice(f.at - 30, f.at + 30)}…`,
    );
    expect(findings).toEqual([]);
  });

  it('the check finds what it is meant to find', () => {
    expect(() => newerBuiltIns('let a = 1; a ??= 2;')).toThrow();
    expect(() => newerBuiltIns('class A { #x = 1 }')).toThrow();
    const found = newerBuiltIns(
      'var l = [1].at(-1); "a".replaceAll("a", "b"); Object.hasOwn({}, "a"); new WeakRef({}); [2].findLast(Boolean); x.y.toSorted();',
    ).map((f) => f.what);
    expect(found).toEqual(['….at()', '….replaceAll()', 'Object.hasOwn()', 'WeakRef', '….findLast()', '….toSorted()']);
    // ES2020 and older built-ins, a property named like a global, and a declared name are fine.
    expect(
      newerBuiltIns(
        'Object.fromEntries([]); [1].flat(); Promise.allSettled([]); "a".matchAll(/a/g); o.WeakRef = 1; var Iterator = 2; Iterator.from;',
      ),
    ).toEqual([]);
  });
});
