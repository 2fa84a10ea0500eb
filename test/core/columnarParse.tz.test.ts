import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../core/metrics/facts';
import { isInsideServiceHours } from '../../core/metrics/serviceHours';
import { monthOfWallClock } from '../../core/period/yearMonth';
import { resolvePemda } from '../../core/region/pemda';
import type { CellValue } from '../../core/workbook/cells';
import type { Finding } from '../../core/workbook/findings';
import { topicOf } from '../../core/workbook/topics';
import { type ParsedWorkbook, parseWorkbook, type Ticket } from '../../core/workbook/workbook';

/**
 * The Tiket log is parsed into typed columns (each row written at the next free index and kept
 * only when valid) and counted from those columns. These properties hold that against the plain
 * reading: a row parses the same alone as among others, and the figures equal a row-by-row count
 * of the records.
 */

const NOW = Date.UTC(2025, 5, 30, 12);
const at = (month0: number, day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2025, month0, day, hour, minute));

const dateCell = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }))
      .map(([m, d, h]) => at(m, d, h, 30)),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => at(m, d, 0)),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom<CellValue>(
      '15/01/2025 10:30',
      '2025-02-03',
      '7 Maret 2025',
      '31/02/2025',
      'kemarin',
      '#REF!',
      45_700,
      new Date(Number.NaN),
      at(11, 1, 9), // December 2025: after NOW, in the future
      null,
      '  ',
    ),
  },
);
const optionalDate = fc.oneof(
  { weight: 3, arbitrary: fc.constant<CellValue>(null) },
  { weight: 2, arbitrary: dateCell },
);

const columns: Record<string, fc.Arbitrary<CellValue>> = {
  Tanggal: dateCell,
  Kanal: fc.constantFrom<CellValue>(
    'WhatsApp',
    'WA',
    ' email ',
    'Dering',
    'Hai',
    'Live Chat',
    'Whatsap',
    'Faks',
    7,
    '#N/A',
    null,
  ),
  'Kategori Pengguna': fc.constantFrom<CellValue>('Pemda', 'K/L', 'Mahasiswa', 'Lainnya', 'Alien', null, ''),
  'Nama Instansi': fc.constantFrom<CellValue>(
    'Kab. Bogor',
    ' Kota Bandung ',
    'Provinsi Aceh',
    'Kota Manado',
    'Kab. Fak Fak',
    'Bogor',
    'Kab. Bogr',
    null,
  ),
  Topik: fc.constantFrom<CellValue>('DAU', 'dak fisik', 'Spam', 'Topik Baru', 'Lainnya', null, '   ', 12),
  'Zona Waktu': fc.constantFrom<CellValue>('WIB', 'WITA', 'WIT', 'Timur', 'Mars', null),
  'Jam Layanan': fc.constantFrom<CellValue>('Dalam', 'Luar', 'Kadang', null, null, null),
  Eskalasi: fc.constantFrom<CellValue>('Ya', 'Tidak', 'Y', 1, 'Mungkin', null),
  'Unit Layer 2': fc.constantFrom<CellValue>('DTU', 'Sekretariat', 'sipt', 'Unit X', null, null),
  'Tanggal Eskalasi': optionalDate,
  'Tanggal Tanggapan': optionalDate,
  Agen: fc.constantFrom<CellValue>('Agen A', 'Agen B', null),
  Jumlah: fc.constantFrom<CellValue>(null, null, 1, 2, 3, '2', 0, -1, 1.5, 'dua'),
};
/** A tab's grid: the required columns and some optional ones, in any order; rows may be blank. */
function gridOf(cells: Record<string, fc.Arbitrary<CellValue>>, required: readonly string[]) {
  const optional = Object.keys(cells).filter((h) => !required.includes(h));
  return fc.tuple(fc.shuffledSubarray(optional), fc.nat()).chain(([chosen, seed]) => {
    const header = [...required, ...chosen];
    // Rotate so that required columns are not always first.
    const shift = seed % header.length;
    const ordered = [...header.slice(shift), ...header.slice(0, shift)];
    const row = fc.tuple(...ordered.map((h) => cells[h] as fc.Arbitrary<CellValue>));
    const rows = fc.array(
      fc.oneof({ weight: 9, arbitrary: row }, { weight: 1, arbitrary: fc.constant<CellValue[]>([]) }),
      { maxLength: 40 },
    );
    return rows.map((r) => [ordered as CellValue[], ...r]);
  });
}
const grid = gridOf(columns, ['Tanggal', 'Kanal']);

/** Media Sosial: month, enum, count and number columns (what Tiket's columns do not exercise). */
const count = fc.constantFrom<CellValue>(null, 0, 12, '1.010', 3.5, -2, 'banyak');
const medsosGrid = gridOf(
  {
    Bulan: fc.constantFrom<CellValue>('2025-01', 'Jan-25', 'Februari 2025', at(2, 1, 0), '2025-13', 'kapan', null),
    Platform: fc.constantFrom<CellValue>('Instagram', 'IG', 'Twitter', 'Friendster', null),
    Followers: count,
    Feeds: count,
    'Reach Rata-rata': fc.constantFrom<CellValue>(null, 81.5, '81,58', 'x'),
  },
  ['Bulan', 'Platform'],
);

const parse = (tiket: CellValue[][]) => parseWorkbook({ Tiket: tiket }, { now: NOW });
const ticketFindings = (wb: ParsedWorkbook) => wb.findings.filter((f) => f.tab === 'Tiket');
const byText = (findings: readonly Finding[]) => findings.map((f) => JSON.stringify(f)).sort();

