/** Adaptive Cards from answers: agent text stays inert, the activity stays under the limit, figures stay honest. */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, Answerer } from '../../core/ask/answer';
import { type AskContext, parseQuestion } from '../../core/ask/parseQuestion';
import { ReportBuilder } from '../../core/metrics/report';
import { monthIndex } from '../../core/period/yearMonth';
import {
  type AdaptiveCard,
  answerCard,
  answerSummary,
  buttonTitle,
  CARD_BYTE_LIMIT,
  cardBytes,
  utf8Bytes,
} from '../../core/render/cards';
import type { CellValue } from '../../core/workbook/cells';
import { parseWorkbook, type RawWorkbook } from '../../core/workbook/workbook';
import { sampleBuilder, sampleRaw, TEST_NOW } from '../fixtures/sample';

const META = { source: 'Sumber: djpk-sample.xlsx · data Januari 2025' };
let answerer: Answerer;
let ctx: AskContext;
beforeAll(async () => {
  const builder = await sampleBuilder();
  answerer = new Answerer(builder);
  ctx = {
    currentMonth: monthIndex(2025, 2),
    monthsWithData: builder.figures.monthsWithData(),
    metrics: builder.figures.defs().map((d) => ({ key: d.key, label: d.label })),
  };
});
const ask = (q: string, a = answerer, c = ctx) => a.answer(parseQuestion(q, c));
/** Every text a person sees in the card: TextBlocks, facts, chart labels. */
function texts(card: AdaptiveCard): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      if (typeof o.title === 'string' && typeof o.value === 'string') out.push(o.title, o.value);
      Object.values(o).forEach(walk);
    }
  };
  walk(card.body);
  return out;
}

const plain = (sentences: string[]): Answer => ({
  title: 'Uji',
  period: 'Januari 2025',
  facts: [{ label: '[a](http://evil)', value: '**tebal**' }],
  sentences,
  chart: null,
  table: { title: 'T', columns: [{ header: 'Agen', format: 'text' }], rows: [['![x](http://evil/x.png)']] },
  findings: [],
  suggestions: [],
  answered: null,
});

