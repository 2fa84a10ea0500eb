/**
 * Cards every Teams client can read (issue 19). Teams renders Adaptive Cards 1.5 on desktop and web
 * ("Teams platform supports v1.5 or earlier of Adaptive Card features for bot sent cards"), but
 * "Microsoft Teams mobile app supports Adaptive Cards up to version 1.2. Cards that use schema
 * versions later than 1.2 might not render correctly" (Microsoft Teams platform docs, "Types of
 * cards", Adaptive Card → Support for Adaptive Cards). Teams' charts (`Chart.*`, "Charts in
 * Adaptive Cards") are no part of the Adaptive Card schema at all. So every element newer than 1.2
 * must carry a `fallback` (schema 1.2: "an alternate element to render if this type of element is
 * unsupported") that a 1.2 client renders, and an element a 1.2 client renders must use no
 * property newer than 1.2. Versions are the Adaptive Cards Schema Explorer's "Version" column.
 * The walk covers every card the bot sends: the phrasing table's questions, help, refusals, the
 * monthly summary of every month (the monthly post), deck links and the "data unreadable" card.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Brain, problemReply } from '../../bot/brain';
import { CachedSource } from '../../bot/sources/cachedSource';
import type { AdaptiveCard } from '../../core/render/cards';
import { XlsxSource } from '../../formats/xlsx/xlsxSource';
import { PHRASINGS } from '../fixtures/askPhrasings';
import { SAMPLE_XLSX } from '../fixtures/sample';

type Version = number;
/** Element and action types: the schema version that introduced each (Schema Explorer). */
const TYPE_VERSION: Record<string, Version> = {
  TextBlock: 1.0,
  Image: 1.0,
  Container: 1.0,
  ColumnSet: 1.0,
  Column: 1.0,
  FactSet: 1.0,
  ImageSet: 1.0,
  Media: 1.1,
  ActionSet: 1.2,
  RichTextBlock: 1.2,
  Table: 1.5,
  TableRow: 1.5,
  TableCell: 1.5,
  'Action.Submit': 1.0,
  'Action.OpenUrl': 1.0,
  'Action.ShowCard': 1.0,
  'Action.ToggleVisibility': 1.2,
  'Action.Execute': 1.4,
};

/** Properties every element may carry, with their versions. */
const COMMON: Record<string, Version> = {
  type: 1.0,
  id: 1.0,
  spacing: 1.0,
  separator: 1.0,
  fallback: 1.2,
  requires: 1.2,
  isVisible: 1.2,
  height: 1.1,
};
/** Each type's own properties, with their versions (only those a 1.2 client must understand). */
const PROPERTY_VERSION: Record<string, Record<string, Version>> = {
  TextBlock: {
    text: 1.0,
    wrap: 1.0,
    size: 1.0,
    weight: 1.0,
    color: 1.0,
    isSubtle: 1.0,
    maxLines: 1.0,
    horizontalAlignment: 1.0,
    fontType: 1.2,
    style: 1.5,
  },
  FactSet: { facts: 1.0 },
  Container: {
    items: 1.0,
    style: 1.0,
    selectAction: 1.1,
    verticalContentAlignment: 1.1,
    bleed: 1.2,
    backgroundImage: 1.2,
    minHeight: 1.2,
    rtl: 1.5,
  },
  ColumnSet: { columns: 1.0, selectAction: 1.1, style: 1.2, bleed: 1.2, minHeight: 1.2, horizontalAlignment: 1.2 },
  Column: { items: 1.0, width: 1.0, style: 1.0, selectAction: 1.1, verticalContentAlignment: 1.1, minHeight: 1.2 },
  'Action.Submit': {
    title: 1.0,
    data: 1.0,
    iconUrl: 1.1,
    style: 1.2,
    associatedInputs: 1.3,
    tooltip: 1.5,
    isEnabled: 1.5,
    mode: 1.5,
  },
  'Action.OpenUrl': { title: 1.0, url: 1.0, iconUrl: 1.1, style: 1.2, tooltip: 1.5, isEnabled: 1.5, mode: 1.5 },
};
/** Container styles: default/emphasis 1.0; good/attention/warning 1.2; accent 1.2. */
const CONTAINER_STYLE_VERSION: Record<string, Version> = {
  default: 1.0,
  emphasis: 1.0,
  good: 1.2,
  attention: 1.2,
  warning: 1.2,
  accent: 1.2,
};
const MOBILE = 1.2;

