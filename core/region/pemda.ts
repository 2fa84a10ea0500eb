import { MatchList } from '../text/textMatch';
import { PEMDA, type Pemda, type PemdaKind, type Province } from './areas';

/**
 * A Pemda name as agents type it → the one Pemda of the official list it names.
 *
 * Rules (each pinned by test/core/pemda.test.ts with real names):
 * - Case, punctuation and spaces never matter ("KAB BOGOR", "Kab.Bogor", "Fak Fak" = "Fakfak").
 * - A kind word says which list: Kab, Kab., Kabupaten, Pemkab, Pemerintah Kabupaten → kabupaten;
 *   Kota, Pemkot, Pemerintah Kota, Kotamadya, Kota Madya → kota; Prov, Prov., Provinsi, Propinsi,
 *   Pemprov, Pemerintah Provinsi → provinsi. Words before it are the office ("DPRD Kab. Brebes",
 *   "BPKAD Kota Bogor"), remarks in parentheses are dropped ("Kab. Brebes (DPRD)"), and
 *   "Administrasi"/"Adm." is optional ("Kota Jakarta Pusat"); "Kep." is "Kepulauan".
 * - Kabupaten and Kota of one name stay apart: "Kab. Bogor" and "Kota Bogor" are two Pemda.
 * - A bare name ("Manado", "Jawa Timur") resolves when it names one Pemda; "Bogor" names two and
 *   is ambiguous, as is "Yogyakarta" (Kota Yogyakarta or DI Yogyakarta).
 * - Usual short names of provinces (DKI Jakarta, DIY, NTB, Jatim, Sulsel, …) and of kabupaten/kota
 *   without "Kepulauan"/"Pulau" ("Kab. Mentawai", "Kab. Morotai") when that names no other Pemda.
 * Anything else is unknown; `suggestPemda` offers the closest official names.
 */

export type PemdaResolution =
  | { readonly status: 'found'; readonly pemda: Pemda }
  | { readonly status: 'ambiguous'; readonly candidates: readonly Pemda[] }
  | { readonly status: 'unknown' };

const KIND_WORDS: Readonly<Record<string, PemdaKind>> = {
  kab: 'kabupaten',
  kabupaten: 'kabupaten',
  pemkab: 'kabupaten',
  kota: 'kota',
  pemkot: 'kota',
  kotamadya: 'kota',
  kodya: 'kota',
  prov: 'provinsi',
  provinsi: 'provinsi',
  propinsi: 'provinsi',
  prop: 'provinsi',
  pemprov: 'provinsi',
  pemprop: 'provinsi',
};

/** Words that open a name without saying its kind ("Pemerintah Daerah Jawa Barat", "Pemda Manado"). */
const OPENING_WORDS = new Set(['pemerintah', 'pem', 'daerah', 'pemda', 'dprd', 'setda', 'sekretariat']);
/** Words after the kind that are not the name ("Kota Madya Malang", "Kota Administrasi Jakarta Pusat"). */
const KIND_TAIL_WORDS = new Set(['madya', 'administrasi', 'adm']);
const EXPANSIONS: Readonly<Record<string, string>> = { kep: 'kepulauan' };

/** Short names of provinces in everyday use; each names one province only. */
const PROVINCE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '11': ['Nanggroe Aceh Darussalam', 'NAD'],
  '12': ['Sumut'],
  '13': ['Sumbar'],
  '16': ['Sumsel'],
  '19': ['Bangka Belitung', 'Babel'],
  '21': ['Kepri'],
  '31': ['DKI Jakarta', 'DKI', 'Jakarta', 'Daerah Khusus Jakarta'],
  '32': ['Jabar'],
  '33': ['Jateng'],
  '34': ['DI Yogyakarta', 'DIY', 'Yogyakarta'],
  '35': ['Jatim'],
  '52': ['NTB'],
  '53': ['NTT'],
  '61': ['Kalbar'],
  '62': ['Kalteng'],
  '63': ['Kalsel'],
  '64': ['Kaltim'],
  '65': ['Kaltara'],
  '71': ['Sulut'],
  '72': ['Sulteng'],
  '73': ['Sulsel'],
  '74': ['Sultra'],
  '76': ['Sulbar'],
  '82': ['Malut'],
};

/** Former names of kabupaten renamed by law, still typed: code → names. */
const FORMER_NAMES: Readonly<Record<string, readonly string[]>> = {
  '12.12': ['Toba Samosir'], // UU 4/2020 renamed it Toba (PP 44/2020)
  '81.03': ['Maluku Tenggara Barat'], // Kepulauan Tanimbar since PP 2/2019
};

/** A longer text is no Pemda name (the longest official name has 42 characters). */
const MAX_NAME_CHARS = 200;

interface ParsedName {
  readonly kind: PemdaKind | null;
  /** The name's words joined, lowercase, without punctuation ("bangkaselatan"). */
  readonly key: string;
}

const wordsOf = (text: string): string[] =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean);

/** The name's key from its words (after the kind word, if any). */
function nameKey(words: readonly string[]): string {
  let i = 0;
  while (i < words.length && KIND_TAIL_WORDS.has(words[i] ?? '')) i++;
  return words
    .slice(i)
    .map((w) => EXPANSIONS[w] ?? w)
    .join('');
}

/** The kind (from the first kind word followed by a name) and the name's key. */
export function parsePemdaName(text: string): ParsedName | null {
  if (text.length > MAX_NAME_CHARS) return null;
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    const kind = KIND_WORDS[words[i] ?? ''];
    if (kind === undefined) continue;
    const key = nameKey(words.slice(i + 1));
    // "Lima Puluh Kota": a kind word with no name after it is part of the name.
    if (key) return { kind, key };
  }
  let start = 0;
  while (start < words.length && OPENING_WORDS.has(words[start] ?? '')) start++;
  return { kind: null, key: nameKey(words.slice(start)) };
}

