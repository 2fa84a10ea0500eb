import { type MonthIndex, monthOfWallClock, toIsoMonth } from '../period/yearMonth';
import { PROVINCES } from '../region/areas';
import { provinceOfName, resolvePemda } from '../region/pemda';
import type { ZoneId } from '../region/zones';
import { slug } from '../text/textMatch';
import type { ColumnTable } from '../workbook/columnTable';
import { CHANNELS, PUBLICATION_TYPES, USER_CATEGORIES, ZONES } from '../workbook/enums';
import type { Finding } from '../workbook/findings';
import type { Settings } from '../workbook/settings';
import type { TIKET } from '../workbook/tabs';
import { type Topic, topicOf } from '../workbook/topics';
import type { ParsedWorkbook } from '../workbook/workbook';
import {
  type CoverageKey,
  DYNAMIC_FAMILIES,
  type FactReader,
  MetricCatalog,
  type MetricDef,
  medsosKey,
  PROVINCE_NOT_PEMDA_KEY,
  PROVINCE_UNKNOWN_KEY,
  provinceKey,
} from './catalog';
import { layer2Score, workingDaysBetween } from './layer2Score';
import { isInsideServiceHoursAt } from './serviceHours';

/** Additive monthly counters; every figure of every month is derived from these. */
export class MonthlyFacts {
  private readonly byMonth = new Map<MonthIndex, Map<string, number>>();

  /** The month's counters, for hot loops that add several facts per row. */
  bucket(m: MonthIndex): Map<string, number> {
    return this.month(m);
  }

  private month(m: MonthIndex): Map<string, number> {
    let facts = this.byMonth.get(m);
    if (!facts) {
      facts = new Map();
      this.byMonth.set(m, facts);
    }
    return facts;
  }

  add(m: MonthIndex, key: string, n: number): void {
    const facts = this.month(m);
    facts.set(key, (facts.get(key) ?? 0) + n);
  }

  set(m: MonthIndex, key: string, n: number): void {
    this.month(m).set(key, n);
  }

  reader(m: MonthIndex): FactReader {
    const facts = this.byMonth.get(m);
    return { get: (key) => facts?.get(key) ?? 0, has: (key) => facts?.has(key) ?? false };
  }
}

export interface Aggregates {
  readonly facts: MonthlyFacts;
  /** Months in which each log tab has at least one valid row. */
  readonly coverage: ReadonlyMap<CoverageKey, ReadonlySet<MonthIndex>>;
  readonly catalog: MetricCatalog;
  readonly findings: Finding[];
}

/**
 * Counters addressed by small integers. The ticket loop runs a million times: each key is resolved
 * to a slot once (per distinct value), after which a ticket only adds numbers into an array.
 */
class SlotCounters {
  private readonly slots = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly months = new Map<MonthIndex, Float64Array>();
  /** Length of every month's array: typed arrays keep the hot loop on plain float additions. */
  private capacity = 64;

  slot(key: string): number {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.keys.length;
      this.keys.push(key);
      this.slots.set(key, slot);
      if (slot >= this.capacity) this.grow();
    }
    return slot;
  }

  row(m: MonthIndex): Float64Array {
    let row = this.months.get(m);
    if (!row) {
      row = new Float64Array(this.capacity);
      this.months.set(m, row);
    }
    return row;
  }

  flushInto(facts: MonthlyFacts): void {
    for (const [m, row] of this.months) {
      this.keys.forEach((key, slot) => {
        const value = row[slot];
        // "_cov." counters only decide coverage; they are not figures.
        if (value && !key.startsWith('_cov.')) facts.add(m, key, value);
      });
    }
  }

  monthsWith(slot: number): MonthIndex[] {
    return [...this.months].filter(([, row]) => (row[slot] ?? 0) > 0).map(([m]) => m);
  }

  private grow(): void {
    this.capacity *= 2;
    for (const [m, row] of this.months) {
      const wider = new Float64Array(this.capacity);
      wider.set(row);
      this.months.set(m, wider);
    }
  }
}

const add = (row: Float64Array, slot: number, n: number) => {
  row[slot] = (row[slot] ?? 0) + n;
};

