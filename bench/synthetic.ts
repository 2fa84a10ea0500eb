import { PEMDA, type Pemda } from '../core/region/areas';
import type { CellValue } from '../core/workbook/cells';
import { ZONES } from '../core/workbook/enums';
import { TIKET } from '../core/workbook/tabs';

/** Synthetic `Tiket` rows for benchmarks: deterministic, two years, realistic spellings and mix. */
/** The template's Tiket headers, without the columns the synthetic rows leave to defaults. */
export const TICKET_HEADER: string[] = TIKET.columns
  .filter((c) => c.key !== 'jamLayanan' && c.key !== 'jumlah')
  .map((c) => c.header);

const CHANNELS = ['WhatsApp', 'WhatsApp', 'WhatsApp', 'WA', 'Email', 'Email', 'Telepon', 'Help Desk', 'Live Chat'];
const CATEGORIES = [
  'Pemda',
  'Pemda',
  'Pemda',
  'Pemda',
  'Pemda',
  'Pemda',
  'Pemda',
  'Kementerian/Lembaga',
  'Akademisi',
  'Lainnya',
];
const TOPICS = [
  'DAU',
  'DBH',
  'DAK Fisik',
  'DAK Non Fisik',
  'Dana Desa',
  'Transfer',
  'Aplikasi',
  'JF AKPD',
  'PDRD',
  'SHSR',
  'Surat Masuk',
  'Lainnya',
  'Reservasi',
  'Non-DJPK',
  'Permintaan Data',
  'Spam',
];
const ZONE_SPELLINGS = ['WIB', 'WIB', 'WIB', 'WITA', 'WIT', null];
const UNITS = ['Sekretariat', 'DTU', 'DTK', 'P2D', 'PDRD', 'DDIOKK', 'SIPT'];
/** How agents write a Pemda: the report's short form, the official name, capitals, Pemkab/Pemkot/Pemprov. */
const SPELLINGS: readonly ((p: Pemda) => string)[] = [
  (p) => p.name,
  (p) => p.name,
  (p) => p.officialName,
  (p) => p.name.toUpperCase(),
  (p) =>
    p.officialName
      .replace(/^Kabupaten /, 'Pemkab ')
      .replace(/^Kota /, 'Pemkot ')
      .replace(/^Provinsi /, 'Pemprov '),
];
const START = Date.UTC(2024, 0, 1);
const SPAN_MS = 730 * 86_400_000;

export function syntheticTickets(n: number): CellValue[][] {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const rows: CellValue[][] = [TICKET_HEADER];
  for (let i = 0; i < n; i++) {
    // Whole minutes, as agents log them.
    const ms = START + Math.floor((next() * SPAN_MS) / 60_000) * 60_000;
    const escalated = next() < 0.05;
    const responded = escalated && next() < 0.9;
    const category = pick(CATEGORIES);
    let instansi: string;
    let zone: string | null;
    if (category === 'Pemda') {
      const pemda = pick(PEMDA);
      const spelled = pick(SPELLINGS)(pemda);
      // 1 in 200 misspelled (a letter dropped); 1 in 20 without a zone; the rest in their province's zone.
      instansi = next() < 0.005 ? spelled.slice(0, -2) + spelled.slice(-1) : spelled;
      zone = next() < 0.05 ? null : ZONES.label(pemda.province.zone);
    } else {
      instansi = 'Instansi';
      zone = pick(ZONE_SPELLINGS);
    }
    rows.push([
      new Date(ms),
      pick(CHANNELS),
      category,
      instansi,
      pick(TOPICS),
      zone,
      escalated ? 'Ya' : 'Tidak',
      escalated ? pick(UNITS) : null,
      null,
      responded ? new Date(ms + Math.floor(next() * 6) * 86_400_000) : null,
      'Agen',
    ]);
  }
  return rows;
}