describe('agent text is inert in cards', () => {
  it('links, images and emphasis from the workbook are escaped wherever they are shown', () => {
    const card = answerCard(plain(['[klik](http://evil) dan ![x](http://evil/x.png)', '# judul', '1. daftar']), META);
    const shown = texts(card);
    expect(shown).toContain('\\[klik\\](http\\://evil) dan !\\[x\\](http\\://evil/x.png)');
    expect(shown).toContain('\\# judul');
    expect(shown).toContain('1\\. daftar');
    expect(shown).toContain('!\\[x\\](http\\://evil/x.png)');
    expect(shown).toContain('\\*\\*tebal\\*\\*');
    // No unescaped bracket opens a link anywhere.
    for (const t of shown) expect(t).not.toMatch(/(^|[^\\])\[/);
  });

  it('ordinary sentences and signed changes are shown as they are', () => {
    const sentence =
      'Jumlah tiket konsultasi di bulan Januari 2025 (1.010) turun 9% dibandingkan Desember 2024 (1.112).';
    const answer = { ...plain([sentence]), facts: [{ label: 'Perubahan', value: '-9%' }], table: null };
    const shown = texts(answerCard(answer, META));
    expect(shown).toContain(sentence);
    expect(shown).toContain('-9%');
  });
});

describe('the whole activity stays under the limit', () => {
  it('kepuasan with 50.000-character agent names: cells cut, card + summary under 28.000 bytes', async () => {
    const raw = await sampleRaw();
    const tab = raw.Kepuasan ?? [];
    const header = (tab[0] ?? []).map((c) => String(c));
    const agen = header.indexOf('Agen');
    expect(agen).toBeGreaterThanOrEqual(0);
    const long = (i: number) => `${'Agen dengan nama sangat panjang '.repeat(1600)}${i}`;
    const rows: CellValue[][] = tab.map((row, i) =>
      i === 0 ? row : row.map((c, j) => (j === agen ? long(i % 7) : c)),
    );
    const hostile: RawWorkbook = { ...raw, Kepuasan: rows };
    const builder = new ReportBuilder(parseWorkbook(hostile, { now: TEST_NOW }));
    const hostileAnswerer = new Answerer(builder);
    const c = { ...ctx, metrics: builder.figures.defs().map((d) => ({ key: d.key, label: d.label })) };
    for (const q of ['kepuasan januari 2025', 'kepuasan per agen bulan lalu', 'ringkasan januari 2025']) {
      const answer = ask(q, hostileAnswerer, c);
      const card = answerCard(answer, META);
      expect(cardBytes(card) + utf8Bytes(answerSummary(answer)) + 1_000).toBeLessThanOrEqual(CARD_BYTE_LIMIT);
      expect(answer.answered).not.toBeNull();
    }
    const card = answerCard(ask('kepuasan januari 2025', hostileAnswerer, c), META);
    expect(JSON.stringify(card)).toContain('Agen dengan nama sangat panjang');
    expect(Math.max(...texts(card).map((t) => t.length))).toBeLessThanOrEqual(1_000);
    // Five columns are too wide for Teams' chat: the table is stacked facts, one block per agent.
    const stacked = card.body.find((e) => e.type === 'Container' && JSON.stringify(e).includes('"FactSet"'));
    expect(JSON.stringify(stacked)).toContain('Agen dengan nama sangat panjang');
  });
});

describe('honest figures in cards', () => {
  it('a sum over months with missing ones is not titled "Total": it says which months it covers', () => {
    const answer = ask('total konsultasi 2024');
    expect(answer.facts[0]).toEqual({ label: 'Jumlah 2 dari 12 bulan', value: '2.416' });
    expect(answer.facts[1]?.label).toBe('Bulan tanpa data');
    expect(answer.facts[1]?.value).toContain('Februari 2024');
    expect(answer.sentences[0]).toContain('(2 dari 12 bulan yang ada datanya)');
    expect(answer.facts.some((f) => f.label.startsWith('Total'))).toBe(false);
  });

  it('charts leave months without data out instead of drawing 0', () => {
    const card = answerCard(ask('total konsultasi 2024'), META);
    const bar = card.body.find((e) => e.type === 'Chart.VerticalBar') as { data: { x: string; y: number }[] };
    // The ticket total's colour on a card is the total's blue of every renderer (core/render/colors.ts).
    expect(bar.data).toEqual([
      { x: 'Jan-24', y: 1304, color: 'categoricalBlue' },
      { x: 'Des-24', y: 1112, color: 'categoricalBlue' },
    ]);
    const line = answerCard(ask('tren konsultasi 2023'), META).body.find((e) => e.type === 'Chart.Line') as {
      data: { values: { x: string; y: number }[] }[];
    };
    expect(line.data[0]?.values.map((p) => p.x)).toEqual(['Jan-23', 'Feb-23', 'Mar-23', 'Apr-23', 'Jun-23', 'Jul-23']);
  });

  it('a trend with fewer than half its months is a table, and its title says how many (issue 16)', () => {
    const answer = ask('tren konsultasi 13 bulan');
    expect(answer.title).toBe('Tren Tiket Konsultasi: Januari 2024 – Januari 2025 (3 dari 13 bulan ada datanya)');
    expect(answer.chart).toBeNull();
    expect(answer.table?.rows.map((r) => r[0])).toEqual(['Januari 2024', 'Desember 2024', 'Januari 2025']);
  });

  it('charts run in time order; data errors only on the figures they touch; no "belum tersedia; data terakhir" of the same month', () => {
    const bar = answerCard(ask('whatsapp januari 2025'), META).body.find((e) => e.type === 'Chart.VerticalBar') as {
      data: { x: string }[];
    };
    expect(bar.data.map((p) => p.x)).toEqual(['Jan-24', 'Des-24', 'Jan-25']);
    // The sample's 'Whatsap' row is a Tiket error: on ticket cards, not on Instagram's or PPID's.
    expect(ask('whatsapp januari 2025').findings.map((f) => f.tab)).toEqual(['Tiket']);
    expect(ask('followers instagram januari 2025').findings).toEqual([]);
    expect(ask('ppid januari 2025').findings).toEqual([]);
    expect(ask('tujuan ppid januari 2025').findings).toEqual([]);
    expect(ask('followers tiktok januari 2025').sentences).toEqual(['Data Januari 2025 belum tersedia.']);
  });

  it('wide tables are stacked facts at Teams width; buttons show at most 20 characters and ask the whole question', () => {
    const card = answerCard(ask('top pemda januari 2025'), META);
    expect(card.body.some((e) => e.type === 'Table')).toBe(false);
    expect(JSON.stringify(card)).toContain('{"title":"Pemda","value":"Kab. Probolinggo"}');
    const narrow = answerCard(ask('kategori pengguna januari 2025'), META);
    expect(narrow.body.some((e) => e.type === 'Table')).toBe(true);
    for (const q of ['bantuan', 'whatsapp januari 2025', 'followers instagram januari 2025', 'layer 2 januari 2025']) {
      for (const action of answerCard(ask(q), META).actions ?? []) {
        const a = action as { title: string; data?: { question?: string } };
        if (!a.data) continue;
        expect(a.title.length, a.title).toBeLessThanOrEqual(20);
        expect(a.data.question?.length).toBeGreaterThanOrEqual(a.title.replace('…', '').length);
      }
    }
    expect(buttonTitle('tren instagram followers 12 bulan', 'Januari 2025')).toBe('Tren Instagram…');
    expect(buttonTitle('topik whatsapp januari 2025', 'Januari 2025')).toBe('Topik WhatsApp');
    expect(buttonTitle('whatsapp desember 2024', 'Januari 2025')).toBe('WhatsApp Des 2024');
    // Seen in the Agents Playground: "X feeds januari 2025" beside "X konten Jan 2025".
    expect(buttonTitle('x feeds januari 2025')).toBe('X feeds Januari 2025');
    // A figure's own buttons need not repeat it: "Tren tiket…" and "Tiket konsultasi…" hid what they asked.
    const titles = (q: string) => (answerCard(ask(q), META).actions ?? []).map((a) => (a as { title: string }).title);
    expect(titles('konsultasi januari 2025')).toEqual(['Tren 12 bulan']);
    expect(titles('konsultasi februari 2025')).toEqual(['Januari 2025']);
  });

  it('a one-point trend says so and draws no chart', () => {
    const answer = ask('tren ppid 1 bulan');
    expect(answer.sentences[0]).toBe('Hanya Januari 2025 yang memiliki data (19); belum ada tren untuk ditampilkan.');
    expect(answerCard(answer, META).body.some((e) => String(e.type).startsWith('Chart.'))).toBe(false);
  });

  it('the summary line is the title and first sentence, for notifications', () => {
    expect(answerSummary(ask('konsultasi januari 2025'))).toBe(
      'Tiket Konsultasi — Januari 2025: Pada bulan Januari 2025, jumlah tiket konsultasi sebanyak 1.010, turun 9% dibandingkan bulan sebelumnya (1.112) dan turun 23% dibandingkan bulan Januari 2024 (1.304).',
    );
  });
});

describe('an answer prints a figure as the report prints it', () => {
  it('the social-media average and the phone service level read as in the report (36, +6%; 81%)', async () => {
    const builder = await sampleBuilder();
    const report = builder.build(monthIndex(2025, 1));
    const tile = report.sections
      .find((s) => s.id === 'ringkasan')
      ?.tables[0]?.rows.find((r) => r[0] === 'Rata-rata Publikasi Konten Media Sosial');
    expect(tile?.[2]).toBe(36);
    const medsos = ask('rata-rata publikasi konten media sosial januari 2025');
    expect(medsos.sentences.join(' ')).toContain('36');
    expect(medsos.sentences.join(' ')).toContain('naik 6%');
    expect(medsos.sentences.join(' ')).not.toMatch(/35,67|naik 5%/);
    const level = ask('service level telepon januari 2025');
    expect(level.facts[0]?.value).toBe('81%');
    expect(JSON.stringify(report.sections.find((s) => s.id === 'kanalTelepon')?.sentences)).toContain('81%');
  });
});