const slotsBy = <Id extends string>(counters: SlotCounters, ids: readonly Id[], prefix: string): Record<Id, number> =>
  Object.fromEntries(ids.map((id) => [id, counters.slot(`${prefix}${id}`)])) as Record<Id, number>;

const MS_PER_DAY = 86_400_000;

/**
 * The month of a wall-clock ms, from a table of the days `dates` spans: one lookup per row instead
 * of a calendar computation. A span too long to tabulate (a stray year 9999) computes per row.
 */
function monthOfDayIn(dates: Float64Array): (ms: number) => MonthIndex {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < dates.length; i++) {
    const ms = dates[i] ?? Number.NaN;
    if (ms < min) min = ms;
    if (ms > max) max = ms;
  }
  const first = Math.floor(min / MS_PER_DAY);
  const span = Math.floor(max / MS_PER_DAY) - first + 1;
  if (!(span > 0 && span <= 100_000)) return monthOfWallClock;
  const months = new Int32Array(span);
  for (let d = 0; d < span; d++) months[d] = monthOfWallClock((first + d) * MS_PER_DAY);
  return (ms) => months[Math.floor(ms / MS_PER_DAY) - first] ?? monthOfWallClock(ms);
}

/** A topic's counter slots: all channels, and per channel code. */
interface TopicSlots {
  readonly topic: Topic;
  readonly all: number;
  readonly perChannel: number[];
}

/** Where a Pemda ticket is from: its province's counter slot and the zone code of its province. */
interface Place {
  readonly slot: number;
  readonly zone: number;
}

/** The ticket facts of METRICS.md sections 6–10 and 18, one pass over `Tiket`. */
class TicketAggregator {
  private readonly c = new SlotCounters();
  private readonly topicSlots = new Map<string, TopicSlots>();
  private readonly unitSlots = new Map<string, { count: number; sum: number; n: number }>();
  /** A Pemda name's place, once per distinct text (a real log repeats a few hundred names). */
  private readonly places = new Map<string, Place>();
  private unknownPlace: Place | null = null;
  private readonly s = {
    total: this.c.slot('konsultasi.total'),
    channel: slotsBy(this.c, CHANNELS.ids, 'konsultasi.kanal.'),
    user: slotsBy(this.c, USER_CATEGORIES.ids, 'konsultasi.pengguna.'),
    userUnfilled: this.c.slot('konsultasi.pengguna.tidakDiisi'),
    inside: this.c.slot('konsultasi.jam.dalam'),
    outside: this.c.slot('konsultasi.jam.luar'),
    zoneUnknown: this.c.slot('konsultasi.zona.tidakTeridentifikasi'),
    zoneUnknownOutside: this.c.slot('konsultasi.luarJam.tidakTeridentifikasi'),
    zoneKnown: this.c.slot('konsultasi.zona.teridentifikasi'),
    zoneKnownInside: this.c.slot('konsultasi.zona.dalamJam'),
    zoneKnownOutside: this.c.slot('konsultasi.zona.luarJam'),
    zoneFromPemda: this.c.slot('konsultasi.zona.dariPemda'),
    insideByZone: slotsBy(this.c, ZONES.ids, 'konsultasi.dalamJam.'),
    outsideByZone: slotsBy(this.c, ZONES.ids, 'konsultasi.luarJam.'),
    escalated: this.c.slot('konsultasi.eskalasi'),
    escalatedOutside: this.c.slot('konsultasi.luarJam.eskalasi'),
    layer2: this.c.slot('layer2.total'),
    layer2Pending: this.c.slot('layer2.menunggu'),
    layer2Sum: this.c.slot('layer2._skorSum'),
    layer2N: this.c.slot('layer2._skorN'),
    province: PROVINCES.map((p) => this.c.slot(provinceKey(p.slug))),
    provinceNotPemda: this.c.slot(PROVINCE_NOT_PEMDA_KEY),
    provinceUnknown: this.c.slot(PROVINCE_UNKNOWN_KEY),
    // Coverage counters: a month that never fills an optional column has no figures from it.
    covered: this.c.slot('_cov.tiket'),
    coveredCategory: this.c.slot('_cov.tiket.kategori'),
    coveredTopic: this.c.slot('_cov.tiket.topik'),
    coveredZone: this.c.slot('_cov.tiket.zona'),
    coveredHours: this.c.slot('_cov.tiket.jam'),
    coveredEscalation: this.c.slot('_cov.tiket.eskalasi'),
  };