type KeyIndex = Map<string, Pemda[]>;

interface Index {
  readonly byKind: Readonly<Record<PemdaKind, KeyIndex>>;
  readonly any: KeyIndex;
  /** Every key of each kind, prepared for suggestions. */
  readonly keys: Readonly<Record<PemdaKind | 'any', MatchList<{ key: string; pemda: Pemda }>>>;
}

const push = (index: KeyIndex, key: string, pemda: Pemda) => {
  const list = index.get(key);
  if (!list) index.set(key, [pemda]);
  else if (!list.includes(pemda)) list.push(pemda);
};

const keyOfName = (name: string) => nameKey(wordsOf(name));

function buildIndex(): Index {
  const byKind: Record<PemdaKind, KeyIndex> = { provinsi: new Map(), kabupaten: new Map(), kota: new Map() };
  const official = (pemda: Pemda) => keyOfName(pemda.bareName);
  for (const pemda of PEMDA) push(byKind[pemda.kind], official(pemda), pemda);
  // Aliases only where they name nobody else of the kind: an official name always wins.
  const alias = (pemda: Pemda, name: string) => {
    const key = keyOfName(name);
    if (key && !byKind[pemda.kind].has(key)) push(byKind[pemda.kind], key, pemda);
  };
  for (const pemda of PEMDA) {
    if (pemda.kind === 'provinsi') {
      alias(pemda, pemda.province.name);
      for (const name of PROVINCE_ALIASES[pemda.code] ?? []) alias(pemda, name);
      continue;
    }
    for (const name of FORMER_NAMES[pemda.code] ?? []) alias(pemda, name);
    // "Kepulauan Mentawai" → "Mentawai", "Tidore Kepulauan" → "Tidore"; not "Pangkajene dan Kepulauan".
    const shorter = pemda.bareName
      .replace(/^(Administrasi )?(Kepulauan|Pulau) /, '')
      .replace(/(?<! dan) Kepulauan$/, '');
    if (shorter !== pemda.bareName) alias(pemda, shorter);
  }
  const any: KeyIndex = new Map();
  const entries = (index: KeyIndex) =>
    new MatchList(
      [...index].flatMap(([key, list]) => list.map((pemda) => ({ key, pemda }))),
      (entry) => entry.key,
    );
  for (const kind of ['provinsi', 'kabupaten', 'kota'] as const) {
    for (const [key, list] of byKind[kind]) for (const pemda of list) push(any, key, pemda);
  }
  return {
    byKind,
    any,
    keys: {
      provinsi: entries(byKind.provinsi),
      kabupaten: entries(byKind.kabupaten),
      kota: entries(byKind.kota),
      any: entries(any),
    },
  };
}

let index: Index | null = null;
/** Built on first use (a few milliseconds), not when core loads: most runs of the add-on never resolve a name. */
const theIndex = () => {
  index ??= buildIndex();
  return index;
};

/** Distinct names remembered: every real log fits; a hostile one is still resolved, just not remembered. */
const CACHE_LIMIT = 50_000;
const cache = new Map<string, PemdaResolution>();

function resolveUncached(text: string): PemdaResolution {
  const parsed = parsePemdaName(text);
  if (!parsed?.key) return { status: 'unknown' };
  const { byKind, any } = theIndex();
  const found = (parsed.kind ? byKind[parsed.kind] : any).get(parsed.key) ?? [];
  if (found.length === 1 && found[0]) return { status: 'found', pemda: found[0] };
  if (found.length > 1) return { status: 'ambiguous', candidates: found };
  return { status: 'unknown' };
}

/** The Pemda `text` names. Each distinct text is resolved once (a map lookup after that). */
export function resolvePemda(text: string): PemdaResolution {
  let result = cache.get(text);
  if (result === undefined) {
    result = resolveUncached(text);
    if (cache.size < CACHE_LIMIT) cache.set(text, result);
  }
  return result;
}

/**
 * The official Pemda closest to an unknown name, closest first (at most 3): the same name of
 * another kind ("Kota Sleman" → Kabupaten Sleman), else near spellings of the kind, else of any
 * kind. The cost is bounded by the name's length (at most 200 characters are read; each candidate
 * comparison stops after 3 edits), never by the cell's.
 */
export function suggestPemda(text: string): Pemda[] {
  const parsed = parsePemdaName(text);
  if (!parsed?.key) return [];
  const { any, keys } = theIndex();
  if (parsed.kind) {
    const sameName = any.get(parsed.key);
    if (sameName) return sameName.slice(0, 3);
  }
  const near = (pool: MatchList<{ key: string; pemda: Pemda }>) => {
    const seen = new Set<Pemda>();
    return pool
      .closest(parsed.key, 12)
      .map((entry) => entry.pemda)
      .filter((pemda) => !seen.has(pemda) && seen.add(pemda))
      .slice(0, 3);
  };
  const ofKind = parsed.kind ? near(keys[parsed.kind]) : [];
  return ofKind.length ? ofKind : near(keys.any);
}

/**
 * The province a Pemda name places its ticket in: its Pemda's, or, for a name of several Pemda of
 * one province ("Bogor": the kabupaten and the kota, both Jawa Barat), that province; else null.
 */
export function provinceOfName(text: string): Province | null {
  const resolved = resolvePemda(text);
  if (resolved.status === 'found') return resolved.pemda.province;
  if (resolved.status === 'unknown') return null;
  const first = resolved.candidates[0]?.province ?? null;
  return resolved.candidates.every((c) => c.province === first) ? first : null;
}
