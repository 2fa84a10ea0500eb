import { ISLAND_GROUPS, type IslandGroup, type Pemda, PROVINCES, type Province } from '../region/areas';
import { resolvePemda } from '../region/pemda';

/**
 * Places in a question (issue 20): "dari Jawa Timur", "di Sulawesi", "provinsi NTB", "pulau Papua".
 * A province is named as the official list or its usual short names have it (core/region: Jatim,
 * DIY, NTB, Sulsel…); an island group by its name. Strict: an island name followed by a direction
 * that makes no province ("Jawa Utara") or a word after "provinsi" that names none is an unknown
 * place, refused by name, never read as the nearest place.
 */

export type Region =
  | { readonly kind: 'province'; readonly province: Province }
  | { readonly kind: 'island'; readonly island: IslandGroup }
  /** One kabupaten or kota, named with its kind ("kab bogor", "kota manado"). */
  | { readonly kind: 'pemda'; readonly pemda: Pemda };

export interface RegionFound {
  /** The places named, in order. */
  readonly regions: readonly Region[];
  /** Place names that name no province or island group, as typed (lower case). */
  readonly unknown: readonly string[];
  /** The question without the place words. */
  readonly rest: string;
}

/** Island groups by their names in questions (normalised words). */
const ISLAND_NAMES: ReadonlyArray<readonly [words: string, id: IslandGroup['id']]> = [
  ['sumatera', 'sumatera'],
  ['sumatra', 'sumatera'],
  ['jawa', 'jawa'],
  ['bali dan nusa tenggara', 'balinusra'],
  ['bali nusa tenggara', 'balinusra'],
  ['bali nusra', 'balinusra'],
  ['nusa tenggara', 'balinusra'],
  ['nusra', 'balinusra'],
  ['kalimantan', 'kalimantan'],
  ['sulawesi', 'sulawesi'],
  ['maluku', 'maluku'],
  ['papua', 'papua'],
];
/** Words before a place that say which kind it is. */
const ISLAND_MARKERS = new Set(['pulau', 'wilayah', 'kepulauan', 'regional']);
const PROVINCE_MARKERS = new Set(['provinsi', 'prov', 'propinsi']);
/** Words before a kabupaten's or kota's name; a bare name ("bogor") names no one Pemda. */
const PEMDA_MARKERS = new Set(['kab', 'kabupaten', 'pemkab', 'kota', 'pemkot', 'kotamadya', 'kodya']);
/** Words that continue an island's name into a province's ("Sulawesi Selatan"). */
const DIRECTIONS = new Set(['utara', 'selatan', 'timur', 'barat', 'tengah', 'tenggara', 'daya', 'pusat', 'pegunungan']);
/** Words that never start a place name, so "provinsi terbanyak" is not an unknown province. */
const NOT_PLACES = new Set([
  'mana',
  'apa',
  'yang',
  'yg',
  'terbanyak',
  'teratas',
  'paling',
  'dengan',
  'dan',
  'di',
  'dari',
  'per',
  'bulan',
  'tiket',
  'konsultasi',
  'pemda',
]);
const MAX_PLACE_WORDS = 4;

const islandOf = (words: string): IslandGroup | null => {
  const id = ISLAND_NAMES.find(([name]) => name === words)?.[1];
  return ISLAND_GROUPS.find((g) => g.id === id) ?? null;
};

/** The province these words name, through the official list's names and short names. */
function provinceOf(words: string): Province | null {
  const resolved = resolvePemda(`Provinsi ${words}`);
  return resolved.status === 'found' ? resolved.pemda.province : null;
}