  constructor(
    private readonly catalog: MetricCatalog,
    private readonly settings: Settings,
    private readonly holidays: ReadonlySet<number>,
  ) {}

  /** Adds every ticket, reading the columns: no record is built. */
  addAll(tickets: ColumnTable<typeof TIKET>): void {
    const s = this.s;
    const { ms: tanggal, hasTime } = tickets.date('tanggal');
    const escalatedOn = tickets.date('tanggalEskalasi').ms;
    const respondedOn = tickets.date('tanggalTanggapan').ms;
    const kanal = tickets.enumeration('kanal');
    const kategori = tickets.enumeration('kategori');
    const zona = tickets.enumeration('zona');
    const jam = tickets.enumeration('jamLayanan');
    const eskalasi = tickets.enumeration('eskalasi');
    const unit = tickets.enumeration('unit');
    const topik = tickets.values('topik').values;
    const instansi = tickets.values('instansi').values;
    const jumlah = tickets.number('jumlah').values;
    const monthOf = monthOfDayIn(tanggal);
    const pemdaCode = kategori.ids.indexOf('pemda') + 1;
    // Zone codes of this table by zone id: a Pemda's province gives a blank zone its code.
    const zoneCode = {
      wib: zona.ids.indexOf('wib') + 1,
      wita: zona.ids.indexOf('wita') + 1,
      wit: zona.ids.indexOf('wit') + 1,
    };
    // Slots by enum code (code 0: empty), resolved once instead of per ticket.
    const channelSlot = [-1, ...kanal.ids.map((id) => s.channel[id])];
    const userSlot = [s.userUnfilled, ...kategori.ids.map((id) => s.user[id])];
    const insideByZone = [-1, ...zona.ids.map((id) => s.insideByZone[id])];
    const outsideByZone = [-1, ...zona.ids.map((id) => s.outsideByZone[id])];
    const insideCode = jam.ids.indexOf('dalam') + 1;
    const yesCode = eskalasi.ids.indexOf('ya') + 1;
    for (let i = 0; i < tickets.length; i++) {
      const ms = tanggal[i] ?? 0;
      const m = monthOf(ms);
      const w = jumlah[i] ?? 1;
      const channel = kanal.codes[i] ?? 0;
      const text = topik[i] as string | null;
      const topic = text ? this.topicSlotsFor(text, channel, kanal.ids) : null;
      let zone = zona.codes[i] ?? 0;
      let zoneFromPemda = false;
      const category = kategori.codes[i] ?? 0;
      // One lookup per Pemda ticket gives both its province and the zone a blank Zona Waktu takes.
      const place = category === pemdaCode ? this.placeOf(instansi[i], zoneCode) : null;
      if (zone === 0 && place !== null && place.zone !== 0) {
        zone = place.zone;
        zoneFromPemda = true;
      }
      const hours = jam.codes[i] ?? 0;
      const escalation = eskalasi.codes[i] ?? 0;
      const unitCode = unit.codes[i] ?? 0;
      const unitSlot = unitCode === 0 ? null : this.unitSlotsFor(unit.ids[unitCode - 1] ?? '');
      const timed = hasTime[i] === 1;
      // Resolve slots before taking the row: a new slot must exist before the month's array is sized.
      const f = this.c.row(m);
      add(f, s.covered, 1);
      if (kategori.codes[i] !== 0) add(f, s.coveredCategory, 1);
      if (text !== null) add(f, s.coveredTopic, 1);
      if (zone !== 0) add(f, s.coveredZone, 1);
      if (timed || hours !== 0) add(f, s.coveredHours, 1);
      if (escalation !== 0 || unitSlot !== null) add(f, s.coveredEscalation, 1);
      add(f, s.total, w);
      add(f, channelSlot[channel] ?? -1, w);
      add(f, userSlot[kategori.codes[i] ?? 0] ?? -1, w);
      add(f, category === 0 ? s.provinceUnknown : (place?.slot ?? s.provinceNotPemda), w);
      if (topic) {
        add(f, topic.all, w);
        add(f, topic.perChannel[channel] ?? -1, w);
      }
      const inside =
        hours === 0 ? isInsideServiceHoursAt(ms, timed, this.settings, this.holidays) : hours === insideCode;
      const escalated = escalation === yesCode || (escalation === 0 && unitSlot !== null);
      add(f, inside ? s.inside : s.outside, w);
      if (zone === 0) {
        add(f, s.zoneUnknown, w);
        if (!inside) add(f, s.zoneUnknownOutside, w);
      } else {
        add(f, s.zoneKnown, w);
        if (zoneFromPemda) add(f, s.zoneFromPemda, w);
        add(f, inside ? s.zoneKnownInside : s.zoneKnownOutside, w);
        add(f, (inside ? insideByZone[zone] : outsideByZone[zone]) ?? -1, w);
      }
      if (escalated) {
        add(f, s.escalated, w);
        if (!inside) add(f, s.escalatedOutside, w);
        if (unitSlot) {
          const escalatedAt = Number.isNaN(escalatedOn[i]) ? ms : (escalatedOn[i] ?? ms);
          this.addLayer2(f, escalatedAt, respondedOn[i] ?? Number.NaN, unitSlot, w);
        }
      }
    }
  }

