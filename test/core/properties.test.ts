import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCell, signedCount } from '../../core/format/figure';
import { roundHalfAwayFromZero } from '../../core/format/idNumber';
import type { Report } from '../../core/metrics/model';
import { ReportBuilder } from '../../core/metrics/report';
import { SectionContext } from '../../core/metrics/sectionContext';
import { monthIndex } from '../../core/period/yearMonth';
import type { CellValue } from '../../core/workbook/cells';
import { parseWorkbook } from '../../core/workbook/workbook';
import { section } from '../fixtures/sample';

const HEADER = ['Tanggal', 'Kanal', 'Kategori Pengguna', 'Topik', 'Zona Waktu', 'Jumlah'];
const CHANNELS = ['WhatsApp', 'WA', 'Telepon', 'Dering', 'Email', 'Help Desk', 'Hai', 'Live Chat'];
const CHANNEL_KEYS = ['whatsapp', 'telepon', 'email', 'helpdesk', 'livechat'].map((c) => `konsultasi.kanal.${c}`);
const MONTHS = [monthIndex(2024, 12), monthIndex(2025, 1), monthIndex(2025, 2)];

const ticket = fc.record({
  month: fc.integer({ min: 0, max: 2 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  channel: fc.constantFrom(...CHANNELS),
  category: fc.constantFrom('Pemda', 'K/L', 'Akademisi', 'Lainnya', null),
  topic: fc.constantFrom('DAU', 'DBH', 'Surat Masuk', 'Lainnya', null),
  zone: fc.constantFrom('WIB', 'WITA', 'WIT', null),
  weight: fc.integer({ min: 1, max: 4 }),
});
type T = typeof ticket extends fc.Arbitrary<infer U> ? U : never;

const toRow = (t: T, weight: number | null = t.weight): CellValue[] => {
  const m = MONTHS[t.month] ?? 0;
  return [
    new Date(Date.UTC(Math.floor(m / 12), m % 12, t.day, t.hour)),
    t.channel,
    t.category,
    t.topic,
    t.zone,
    weight,
  ];
};

const reportsFor = (rows: CellValue[][]) => {
  const builder = new ReportBuilder(parseWorkbook({ Tiket: [HEADER, ...rows] }, { now: null }));
  return MONTHS.map((m) => builder.build(m));
};
const metricValues = (rows: CellValue[][]) =>
  reportsFor(rows).map((r) => Object.fromEntries(Object.entries(r.metrics).map(([k, f]) => [k, f.value])));

describe('properties', () => {
  it('the five channels sum to the ticket total in every month', () => {
    fc.assert(
      fc.property(fc.array(ticket, { minLength: 1, maxLength: 60 }), (tickets) => {
        for (const report of reportsFor(tickets.map((t) => toRow(t)))) {
          const total = report.metrics['konsultasi.total']?.value ?? null;
          if (total === null) continue;
          const sum = CHANNEL_KEYS.reduce((s, k) => s + (report.metrics[k]?.value ?? 0), 0);
          expect(sum).toBe(total);
          // Service hours exist only for months with a logged time of day; then they partition the total.
          const inside = report.metrics['konsultasi.jam.dalam']?.value ?? null;
          if (inside !== null) expect(inside + (report.metrics['konsultasi.jam.luar']?.value ?? 0)).toBe(total);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('channel shares sum to 100: exactly before rounding, within rounding after', () => {
    fc.assert(
      fc.property(fc.array(ticket, { minLength: 1, maxLength: 60 }), (tickets) => {
        for (const report of reportsFor(tickets.map((t) => toRow(t)))) {
          const rows = report.sections.find((s) => s.id === 'konsultasi')?.tables[0]?.rows ?? [];
          const shares = rows.slice(0, 5).map((r) => r[2]);
          if (shares.some((s) => s === null)) continue;
          const exact = shares.reduce<number>((a, s) => a + (s as number), 0);
          expect(exact).toBeCloseTo(100, 9);
          const rounded = shares.reduce<number>((a, s) => a + roundHalfAwayFromZero(s as number, 0), 0);
          expect(Math.abs(rounded - 100)).toBeLessThanOrEqual(2.5);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('row order does not matter', () => {
    fc.assert(
      fc.property(
        fc
          .array(ticket, { minLength: 1, maxLength: 40 })
          .chain((ts) =>
            fc.tuple(fc.constant(ts), fc.shuffledSubarray(ts, { minLength: ts.length, maxLength: ts.length })),
          ),
        ([a, b]) => {
          expect(metricValues(b.map((t) => toRow(t)))).toEqual(metricValues(a.map((t) => toRow(t))));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a Jumlah of n equals n copies of the row', () => {
    fc.assert(
      fc.property(fc.array(ticket, { minLength: 1, maxLength: 30 }), (tickets) => {
        const weighted = tickets.map((t) => toRow(t));
        const copied = tickets.flatMap((t) => Array.from({ length: t.weight }, () => toRow(t, null)));
        expect(metricValues(weighted)).toEqual(metricValues(copied));
      }),
      { numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------- issue 8: one figure, one value
const PLATFORM_NAMES = ['Instagram', 'X', 'Facebook'];
const contentRows = fc.array(
  fc.record({ month: fc.integer({ min: 0, max: 2 }), platform: fc.integer({ min: 0, max: 2 }), konten: fc.nat(60) }),
  { maxLength: 9 },
);

function workbookWith(tickets: T[], content: { month: number; platform: number; konten: number }[]) {
  const seen = new Set<string>();
  const medsos: CellValue[][] = [['Bulan', 'Platform', 'Followers', 'Konten']];
  for (const c of content) {
    const id = `${c.month}:${c.platform}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const m = MONTHS[c.month] ?? 0;
    medsos.push([
      `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
      PLATFORM_NAMES[c.platform] ?? 'X',
      1000,
      c.konten,
    ]);
  }
  return new ReportBuilder(
    parseWorkbook({ Tiket: [HEADER, ...tickets.map((t) => toRow(t))], 'Media Sosial': medsos }, { now: null }),
  );
}

/** A table row as printed, by its first cell. */
function printedRow(report: Report, sectionId: string, title: string, label: string): string[] | null {
  const table = report.sections.find((s) => s.id === sectionId)?.tables.find((t) => t.title === title);
  const row = table?.rows.find((r) => r[0] === label);
  if (!table || !row) return null;
  return row.map((c, i) => formatCell(c, table.columns[i]?.format ?? 'text', table.columns[i]?.decimals));
}

/** What a sentence must say for a change the table prints as `printed` against `base` ("bulan sebelumnya"). */
function changeClause(printed: string, baseName: string, printedBase: string, unit: string): string {
  const b = unit ? `${printedBase} ${unit}` : printedBase;
  if (printed === 'sama') return printedBase === '0' ? `sama seperti ${baseName}` : `sama dengan ${baseName} (${b})`;
  if (printed === 'naik dari 0') return `naik dari 0 pada ${baseName}`;
  if (printed === '-100%') return `turun dari ${b} pada ${baseName}`;
  return `${printed.startsWith('+') ? 'naik' : 'turun'} ${printed.slice(1)} dibandingkan ${baseName} (${b})`;
}

/** The sentence of a figure carries the value, and both changes as the table prints them. */
function expectSentenceMatches(sentence: string, printed: readonly string[], unit: string, report: Report) {
  const [, prev, value, ly, mom, yoy] = printed as [string, string, string, string, string, string];
  if (value === 'belum tersedia') {
    expect(sentence).toContain('belum tersedia');
    return;
  }
  if (value !== '0') expect(sentence).toContain(` ${unit ? `${value} ${unit}` : value}`);
  if (mom !== 'belum tersedia') expect(sentence).toContain(changeClause(mom, 'bulan sebelumnya', prev, unit));
  if (yoy !== 'belum tersedia')
    expect(sentence).toContain(changeClause(yoy, `bulan ${report.sameMonthLastYearLabel}`, ly, unit));
}

describe('one figure, one value (issue 8)', () => {
  it('a figure in a sentence, the tables and the charts of one report prints the same', () => {
    fc.assert(
      fc.property(fc.array(ticket, { minLength: 1, maxLength: 60 }), contentRows, (tickets, content) => {
        const builder = workbookWith(tickets, content);
        for (const m of MONTHS) {
          const report = builder.build(m);
          // Tickets: the Ringkasan table, the channel table's total row and the Tiket sentence.
          const summary = printedRow(report, 'ringkasan', 'Ringkasan', 'Tiket Konsultasi');
          const total = printedRow(report, 'konsultasi', 'Tiket Konsultasi per Kanal', 'Total');
          expect(summary).not.toBeNull();
          expect([total?.[3], total?.[1], total?.[4], total?.[5], total?.[6]]).toEqual(summary?.slice(1));
          expectSentenceMatches(section(report, 'konsultasi').sentences[0] ?? '', summary ?? [], 'konsultasi', report);
          // Each channel: two tables, its page's sentence and its page's chart.
          for (const [label, id] of [
            ['WhatsApp', 'kanalWhatsapp'],
            ['Telepon', 'kanalTelepon'],
            ['Email', 'kanalEmail'],
            ['Help Desk', 'kanalHelpdesk'],
            ['Live Chat', 'kanalLivechat'],
          ] as const) {
            const a = printedRow(report, 'konsultasi', 'Tiket Konsultasi per Kanal', label);
            const b = printedRow(report, 'kanal', 'Ringkasan per Kanal', label);
            expect(b?.slice(0, 7)).toEqual(a);
            const [, value, share, prev, ly, mom, yoy] = a as string[];
            const page = section(report, id);
            expectSentenceMatches(
              page.sentences[0] ?? '',
              [label, prev ?? '', value ?? '', ly ?? '', mom ?? '', yoy ?? ''],
              'layanan',
              report,
            );
            if (value !== 'belum tersedia' && value !== '0')
              expect(page.sentences[0]).toContain(`(${share} dari total konsultasi)`);
            const bars = page.charts[0]?.series[0]?.values.map((v) => formatCell(v, 'int'));
            expect(bars).toEqual([prev, value, ly]);
          }
          // The social-media average: the Ringkasan row, the Media Sosial sentence and its chart.
          const avg = printedRow(report, 'ringkasan', 'Ringkasan', 'Rata-rata Publikasi Konten Media Sosial');
          expectSentenceMatches(section(report, 'medsos').sentences[0] ?? '', avg ?? [], '', report);
          const avgBars = section(report, 'medsos').charts[0]?.series[0]?.values.map((v) => formatCell(v, 'int'));
          expect(avgBars).toEqual([avg?.[1], avg?.[2], avg?.[3]]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('drivers add up: the named contributions never exceed the change, and move with it', () => {
    const heavy = ticket.map((t) => ({ ...t, weight: t.weight * 3 }));
    fc.assert(
      fc.property(fc.array(heavy, { minLength: 1, maxLength: 80 }), (tickets) => {
        const builder = workbookWith(tickets, []);
        for (const m of MONTHS) {
          const ctx = new SectionContext(m, builder.figures, builder.wb);
          for (const key of ['konsultasi.total', ...CHANNEL_KEYS]) {
            for (const d of ctx.drivers(key)) {
              const named = d.named.reduce((s, p) => s + p.delta, 0);
              const net = named + d.offsets.reduce((s, p) => s + p.delta, 0);
              expect(Math.abs(net)).toBeLessThanOrEqual(Math.abs(d.delta));
              expect(Math.sign(net)).toBe(Math.sign(d.delta));
              for (const p of d.named) expect(Math.sign(p.delta)).toBe(Math.sign(d.delta));
              for (const p of d.offsets) expect(Math.sign(p.delta)).toBe(-Math.sign(d.delta));
              if (!d.offsets.length) expect(Math.abs(named)).toBeLessThanOrEqual(Math.abs(d.delta));
              // The section says it, with the same numbers.
              const text = ctx.whatMoved(key).join(' ');
              for (const p of [...d.named, ...d.offsets])
                expect(text).toContain(`${p.name} (${signedCount(p.delta)} tiket)`);
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});