/** Why a 1.2 client could not render the card faithfully; empty when it can. */
function problems(card: AdaptiveCard): string[] {
  const out: string[] = [];
  if (card.version !== '1.5') out.push(`card version ${card.version}: desktop and web render 1.5`);
  if (typeof card.fallbackText !== 'string' || card.fallbackText.trim() === '')
    out.push('no fallbackText for a client that refuses the card version');
  const walk = (node: unknown, path: string): void => {
    if (!node || typeof node !== 'object') {
      out.push(`${path}: not an element (${JSON.stringify(node)})`);
      return;
    }
    const element = node as Record<string, unknown>;
    const type = String(element.type);
    const version = TYPE_VERSION[type] ?? Number.POSITIVE_INFINITY;
    if (version > MOBILE) {
      // A 1.2 client renders the fallback instead; "drop" would show nothing, which is no answer.
      if (!element.fallback || typeof element.fallback !== 'object')
        out.push(`${path} ${type} (${Number.isFinite(version) ? version : 'Teams only'}): no ≤ 1.2 fallback element`);
      else walk(element.fallback, `${path}.fallback`);
      return;
    }
    for (const [key, value] of Object.entries(element)) {
      const v = PROPERTY_VERSION[type]?.[key] ?? COMMON[key];
      if (v === undefined) out.push(`${path} ${type}.${key}: property of unknown version`);
      else if (v > MOBILE) out.push(`${path} ${type}.${key}: property of ${v}, not rendered by 1.2 clients`);
      if (type === 'Container' && key === 'style' && (CONTAINER_STYLE_VERSION[String(value)] ?? 99) > MOBILE)
        out.push(`${path} Container.style ${String(value)}: newer than 1.2`);
    }
    const children = [
      ...((element.items as unknown[]) ?? []),
      ...((element.columns as unknown[]) ?? []),
      ...(element.selectAction ? [element.selectAction] : []),
    ];
    children.forEach((child, i) => {
      walk(child, `${path}/${i}`);
    });
  };
  card.body.forEach((e, i) => {
    walk(e, `body[${i}]`);
  });
  (card.actions ?? []).forEach((a, i) => {
    walk(a, `actions[${i}]`);
  });
  return out;
}

/** Every element type in the card, fallbacks included: what the walk covered. */
function typesIn(card: AdaptiveCard): string[] {
  return [...JSON.stringify(card).matchAll(/"type":"([A-Za-z.]+)"/g)].map((m) => m[1] ?? '');
}

let brain: Brain;
beforeAll(async () => {
  brain = new Brain(new CachedSource(new XlsxSource(SAMPLE_XLSX), 60_000), () => Date.UTC(2025, 1, 10, 3), {
    deckLinks: (month) => ({
      pptx: `https://bot-djpk.example.test/laporan/${month}.pptx?exp=1&sig=x`,
      pdf: `https://bot-djpk.example.test/laporan/${month}.pdf?exp=1&sig=x`,
    }),
  });
  await brain.ask('bantuan');
});

describe('every card has a ≤ 1.2 fallback for each newer element', () => {
  it('the walk finds what it must: a Table without fallback, a chart that falls back to a Table, a 1.5 property', () => {
    const card = (body: Record<string, unknown>[]): AdaptiveCard => ({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: 'x',
      body,
    });
    expect(problems(card([{ type: 'Table', rows: [] }]))).toEqual(['body[0] Table (1.5): no ≤ 1.2 fallback element']);
    expect(problems(card([{ type: 'Chart.Donut', data: [], fallback: { type: 'Table', rows: [] } }]))).toEqual([
      'body[0].fallback Table (1.5): no ≤ 1.2 fallback element',
    ]);
    expect(problems(card([{ type: 'Chart.Line', fallback: 'drop' }]))).toEqual([
      'body[0] Chart.Line (Teams only): no ≤ 1.2 fallback element',
    ]);
    expect(problems(card([{ type: 'TextBlock', text: 'x', style: 'heading' }]))).toEqual([
      'body[0] TextBlock.style: property of 1.5, not rendered by 1.2 clients',
    ]);
  });

  it('answers to the phrasing table, help, refusals, near misses and deck links', async () => {
    const questions = [
      ...PHRASINGS.map(([q]) => q),
      'bantuan',
      'help',
      'xyz qwerty',
      'whatsp apa ya',
      'unduh laporan januari 2025',
      'tiket per agen januari 2025',
      'tren whatsapp 24 bulan',
      'kapan data terakhir diperbarui',
      'konsultasi maret 2025',
    ];
    const seen = new Map<string, number>();
    const failures: string[] = [];
    for (const q of questions) {
      const { card } = await brain.ask(q);
      for (const p of problems(card)) failures.push(`${q}: ${p}`);
      for (const t of typesIn(card)) seen.set(t, (seen.get(t) ?? 0) + 1);
    }
    expect(failures).toEqual([]);
    // The walk met the elements that need fallbacks, many times over.
    expect(seen.get('Table') ?? 0).toBeGreaterThan(20);
    expect([...seen.keys()].filter((t) => t.startsWith('Chart.')).sort()).toEqual([
      'Chart.Donut',
      'Chart.Line',
      'Chart.VerticalBar',
    ]);
    expect(seen.get('Action.OpenUrl') ?? 0).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('the monthly summary of every month with data (the monthly post) and the "data unreadable" card', async () => {
    const failures: string[] = [];
    for (const month of await brain.monthsWithData()) {
      for (const p of problems((await brain.summary(month)).card)) failures.push(`${month}: ${p}`);
    }
    expect(failures).toEqual([]);
    expect(problems(problemReply('Maaf, data tidak dapat dibaca saat ini.').card)).toEqual([]);
  }, 120_000);

  it('a chart falls back to facts (FactSet), not to a Table; the figures are the chart’s', async () => {
    const { card } = await brain.ask('sebaran kanal januari 2025');
    const donut = card.body.find((e) => e.type === 'Chart.Donut') as {
      data: { legend: string; value: number }[];
      fallback: { type: string; facts: { title: string; value: string }[] };
    };
    expect(donut.fallback.type).toBe('FactSet');
    expect(donut.fallback.facts.slice(0, 2)).toEqual([
      { title: 'WhatsApp', value: '695' },
      { title: 'Telepon', value: '60' },
    ]);
    expect(card.fallbackText).toContain('Sebaran');
  });
});
