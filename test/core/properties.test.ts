import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero } from '../../core/format/idNumber';
import { ReportBuilder } from '../../core/metrics/report';
import { monthIndex } from '../../core/period/yearMonth';
import type { CellValue } from '../../core/workbook/cells';
import { parseWorkbook } from '../../core/workbook/workbook';

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
