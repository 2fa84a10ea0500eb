import { z } from 'zod';
import { closestMatch, looseKey } from '../text/textMatch';
import { type CellValue, coerceNumber, coerceTimeOfDay, isBlank, quoteText } from './cells';
import { DEFAULT_LAYER2_UNITS } from './enums';
import type { Finding } from './findings';

/** The team's settings (`Pengaturan` tab), with the defaults of TRACKING_WORKBOOK.md. */
export const SettingsSchema = z.object({
  /** Minutes after midnight, WIB. */
  serviceStart: z
    .number()
    .int()
    .min(0)
    .max(1440)
    .default(8 * 60),
  serviceEnd: z
    .number()
    .int()
    .min(0)
    .max(1440)
    .default(16 * 60),
  /** Service weekdays, 0 = Minggu … 6 = Sabtu. */
  serviceDays: z.array(z.number().int().min(0).max(6)).min(1).default([1, 2, 3, 4, 5]),
  satisfactionTarget: z.number().min(1).max(5).default(3.5),
  guestLimit: z.number().int().min(1).default(5),
  minRatingsPerAgent: z.number().int().min(1).default(5),
  layer2Units: z
    .array(z.string().min(1))
    .min(1)
    .default([...DEFAULT_LAYER2_UNITS]),
  percentDecimals: z.number().int().min(0).max(4).default(0),
  /** Telepon service level: answered within this many seconds … */
  serviceLevelSeconds: z.number().min(1).default(10),
  /** … for at least this share of calls (percent). */
  serviceLevelTarget: z.number().min(1).max(100).default(80),
  /** How many Pemda the report names as "Pemda Pengguna Terbanyak" (ties beyond are said in words). */
  topPemda: z.number().int().min(1).max(50).default(3),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

const DAY_WORDS = ['minggu', 'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu'];

/** "Senin-Jumat", "Senin, Rabu, Jumat" → weekday numbers. */
function parseDays(text: string): number[] | null {
  const words = text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/\s*,\s*|\s+dan\s+/);
  const days = new Set<number>();
  for (const word of words) {
    const range = word.split(/\s*[-–]\s*|\s+s\.?d\.?\s+|\s+sampai\s+/);
    const indexes = range.map((w) => DAY_WORDS.indexOf(looseKey(w)));
    if (indexes.some((i) => i < 0)) return null;
    const [from, to = from] = indexes as [number, number?];
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return [...days].sort();
}

type SettingKey = keyof Settings;
type SettingParser = (cell: CellValue) => unknown;

const number: SettingParser = (cell) => {
  const n = coerceNumber(cell);
  return n.ok ? n.value : undefined;
};
const time: SettingParser = (cell) => {
  const t = coerceTimeOfDay(cell);
  return t.ok ? t.value : undefined;
};
const list: SettingParser = (cell) =>
  String(cell ?? '')
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

const SETTING_ROWS: ReadonlyArray<readonly [label: string, key: SettingKey, parse: SettingParser]> = [
  ['Jam Layanan Mulai', 'serviceStart', time],
  ['Jam Layanan Selesai', 'serviceEnd', time],
  ['Hari Layanan', 'serviceDays', (cell) => parseDays(String(cell ?? '')) ?? undefined],
  ['Target Kepuasan', 'satisfactionTarget', number],
  ['Batas Jumlah Tamu', 'guestLimit', number],
  ['Minimal Penilaian per Agen', 'minRatingsPerAgent', number],
  ['Unit Layer 2', 'layer2Units', list],
  ['Desimal Persen', 'percentDecimals', number],
  ['Batas Waktu Tunggu Telepon (detik)', 'serviceLevelSeconds', number],
  ['Target Service Level (%)', 'serviceLevelTarget', number],
  ['Jumlah Pemda Teratas', 'topPemda', number],
];

/** The rows "Buat Template" writes into `Pengaturan`. */
export const SETTING_TEMPLATE_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['Jam Layanan Mulai', '08:00'],
  ['Jam Layanan Selesai', '16:00'],
  ['Hari Layanan', 'Senin-Jumat'],
  ['Target Kepuasan', '3,5'],
  ['Batas Jumlah Tamu', '5'],
  ['Minimal Penilaian per Agen', '5'],
  ['Unit Layer 2', DEFAULT_LAYER2_UNITS.join(', ')],
  ['Desimal Persen', '0'],
  ['Batas Waktu Tunggu Telepon (detik)', '10'],
  ['Target Service Level (%)', '80'],
  ['Jumlah Pemda Teratas', '3'],
];

export interface SettingRow {
  readonly row: number;
  readonly kunci: string;
  readonly nilai: CellValue;
}

/** Settings from the `Pengaturan` rows; a bad value keeps the default and becomes a finding. */
export function readSettings(
  rows: readonly SettingRow[],
  tabName: string,
): { settings: Settings; findings: Finding[] } {
  const findings: Finding[] = [];
  const raw: Record<string, unknown> = {};
  const byKey = new Map(SETTING_ROWS.map((s) => [looseKey(s[0]), s] as const));
  for (const row of rows) {
    const entry = byKey.get(looseKey(row.kunci));
    const finding = (message: string): Finding => ({
      tab: tabName,
      row: row.row,
      column: entry ? 'Nilai' : 'Kunci',
      cell: `${entry ? 'B' : 'A'}${row.row}`,
      severity: 'warning',
      message,
      month: null,
    });
    if (!entry) {
      const near = closestMatch(row.kunci, SETTING_ROWS, (s) => s[0]);
      findings.push(
        finding(
          near
            ? `Pengaturan '${quoteText(row.kunci)}' tidak dikenal; maksud Anda '${near[0]}'?`
            : `Pengaturan '${quoteText(row.kunci)}' tidak dikenal dan diabaikan`,
        ),
      );
      continue;
    }
    const [label, key, parse] = entry;
    if (isBlank(row.nilai)) continue;
    const value = parse(row.nilai);
    const checked = SettingsSchema.shape[key].safeParse(value);
    if (value === undefined || !checked.success) {
      findings.push(
        finding(`Nilai '${quoteText(String(row.nilai))}' untuk '${label}' tidak valid; dipakai nilai bawaan`),
      );
      continue;
    }
    raw[key] = checked.data;
  }
  const settings = SettingsSchema.parse(raw);
  if (settings.serviceEnd <= settings.serviceStart) {
    findings.push({
      tab: tabName,
      row: null,
      column: 'Nilai',
      cell: null,
      severity: 'warning',
      message: 'Jam Layanan Selesai harus setelah Jam Layanan Mulai; dipakai 08:00–16:00',
      month: null,
    });
    settings.serviceStart = DEFAULT_SETTINGS.serviceStart;
    settings.serviceEnd = DEFAULT_SETTINGS.serviceEnd;
  }
  return { settings, findings };
}