describe('columnar Tiket parse', () => {
  it("a row's record and findings do not depend on the rows before it", () => {
    fc.assert(
      fc.property(grid, (tiket) => {
        const whole = parse(tiket);
        const records: Ticket[] = [];
        const findings: Finding[] = [];
        for (let r = 1; r < tiket.length; r++) {
          // The same row alone, at the same sheet row (blank rows before it are skipped).
          const alone = parse([tiket[0] ?? [], ...Array.from({ length: r - 1 }, () => []), tiket[r] ?? []]);
          records.push(...alone.tiket);
          findings.push(...ticketFindings(alone));
        }
        expect(whole.tiket).toEqual(records);
        expect(byText(ticketFindings(whole))).toEqual(byText(findings));
      }),
      { numRuns: 150 },
    );
  });

  it("a Media Sosial row's record and findings do not depend on the rows before it", () => {
    fc.assert(
      fc.property(medsosGrid, (medsos) => {
        const parseMedsos = (grid: CellValue[][]) => parseWorkbook({ 'Media Sosial': grid }, { now: NOW });
        const of = (wb: ParsedWorkbook) => wb.findings.filter((f) => f.tab === 'Media Sosial');
        const whole = parseMedsos(medsos);
        const alone = medsos
          .slice(1)
          .map((row, i) => parseMedsos([medsos[0] ?? [], ...Array.from({ length: i }, () => []), row]));
        expect(whole.medsos).toEqual(alone.flatMap((wb) => wb.medsos));
        expect(byText(of(whole))).toEqual(byText(alone.flatMap(of)));
      }),
      { numRuns: 150 },
    );
  });

  it('ticket facts counted from the columns equal a row-by-row count of the records', () => {
    fc.assert(
      fc.property(grid, fc.integer({ min: 0, max: 27 }), (tiket, cutDay) => {
        const wb = parse(tiket);
        // Every key of every month the whole log touches: a count where none is expected fails too.
        const everything = rowByRow(wb, wb.tiket);
        const keys = new Set([...everything.values()].flatMap((month) => [...month.keys()]));
        const check = (tickets: readonly Ticket[], facts: ReturnType<typeof aggregate>['facts']) => {
          const expected = rowByRow(wb, tickets);
          for (const m of everything.keys()) {
            const reader = facts.reader(m);
            for (const key of keys) expect([m, key, reader.get(key)]).toEqual([m, key, expected.get(m)?.get(key) ?? 0]);
          }
        };
        check(wb.tiket, aggregate(wb).facts);
        // A subset of rows (what the bot counts for a range of days) is counted as its own records.
        const cut = Date.UTC(2025, 0, 1) + cutDay * 5 * 86_400_000;
        const dates = wb.tiketTable.date('tanggal').ms;
        const early = { ...wb, tiketTable: wb.tiketTable.where((i) => (dates[i] ?? 0) < cut) };
        check(
          wb.tiket.filter((t) => t.tanggal.ms < cut),
          aggregate(early).facts,
        );
      }),
      { numRuns: 150 },
    );
  });
});

/** The ticket counters, counted the plain way: one record at a time, one key at a time. */
function rowByRow(wb: ParsedWorkbook, tickets: readonly Ticket[]): Map<number, Map<string, number>> {
  const out = new Map<number, Map<string, number>>();
  const add = (m: number, key: string, n: number) => {
    const month = out.get(m) ?? new Map<string, number>();
    out.set(m, month);
    month.set(key, (month.get(key) ?? 0) + n);
  };
  for (const t of tickets) {
    const m = monthOfWallClock(t.tanggal.ms);
    const w = t.jumlah;
    add(m, 'konsultasi.total', w);
    add(m, `konsultasi.kanal.${t.kanal}`, w);
    add(m, t.kategori === null ? 'konsultasi.pengguna.tidakDiisi' : `konsultasi.pengguna.${t.kategori}`, w);
    if (t.topik) {
      add(m, `konsultasi.topik.${topicOf(t.topik).key}`, w);
      add(m, `konsultasi.kanal.${t.kanal}.topik.${topicOf(t.topik).key}`, w);
    }
    const inside =
      t.jamLayanan === null ? isInsideServiceHours(t.tanggal, wb.settings, wb.holidays) : t.jamLayanan === 'dalam';
    add(m, inside ? 'konsultasi.jam.dalam' : 'konsultasi.jam.luar', w);
    // A blank zone of a Pemda on the official list is its province's.
    const pemda = t.kategori === 'pemda' && t.instansi ? resolvePemda(t.instansi) : null;
    const fromPemda = t.zona === null && pemda?.status === 'found' ? pemda.pemda.province.zone : null;
    const zone = t.zona ?? fromPemda;
    if (zone === null) {
      add(m, 'konsultasi.zona.tidakTeridentifikasi', w);
      if (!inside) add(m, 'konsultasi.luarJam.tidakTeridentifikasi', w);
    } else {
      add(m, 'konsultasi.zona.teridentifikasi', w);
      if (fromPemda) add(m, 'konsultasi.zona.dariPemda', w);
      add(m, inside ? 'konsultasi.zona.dalamJam' : 'konsultasi.zona.luarJam', w);
      add(m, `konsultasi.${inside ? 'dalamJam' : 'luarJam'}.${zone}`, w);
    }
    const escalated = t.eskalasi === 'ya' || (t.eskalasi === null && t.unit !== null);
    if (escalated) {
      add(m, 'konsultasi.eskalasi', w);
      if (!inside) add(m, 'konsultasi.luarJam.eskalasi', w);
      if (t.unit !== null) {
        add(m, 'layer2.total', w);
        add(m, `layer2.unit.${t.unit}`, w);
        if (t.tanggalTanggapan === null) add(m, 'layer2.menunggu', w);
      }
    }
  }
  return out;
}
