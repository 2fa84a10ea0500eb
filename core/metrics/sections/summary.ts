import { formatNumber } from '../../format/idNumber';
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

export function ringkasanSection(ctx: SectionContext): Section {
  const total = ctx.value('konsultasi.total');
  return {
    id: 'ringkasan',
    title: 'Ringkasan Publikasi dan Layanan Informasi',
    metrics: [...HEADLINE_METRICS],
    sentences: [
      ...(total === null
        ? [`Data tiket konsultasi bulan ${ctx.label} belum tersedia.`]
        : [`Pada bulan ${ctx.label}, Contact Center DJPK melayani ${formatNumber(total)} tiket konsultasi.`]),
      ...ctx.compare('konsultasi.total', 'Jumlah konsultasi', 'konsultasi'),
    ],
    tables: [ctx.comparisonTable('Ringkasan', HEADLINE_METRICS)],
    charts: [ctx.threeMonthBars('Perkembangan Jumlah Konsultasi', ['konsultasi.total'])],
  };
}
