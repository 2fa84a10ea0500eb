import { type MonthIndex, monthOfWallClock, toIsoMonth } from '../period/yearMonth';
import { PUBLICATION_TYPES } from '../workbook/enums';
import type { Finding } from '../workbook/findings';
import type { Settings } from '../workbook/settings';
import { slug } from '../workbook/textMatch';
import { topicOf } from '../workbook/topics';
import type { ParsedWorkbook, Ticket } from '../workbook/workbook';
import {
  type CoverageKey,
  DYNAMIC_FAMILIES,
  type FactReader,
  MetricCatalog,
  type MetricDef,
  medsosKey,
} from './catalog';
import { layer2Score, workingDaysBetween } from './layer2Score';
import { isInsideServiceHours } from './serviceHours';

/** Additive monthly counters; every figure of every month is derived from these. */
export class MonthlyFacts {
  private readonly byMonth = new Map<MonthIndex, Map<string, number>>();

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

const CHANNEL_KEYS = new Map<string, string>();
const channelKey = (channel: string) => {
  let key = CHANNEL_KEYS.get(channel);
  if (!key) {
    key = `konsultasi.kanal.${channel}`;
    CHANNEL_KEYS.set(channel, key);
  }
  return key;
};

/** One ticket's contribution; keys are built once per distinct value, not per row. */
class TicketAggregator {
  private readonly topicKeys = new Map<string, { all: string; perChannel: Map<string, string> }>();
  private readonly unitKeys = new Map<string, { count: string; sum: string; n: string }>();

  constructor(
    private readonly facts: MonthlyFacts,
    private readonly catalog: MetricCatalog,
    private readonly settings: Settings,
    private readonly holidays: ReadonlySet<number>,
  ) {}

  add(t: Ticket): MonthIndex {
    const m = monthOfWallClock(t.tanggal.ms);
    const w = t.jumlah;
    const f = this.facts;
    f.add(m, 'konsultasi.total', w);
    f.add(m, channelKey(t.kanal), w);
    f.add(m, t.kategori === null ? 'konsultasi.pengguna.tidakDiisi' : `konsultasi.pengguna.${t.kategori}`, w);
    if (t.topik) {
      const keys = this.topicKeysFor(t.topik, t.kanal);
      f.add(m, keys.all, w);
      f.add(m, keys.channel, w);
    }
    const inside =
      t.jamLayanan === null ? isInsideServiceHours(t.tanggal, this.settings, this.holidays) : t.jamLayanan === 'dalam';
    const escalated = t.eskalasi === 'ya' || (t.eskalasi === null && t.unit !== null);
    f.add(m, inside ? 'konsultasi.jam.dalam' : 'konsultasi.jam.luar', w);
    if (t.zona === null) {
      f.add(m, 'konsultasi.zona.tidakTeridentifikasi', w);
      if (!inside) f.add(m, 'konsultasi.luarJam.tidakTeridentifikasi', w);
    } else {
      f.add(m, 'konsultasi.zona.teridentifikasi', w);
      f.add(m, inside ? 'konsultasi.zona.dalamJam' : 'konsultasi.zona.luarJam', w);
      f.add(m, inside ? `konsultasi.dalamJam.${t.zona}` : `konsultasi.luarJam.${t.zona}`, w);
    }
    if (escalated) {
      f.add(m, 'konsultasi.eskalasi', w);
      if (!inside) f.add(m, 'konsultasi.luarJam.eskalasi', w);
      if (t.unit !== null) this.addLayer2(m, t, w);
    }
    return m;
  }

  private topicKeysFor(text: string, channel: string): { all: string; channel: string } {
    let keys = this.topicKeys.get(text);
    const topic = topicOf(text);
    if (!keys) {
      const def = DYNAMIC_FAMILIES.topic(topic.key, topic.label);
      this.catalog.add(def);
      keys = { all: def.key, perChannel: new Map() };
      this.topicKeys.set(text, keys);
    }
    let perChannel = keys.perChannel.get(channel);
    if (!perChannel) {
      const def = DYNAMIC_FAMILIES.channelTopic(channel, topic.key, topic.label);
      this.catalog.add(def);
      perChannel = def.key;
      keys.perChannel.set(channel, perChannel);
    }
    return { all: keys.all, channel: perChannel };
  }

  private addLayer2(m: MonthIndex, t: Ticket, w: number): void {
    const unit = t.unit ?? '';
    let keys = this.unitKeys.get(unit);
    if (!keys) {
      const s = slug(unit);
      const def = DYNAMIC_FAMILIES.layer2Unit(s, unit);
      this.catalog.add(def);
      this.catalog.add(DYNAMIC_FAMILIES.layer2Score(s, unit));
      keys = { count: def.key, sum: `layer2._skorSum.${s}`, n: `layer2._skorN.${s}` };
      this.unitKeys.set(unit, keys);
    }
    const f = this.facts;
    f.add(m, 'layer2.total', w);
    f.add(m, keys.count, w);
    const escalatedAt = t.tanggalEskalasi ?? t.tanggal;
    const respondedAt = t.tanggalTanggapan;
    if (respondedAt === null) {
      f.add(m, 'layer2.menunggu', w);
      return;
    }
    if (Math.floor(respondedAt.ms / 86_400_000) < Math.floor(escalatedAt.ms / 86_400_000)) return;
    const score = layer2Score(workingDaysBetween(escalatedAt.ms, respondedAt.ms, this.settings, this.holidays));
    f.add(m, keys.sum, score * w);
    f.add(m, keys.n, w);
    f.add(m, 'layer2._skorSum', score * w);
    f.add(m, 'layer2._skorN', w);
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

  const tickets = new TicketAggregator(facts, catalog, wb.settings, wb.holidays);
  const ticketMonths = covered('tiket');
  const [byCategory, byTopic, byZone, byHours, byEscalation] = (
    ['tiket.kategori', 'tiket.topik', 'tiket.zona', 'tiket.jam', 'tiket.eskalasi'] as const
  ).map(covered) as [Set<MonthIndex>, Set<MonthIndex>, Set<MonthIndex>, Set<MonthIndex>, Set<MonthIndex>];
  for (const t of wb.tiket) {
    const m = tickets.add(t);
    ticketMonths.add(m);
    // A month that never fills an optional column has no figures from it, rather than zeros.
    if (t.kategori !== null) byCategory.add(m);
    if (t.topik !== null) byTopic.add(m);
    if (t.zona !== null) byZone.add(m);
    if (t.tanggal.hasTime || t.jamLayanan !== null) byHours.add(m);
    if (t.eskalasi !== null || t.unit !== null) byEscalation.add(m);
  }

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
