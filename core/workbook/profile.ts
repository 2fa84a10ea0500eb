import { closestMatch, looseKey } from '../text/textMatch';
import type { Finding } from './findings';

/** The deck's fixed pages (`Profil Layanan` tab); missing keys take the seeds' own values. */
export interface ServiceProfile {
  readonly telepon: string;
  readonly whatsapp: string;
  readonly emailCallCenter: string;
  readonly emailLapor: string;
  readonly liveChat: string;
  readonly videoConference: string;
  readonly website: string;
  readonly instagram: string;
  readonly x: string;
  readonly facebook: string;
  readonly youtube: string;
  readonly alamat: string;
  readonly jamOperasional: string;
  /** A file path (CLI), a Drive file id or a URL (add-on); null: no logo. */
  readonly logo: string | null;
}

type ProfileKey = keyof ServiceProfile;

/** [label in the tab, key, default]: TRACKING_WORKBOOK.md, values from the seed reports. */
export const PROFILE_ROWS: ReadonlyArray<readonly [label: string, key: ProfileKey, fallback: string]> = [
  ['Telepon', 'telepon', 'Dering DJPK 150420'],
  ['WhatsApp', 'whatsapp', '0811-150420-7'],
  ['Email Call Center', 'emailCallCenter', 'callcenter.djpk@kemenkeu.go.id'],
  ['Email Lapor', 'emailLapor', 'lapor.djpk@kemenkeu.go.id'],
  ['Live Chat', 'liveChat', 'contact-djpk.kemenkeu.go.id'],
  ['Video Conference', 'videoConference', 'DJPK Kemenkeu'],
  ['Website', 'website', 'www.djpk.kemenkeu.go.id'],
  ['Instagram', 'instagram', '@ditjenpk'],
  ['X', 'x', '@DitjenPK'],
  ['Facebook', 'facebook', 'Direktorat Jenderal Perimbangan Keuangan'],
  ['YouTube', 'youtube', 'DitjenPK Kemenkeu RI'],
  ['Alamat', 'alamat', 'Jalan Dr. Wahidin Raya Nomor 1, Sawah Besar, Jakarta Pusat 10710'],
  ['Jam Operasional', 'jamOperasional', 'Senin – Jumat, 08.00 – 16.00 WIB'],
  ['Logo', 'logo', ''],
];

export const DEFAULT_PROFILE: ServiceProfile = Object.fromEntries(
  PROFILE_ROWS.map(([, key, fallback]) => [key, key === 'logo' ? null : fallback]),
) as unknown as ServiceProfile;

export interface ProfileRow {
  readonly row: number;
  readonly kunci: string;
  readonly nilai: string | null;
}

/** The profile from the `Profil Layanan` rows; an unknown key is a warning with the closest match. */
export function readProfile(
  rows: readonly ProfileRow[],
  tabName: string,
): { profile: ServiceProfile; findings: Finding[] } {
  const findings: Finding[] = [];
  const values: Record<string, string | null> = { ...DEFAULT_PROFILE };
  const byKey = new Map(PROFILE_ROWS.map((r) => [looseKey(r[0]), r] as const));
  for (const row of rows) {
    const entry = byKey.get(looseKey(row.kunci));
    if (!entry) {
      const near = closestMatch(row.kunci, PROFILE_ROWS, (r) => r[0]);
      findings.push({
        tab: tabName,
        row: row.row,
        column: 'Kunci',
        cell: `A${row.row}`,
        severity: 'warning',
        message: near
          ? `Kunci '${row.kunci}' tidak dikenal; maksud Anda '${near[0]}'?`
          : `Kunci '${row.kunci}' tidak dikenal dan diabaikan`,
        month: null,
      });
      continue;
    }
    const value = row.nilai?.trim() ?? '';
    if (value !== '') values[entry[1]] = value;
  }
  return { profile: values as unknown as ServiceProfile, findings };
}