/** `known`: words of the bot's vocabulary, never an unknown place ("provinsi tidak teridentifikasi"). */
export function findRegions(text: string, known: (word: string) => boolean = () => false): RegionFound {
  const words = text.split(' ').filter(Boolean);
  const regions: Region[] = [];
  const unknown: string[] = [];
  const kept: string[] = [];
  // A word that may start a place name nobody knows ("kab antah", "provinsi borneo").
  const free = (w: string) => w !== '' && !NOT_PLACES.has(w) && !known(w) && !/^\d/.test(w);
  let i = 0;
  while (i < words.length) {
    // "Kab." and "Prov." keep their dot through normalisation (it is part of decimals and dates).
    const word = (words[i] ?? '').replace(/\.$/, '');
    if (PEMDA_MARKERS.has(word)) {
      const after = words[i + 1] ?? '';
      let pemda: { region: Region; end: number } | null = null;
      for (let n = Math.min(MAX_PLACE_WORDS, words.length - i - 1); n >= 1 && !pemda; n--) {
        const resolved = resolvePemda(`${word} ${words.slice(i + 1, i + 1 + n).join(' ')}`);
        if (resolved.status === 'found' && resolved.pemda.kind !== 'provinsi')
          pemda = { region: { kind: 'pemda', pemda: resolved.pemda }, end: i + 1 + n };
      }
      if (pemda) {
        regions.push(pemda.region);
        i = pemda.end;
        continue;
      }
      // "kab antah berantah": a Pemda we cannot name is refused by name, never read as another.
      if (free(after)) {
        let end = i + 2;
        while (end < words.length && end - i < MAX_PLACE_WORDS && free(words[end] ?? '')) end++;
        unknown.push(words.slice(i, end).join(' '));
        i = end;
        continue;
      }
    }
    const marker = ISLAND_MARKERS.has(word) ? 'island' : PROVINCE_MARKERS.has(word) ? 'province' : null;
    let start = marker ? i + 1 : i;
    let found: { region: Region; end: number } | null = null;
    // "Kepulauan Riau" is a province whose name starts with a marker word.
    if (marker === 'island') {
      for (let n = Math.min(MAX_PLACE_WORDS, words.length - i); n >= 2 && !found; n--) {
        const province = provinceOf(words.slice(i, i + n).join(' '));
        if (province) found = { region: { kind: 'province', province }, end: i + n };
      }
      if (found) start = i;
    }
    for (let n = Math.min(MAX_PLACE_WORDS, words.length - start); n >= 1 && !found; n--) {
      const phrase = words.slice(start, start + n).join(' ');
      const island = marker === 'province' ? null : islandOf(phrase);
      const province = marker === 'island' && island ? null : provinceOf(phrase);
      // "papua", "maluku": the province, unless "pulau"/"wilayah" asks for the island group.
      if (province) found = { region: { kind: 'province', province }, end: start + n };
      else if (island) found = { region: { kind: 'island', island }, end: start + n };
    }
    if (found) {
      // An island name and a direction that is no province ("Jawa Utara") is no place we know.
      const next = words[found.end] ?? '';
      if (found.region.kind === 'island' && DIRECTIONS.has(next)) {
        unknown.push(words.slice(start, found.end + 1).join(' '));
        i = found.end + 1;
        continue;
      }
      regions.push(found.region);
      i = found.end;
      continue;
    }
    const after = words[start] ?? '';
    if (marker === 'province' && free(after)) {
      // "provinsi jawa utara": the words up to a direction, at most three.
      let end = start + 1;
      while (end < words.length && end - start < 3 && DIRECTIONS.has(words[end] ?? '')) end++;
      unknown.push(words.slice(start, end).join(' '));
      i = end;
      continue;
    }
    kept.push(words[i] ?? '');
    i++;
  }
  return { regions, unknown, rest: kept.join(' ') };
}

/** An unknown place typed as a kabupaten or kota ("kab antah berantah"). */
export const namesPemda = (place: string): boolean => PEMDA_MARKERS.has(place.split(' ')[0] ?? '');

/** The provinces of a region. */
export const provincesOf = (region: Region): Province[] =>
  region.kind === 'province'
    ? [region.province]
    : region.kind === 'pemda'
      ? [region.pemda.province]
      : PROVINCES.filter((p) => p.island.id === region.island.id);

/** "Provinsi Jawa Timur", "Sulawesi (6 provinsi)". */
export const regionName = (region: Region): string =>
  region.kind === 'province'
    ? `Provinsi ${region.province.name}`
    : region.kind === 'pemda'
      ? region.pemda.name
      : `wilayah ${region.island.name} (${provincesOf(region).length} provinsi)`;

/** The words that ask for a region again ("jawa timur", "pulau sulawesi"). */
export const regionWords = (region: Region): string =>
  region.kind === 'province'
    ? region.province.name.toLowerCase()
    : region.kind === 'pemda'
      ? region.pemda.officialName.toLowerCase()
      : `pulau ${region.island.name.toLowerCase()}`;

/** Every place name the bot knows, for a refusal that lists them. */
export const KNOWN_ISLANDS = ISLAND_GROUPS.map((g) => g.name);