  flushInto(facts: MonthlyFacts): void {
    this.c.flushInto(facts);
  }

  /** The months each ticket coverage key has rows in. */
  coverage(): [CoverageKey, MonthIndex[]][] {
    const keys: [CoverageKey, number][] = [
      ['tiket', this.s.covered],
      ['tiket.kategori', this.s.coveredCategory],
      ['tiket.topik', this.s.coveredTopic],
      ['tiket.zona', this.s.coveredZone],
      ['tiket.jam', this.s.coveredHours],
      ['tiket.eskalasi', this.s.coveredEscalation],
    ];
    return keys.map(([key, slot]) => [key, this.c.monthsWith(slot)]);
  }

  /**
   * A Pemda ticket's province slot (unknown: blank, off the list, or of several provinces) and the
   * zone code its province gives a blank Zona Waktu (0: none, the name names no one Pemda).
   */
  private placeOf(name: unknown, zoneCode: Readonly<Record<ZoneId, number>>): Place {
    if (typeof name !== 'string') {
      this.unknownPlace ??= { slot: this.s.provinceUnknown, zone: 0 };
      return this.unknownPlace;
    }
    let place = this.places.get(name);
    if (place === undefined) {
      const province = provinceOfName(name);
      const resolved = resolvePemda(name);
      place = {
        slot: province
          ? (this.s.province[PROVINCES.indexOf(province)] ?? this.s.provinceUnknown)
          : this.s.provinceUnknown,
        zone: resolved.status === 'found' ? zoneCode[resolved.pemda.province.zone] : 0,
      };
      this.places.set(name, place);
    }
    return place;
  }

  /** The topic's slots, with the one for this channel (code) resolved. */
  private topicSlotsFor(text: string, channel: number, channels: readonly string[]): TopicSlots {
    let slots = this.topicSlots.get(text);
    if (!slots) {
      const topic = topicOf(text);
      const def = DYNAMIC_FAMILIES.topic(topic.key, topic.label);
      this.catalog.add(def);
      slots = { topic, all: this.c.slot(def.key), perChannel: [] };
      this.topicSlots.set(text, slots);
    }
    if (slots.perChannel[channel] === undefined) {
      const def = DYNAMIC_FAMILIES.channelTopic(channels[channel - 1] ?? '', slots.topic.key, slots.topic.label);
      this.catalog.add(def);
      slots.perChannel[channel] = this.c.slot(def.key);
    }
    return slots;
  }

  private unitSlotsFor(unit: string): { count: number; sum: number; n: number } {
    let slots = this.unitSlots.get(unit);
    if (!slots) {
      const s = slug(unit);
      const def = DYNAMIC_FAMILIES.layer2Unit(s, unit);
      this.catalog.add(def);
      this.catalog.add(DYNAMIC_FAMILIES.layer2Score(s, unit));
      slots = {
        count: this.c.slot(def.key),
        sum: this.c.slot(`layer2._skorSum.${s}`),
        n: this.c.slot(`layer2._skorN.${s}`),
      };
      this.unitSlots.set(unit, slots);
    }
    return slots;
  }

