import { monthLabel } from '../../format/idDate';
import { formatNumber } from '../../format/idNumber';
import { changePhrase, joinIndonesian, sentenceStart } from '../../format/sentences';
import { driversSummary, isNotable } from '../drivers';
import type { Section } from '../model';
import type { SectionContext } from '../sectionContext';

/** The headline tiles of the seeds' "Ringkasan Publikasi dan Layanan Informasi". */
export const HEADLINE_METRICS = [
  'publikasi.website',
  'konsultasi.total',
  'medsos.rataRataKonten',
  'vicon.total',
  'blast.whatsapp',
  'blast.email',
  'tatapMuka.total',
  'ppid.permohonan',
  'webinar.total',
] as const;

/** How the summary names each headline figure: "15 publikasi website", "rata-rata 36 konten media sosial". */
const HEADLINE_WORDS: Record<(typeof HEADLINE_METRICS)[number], { noun: string; average?: boolean }> = {
  'publikasi.website': { noun: 'publikasi website' },
  'konsultasi.total': { noun: 'tiket konsultasi' },
  'medsos.rataRataKonten': { noun: 'konten media sosial', average: true },
  'vicon.total': { noun: 'video conference' },
  'blast.whatsapp': { noun: 'WhatsApp blast' },
  'blast.email': { noun: 'email blast' },
  'tatapMuka.total': { noun: 'konsultasi tatap muka' },
  'ppid.permohonan': { noun: 'permohonan PPID' },
  'webinar.total': { noun: 'webinar/FGD' },
};

/**
 * The month at a glance, then what moved: each headline figure whose change is notable, with its
 * drivers where the logs explain it, and values unusual against the months before. It names
 * figures; the sections tell them in full (no sentence is repeated word for word).
 */
export function ringkasanSection(ctx: SectionContext): Section {
  const present: string[] = [];
  const zero: string[] = [];
  const missing: string[] = [];
  for (const key of HEADLINE_METRICS) {
    const f = ctx.shown(key);
    const { noun, average } = HEADLINE_WORDS[key];
    if (f.value === null) missing.push(noun);
    else if (f.value === 0) zero.push(noun);
    else present.push(`${average ? 'rata-rata ' : ''}${formatNumber(f.value, f.decimals)} ${noun}`);
  }
  const sentences: string[] = [];
  if (present.length || zero.length) {
    sentences.push(
      `Ringkasan layanan informasi DJPK bulan ${ctx.label}: ${present.length ? joinIndonesian(present) : ''}${
        zero.length ? `${present.length ? '; ' : ''}tidak terdapat ${joinIndonesian(zero)}` : ''
      }${missing.length ? `; data ${joinIndonesian(missing)} belum tersedia` : ''}.`,
    );
  } else {
    sentences.push(`Data layanan informasi DJPK bulan ${ctx.label} belum tersedia.`);
  }
  for (const key of HEADLINE_METRICS) {
    const f = ctx.shown(key);
    const label = sentenceStart(HEADLINE_WORDS[key].noun);
    const { unit } = ctx.dimensionsOf(key);
    const explained = ctx.drivers(key);
    for (const [base, baseValue] of [
      [ctx.m - 1, f.previousMonth],
      [ctx.m - 12, f.sameMonthLastYear],
    ] as const) {
      if (f.value === null || baseValue === null || !isNotable(f.value, baseValue)) continue;
      const d = explained.find((x) => x.base === base);
      sentences.push(
        d
          ? driversSummary(d, label, unit, ctx.pct)
          : `${label} ${changePhrase(f.value, baseValue, ctx.pct)} dibandingkan ${base === ctx.m - 1 ? 'bulan sebelumnya' : `bulan ${ctx.lastYearLabel}`} (${formatNumber(baseValue, f.decimals)}).`,
      );
    }
    const u = ctx.unusual(key);
    if (u) {
      sentences.push(
        `${label} bulan ini ${u.kind} sejak ${u.sinceData ? `data tersedia (${monthLabel(u.since)})` : monthLabel(u.since)}.`,
      );
    }
  }
  return {
    id: 'ringkasan',
    title: 'Ringkasan Publikasi dan Layanan Informasi',
    metrics: [...HEADLINE_METRICS],
    sentences,
    tables: [ctx.comparisonTable('Ringkasan', HEADLINE_METRICS)],
    charts: [ctx.threeMonthBars('Perkembangan Jumlah Konsultasi', ['konsultasi.total'], () => 'konsultasi.total')],
  };
}
