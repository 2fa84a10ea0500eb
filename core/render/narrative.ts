import type { Report } from '../metrics/model';
import { toIsoMonth } from '../period/yearMonth';
import { closestMatch, looseKey } from '../text/textMatch';
import type { Finding } from '../workbook/findings';
import type { ServiceProfile } from '../workbook/profile';
import { NARASI, type RowOf } from '../workbook/tabs';

/**
 * The team's own words (`Narasi`) and the service's contacts (`Profil Layanan`), placed once for
 * every renderer: the deck puts them on slides, the HTML report in its sections. Where a row goes
 * and how its text splits into paragraphs is decided here only.
 */

export type NarasiRow = RowOf<typeof NARASI>;

export const PEMBUKA = 'Pembuka';
export const EVALUASI = 'Evaluasi dan Saran';

export interface NarrativeParagraph {
  readonly text: string;
  /** Drawn with a "•" in front. */
  readonly bullet: boolean;
  /** A bold line introducing what follows (a `Narasi` row's `Judul`). */
  readonly heading: boolean;
}

export const para = (text: string, bullet = false, heading = false): NarrativeParagraph => ({ text, bullet, heading });

/** `Teks` → paragraphs: lines starting with "-" or "•" are bullets, other lines plain text. */
export function narasiParagraphs(text: string): NarrativeParagraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bullet = /^[-•▪●]\s*/.exec(line);
      return bullet ? para(line.slice(bullet[0].length), true) : para(line);
    });
}

/** Rows for one place: each `Judul` (unless it only repeats `skipTitle`) becomes a heading over its text. */
export function narasiBody(rows: readonly NarasiRow[], skipTitle: string | null): NarrativeParagraph[] {
  return rows.flatMap((row) => [
    ...(row.judul && (skipTitle === null || looseKey(row.judul) !== looseKey(skipTitle))
      ? [para(row.judul, false, true)]
      : []),
    ...narasiParagraphs(row.teks),
  ]);
}

export interface Contact {
  readonly label: string;
  readonly value: string;
}

/** The contact channels of `Profil Layanan`, in the seeds' order; empty values are left out. */
export function contactsOf(profile: ServiceProfile): Contact[] {
  const rows: Array<[string, string]> = [
    ['Telepon', profile.telepon],
    ['WhatsApp', profile.whatsapp],
    ['Email Contact Center', profile.emailCallCenter],
    ['Email Lapor', profile.emailLapor],
    ['Live Chat / Help Desk', profile.liveChat],
    ['Video Conference', profile.videoConference],
    ['Website', profile.website],
    ['Instagram', profile.instagram],
    ['X (Twitter)', profile.x],
    ['Facebook', profile.facebook],
    ['YouTube', profile.youtube],
    ['Jam Operasional', profile.jamOperasional],
  ];
  return rows.filter(([, value]) => value.trim() !== '').map(([label, value]) => ({ label, value }));
}

export interface NarasiPlacement {
  readonly pembuka: NarasiRow[];
  readonly evaluasi: NarasiRow[];
  /** Rows by the id of the section they name (by its title or id). */
  readonly bySection: Map<string, NarasiRow[]>;
  /** Rows naming no section; each has a finding with the closest name. */
  readonly unplaced: NarasiRow[];
  readonly findings: Finding[];
}

/** Where each of the month's `Narasi` rows goes: by section title or id, `Pembuka`, `Evaluasi dan Saran`. */
export function placeNarasi(report: Report, rows: readonly NarasiRow[]): NarasiPlacement {
  const placement: NarasiPlacement = { pembuka: [], evaluasi: [], bySection: new Map(), unplaced: [], findings: [] };
  const targets = new Map<string, string>();
  for (const s of report.sections) {
    targets.set(looseKey(s.title), s.id);
    targets.set(looseKey(s.id), s.id);
  }
  const names = [...report.sections.flatMap((s) => [s.title, s.id]), PEMBUKA, EVALUASI];
  for (const row of rows) {
    if (toIsoMonth(row.bulan) !== report.month) continue;
    const key = looseKey(row.bagian);
    if (key === looseKey(PEMBUKA)) placement.pembuka.push(row);
    else if (key === looseKey(EVALUASI)) placement.evaluasi.push(row);
    else {
      const id = targets.get(key);
      if (id !== undefined) {
        const list = placement.bySection.get(id) ?? [];
        list.push(row);
        placement.bySection.set(id, list);
        continue;
      }
      placement.unplaced.push(row);
      const near = closestMatch(row.bagian, names, (n) => n);
      placement.findings.push({
        tab: NARASI.name,
        row: row.row,
        column: 'Bagian',
        cell: `B${row.row}`,
        severity: 'warning',
        message: `${near ? `Bagian '${row.bagian}' tidak dikenal; maksud Anda '${near}'?` : `Bagian '${row.bagian}' tidak dikenal.`} Teksnya ditaruh sebelum ${EVALUASI}`,
        month: report.month,
      });
    }
  }
  return placement;
}