  /** Layer 2 facts of one escalated ticket with a unit (responded NaN: not yet responded). */
  private addLayer2(
    f: Float64Array,
    escalatedAt: number,
    respondedAt: number,
    unit: { count: number; sum: number; n: number },
    w: number,
  ): void {
    const s = this.s;
    add(f, s.layer2, w);
    add(f, unit.count, w);
    if (Number.isNaN(respondedAt)) {
      add(f, s.layer2Pending, w);
      return;
    }
    if (Math.floor(respondedAt / MS_PER_DAY) < Math.floor(escalatedAt / MS_PER_DAY)) return;
    const score = layer2Score(workingDaysBetween(escalatedAt, respondedAt, this.settings, this.holidays));
    add(f, unit.sum, score * w);
    add(f, unit.n, w);
    add(f, s.layer2Sum, score * w);
    add(f, s.layer2N, w);
  }
}

/** Counts `rows` per month under `key`, and per value of a free-text column under a dynamic family. */
function countLog<R extends { readonly tanggal: { readonly ms: number }; readonly jumlah: number }>(
  rows: readonly R[],
  facts: MonthlyFacts,
  covered: Set<MonthIndex>,
  key: string,
  byValue?: {
    text: (row: R) => string | null;
    family: (s: string, label: string) => MetricDef;
    catalog: MetricCatalog;
  },
): void {
  const keyByText = new Map<string, string>();
  for (const row of rows) {
    const m = monthOfWallClock(row.tanggal.ms);
    covered.add(m);
    facts.add(m, key, row.jumlah);
    const text = byValue?.text(row);
    if (!byValue || !text) continue;
    let valueKey = keyByText.get(text);
    if (!valueKey) {
      const def = byValue.family(slug(text), text);
      byValue.catalog.add(def);
      valueKey = def.key;
      keyByText.set(text, valueKey);
    }
    facts.add(m, valueKey, row.jumlah);
  }
}

const labelOfPublication = (id: string) => PUBLICATION_TYPES.label(id);

