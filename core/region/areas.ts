import { slug } from '../text/textMatch';
import { AREA_DATA_VERSION, PROVINCE_LINES, REGENCY_LINES } from './areas.generated';
import { ZONE_OF_PROVINCE, type ZoneId } from './zones';

/**
 * The official list of Pemda (Kemendagri, from idn-area-data): 38 provinces and 514 kabupaten/kota.
 *
 * Names: the data-entry side (template drop-down, Validasi suggestions) offers the official name
 * ("Kabupaten Bogor", "Provinsi Daerah Khusus Ibukota Jakarta"); everything the report's readers
 * see (report, deck, add-on tab, bot) prints the short form the team's reports use: "Kab. Bogor",
 * "Kota Bogor", "Prov. Jawa Barat", "Prov. DKI Jakarta" ("Administrasi" of the Jakarta cities left
 * out: "Kota Jakarta Pusat").
 */
export { AREA_DATA_VERSION };

export type PemdaKind = 'provinsi' | 'kabupaten' | 'kota';

/**
 * The seven island groups; the first digit of a province code says which (Kemendagri numbers
 * Sumatera 1x and 2x (Kepulauan Riau), Jawa 3x, Bali–Nusa Tenggara 5x, … Papua 9x).
 */
export const ISLAND_GROUPS = [
  { id: 'sumatera', name: 'Sumatera', digits: '12' },
  { id: 'jawa', name: 'Jawa', digits: '3' },
  { id: 'balinusra', name: 'Bali dan Nusa Tenggara', digits: '5' },
  { id: 'kalimantan', name: 'Kalimantan', digits: '6' },
  { id: 'sulawesi', name: 'Sulawesi', digits: '7' },
  { id: 'maluku', name: 'Maluku', digits: '8' },
  { id: 'papua', name: 'Papua', digits: '9' },
] as const;
export type IslandGroup = (typeof ISLAND_GROUPS)[number];

export interface Province {
  /** Kemendagri code: "35". */
  readonly code: string;
  /** As the list writes it: "Daerah Khusus Ibukota Jakarta". */
  readonly officialName: string;
  /** As reports print it: "DKI Jakarta", "Jawa Timur". */
  readonly name: string;
  /** Metric-key part: `konsultasi.provinsi.jawatimur`. */
  readonly slug: string;
  readonly zone: ZoneId;
  readonly island: IslandGroup;
}

export interface Pemda {
  /** Position in PEMDA (provinces first, then kabupaten/kota in code order). */
  readonly index: number;
  /** "35" for a province, "35.13" for a kabupaten/kota. */
  readonly code: string;
  readonly kind: PemdaKind;
  /** "Kabupaten Probolinggo", "Provinsi Jawa Timur". */
  readonly officialName: string;
  /** "Kab. Probolinggo", "Prov. Jawa Timur": what reports print. */
  readonly name: string;
  /** The official name without its kind ("Probolinggo", "Administrasi Jakarta Pusat"). */
  readonly bareName: string;
  readonly province: Province;
}

/** The province names the team's reports shorten ("Prov. DKI Jakarta"). */
const PROVINCE_SHORT_NAMES: Readonly<Record<string, string>> = {
  '31': 'DKI Jakarta',
  '34': 'DI Yogyakarta',
};

const lines = (block: string) =>
  block.split('\n').map((line) => {
    const bar = line.indexOf('|');
    return [line.slice(0, bar), line.slice(bar + 1)] as const;
  });

function islandOf(code: string): IslandGroup {
  const group = ISLAND_GROUPS.find((g) => g.digits.includes(code.charAt(0)));
  if (!group) throw new Error(`province ${code} has no island group`);
  return group;
}

export const PROVINCES: readonly Province[] = lines(PROVINCE_LINES).map(([code, officialName]) => {
  const zone = ZONE_OF_PROVINCE[code];
  if (!zone) throw new Error(`province ${code} ${officialName} has no time zone`);
  const name = PROVINCE_SHORT_NAMES[code] ?? officialName;
  return { code, officialName, name, slug: slug(name), zone, island: islandOf(code) };
});

const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));

/** Every Pemda of the official list: the 38 provinces, then the 514 kabupaten/kota. */
export const PEMDA: readonly Pemda[] = [
  ...PROVINCES.map((province) => ({
    code: province.code,
    kind: 'provinsi' as const,
    officialName: `Provinsi ${province.officialName}`,
    name: `Prov. ${province.name}`,
    bareName: province.officialName,
    province,
  })),
  ...lines(REGENCY_LINES).map(([code, officialName]) => {
    const kota = officialName.startsWith('Kota ');
    const bareName = officialName.slice(kota ? 'Kota '.length : 'Kabupaten '.length);
    const province = provinceByCode.get(code.slice(0, 2));
    if (!province) throw new Error(`${code} ${officialName} has no province`);
    const shown = bareName.replace(/^Administrasi /, '');
    return {
      code,
      kind: kota ? ('kota' as const) : ('kabupaten' as const),
      officialName,
      name: kota ? `Kota ${shown}` : `Kab. ${shown}`,
      bareName,
      province,
    };
  }),
].map((pemda, index) => ({ ...pemda, index }));