export function aggregate(wb: ParsedWorkbook): Aggregates {
  const facts = new MonthlyFacts();
  const catalog = new MetricCatalog();
  const findings: Finding[] = [];
  const coverage = new Map<CoverageKey, Set<MonthIndex>>();
  const covered = (tab: CoverageKey) => {
    let set = coverage.get(tab);
    if (!set) {
      set = new Set();
      coverage.set(tab, set);
    }
    return set;
  };

  const tickets = new TicketAggregator(catalog, wb.settings, wb.holidays);
  tickets.addAll(wb.tiketTable);
  tickets.flushInto(facts);
  for (const [key, months] of tickets.coverage()) for (const m of months) covered(key).add(m);

  countLog(wb.chatbot, facts, covered('chatbot'), 'chatbot.pengguna', {
    text: (r) => r.menu,
    family: DYNAMIC_FAMILIES.chatbotMenu,
    catalog,
  });
  countLog(wb.publikasi, facts, covered('publikasi'), 'publikasi.website');
  for (const p of wb.publikasi) {
    const def = DYNAMIC_FAMILIES.publicationType(p.jenis, labelOfPublication(p.jenis));
    catalog.add(def);
    facts.add(monthOfWallClock(p.tanggal.ms), def.key, p.jumlah);
  }
  countLog(wb.webinar, facts, covered('webinar'), 'webinar.total', {
    text: (r) => r.jenis,
    family: DYNAMIC_FAMILIES.webinarType,
    catalog,
  });
  const blastMonths = covered('blast');
  for (const b of wb.blast) {
    const m = monthOfWallClock(b.tanggal.ms);
    blastMonths.add(m);
    facts.add(m, `blast.${b.media}`, b.jumlah);
  }
  countLog(wb.vicon, facts, covered('vicon'), 'vicon.total');
  countLog(wb.tatapMuka, facts, covered('tatapMuka'), 'tatapMuka.total');
  for (const v of wb.tatapMuka) {
    const m = monthOfWallClock(v.tanggal.ms);
    facts.add(m, 'tatapMuka.tamu', (v.tamu ?? 0) * v.jumlah);
    if ((v.tamu ?? 0) > wb.settings.guestLimit) facts.add(m, 'tatapMuka.melebihiBatas', v.jumlah);
  }
  countLog(wb.ppid, facts, covered('ppid'), 'ppid.permohonan', {
    text: (r) => r.tujuan,
    family: DYNAMIC_FAMILIES.ppidPurpose,
    catalog,
  });
  countLog(wb.emailLapor, facts, covered('emailLapor'), 'emailLapor.total', {
    text: (r) => r.jenis,
    family: DYNAMIC_FAMILIES.emailLaporType,
    catalog,
  });
  countLog(wb.pengaduan, facts, covered('pengaduan'), 'pengaduan.total');
  for (const p of wb.pengaduan) facts.add(monthOfWallClock(p.tanggal.ms), `pengaduan.jenis.${p.jenis}`, p.jumlah);

  const surveyMonths = covered('kepuasan');
  const agentKeys = new Map<string, string>();
  for (const k of wb.kepuasan) {
    const m = monthOfWallClock(k.tanggal.ms);
    surveyMonths.add(m);
    const score = (k.nilaiLayanan + k.nilaiSubstansi) / 2;
    let agentSlug = agentKeys.get(k.agen);
    if (!agentSlug) {
      agentSlug = slug(k.agen);
      catalog.add(DYNAMIC_FAMILIES.agentScore(agentSlug, k.agen));
      agentKeys.set(k.agen, agentSlug);
    }
    facts.add(m, 'kepuasan.survei', 1);
    facts.add(m, 'kepuasan._sum', score);
    facts.add(m, `kepuasan._sum.${agentSlug}`, score);
    facts.add(m, `kepuasan._n.${agentSlug}`, 1);
  }

  const callMonths = covered('telepon');
  for (const c of wb.telepon) {
    const m = monthOfWallClock(c.tanggal.ms);
    callMonths.add(m);
    facts.add(m, 'telepon.panggilan', c.jumlah);
    facts.add(m, `telepon.${c.status}`, c.jumlah);
    if (c.status === 'terjawab' && c.tunggu !== null && c.tunggu <= wb.settings.serviceLevelSeconds) {
      facts.add(m, 'telepon._cepat', c.jumlah);
    }
  }

  const seen = new Map<string, number>();
  const once = (tab: string, row: number, m: MonthIndex, what: string, id: string): boolean => {
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, row);
      return true;
    }
    findings.push({
      tab,
      row,
      column: 'Bulan',
      cell: `A${row}`,
      severity: 'warning',
      message: `${what} ${toIsoMonth(m)} sudah ada di baris ${first}; baris ini diabaikan`,
      month: toIsoMonth(m),
    });
    return false;
  };
  const websiteMonths = covered('website');
  for (const w of wb.website) {
    if (!once('Website', w.row, w.bulan, 'Data website bulan', `website:${w.bulan}`)) continue;
    websiteMonths.add(w.bulan);
    facts.set(w.bulan, 'website.pengunjung', w.pengunjung);
  }
  const medsosMonths = covered('medsos');
  for (const s of wb.medsos) {
    if (!once('Media Sosial', s.row, s.bulan, `Data ${s.platform} bulan`, `medsos:${s.platform}:${s.bulan}`)) continue;
    medsosMonths.add(s.bulan);
    const konten = s.konten ?? (s.feeds !== null || s.story !== null ? (s.feeds ?? 0) + (s.story ?? 0) : null);
    const fields: Record<string, number | null> = {
      followers: s.followers,
      feeds: s.feeds,
      story: s.story,
      konten,
      reachTotal: s.reachTotal,
      reachRataRata: s.reachRataRata,
      profileVisits: s.profileVisits,
    };
    for (const [field, value] of Object.entries(fields)) {
      if (value !== null) facts.set(s.bulan, medsosKey(s.platform, field), value);
    }
    if (konten !== null) {
      facts.add(s.bulan, 'medsos._kontenSum', konten);
      facts.add(s.bulan, 'medsos._platforms', 1);
    }
  }
  return { facts, coverage, catalog, findings };
}
