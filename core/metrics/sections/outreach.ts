import { dateLabel, dateNumeric, monthShortLabel } from '../../format/idDate';
import { formatNumber } from '../../format/idNumber';
import { joinIndonesian } from '../../format/sentences';
import { PUBLICATION_TYPES } from '../../workbook/enums';
import type { Section } from '../model';
import { type SectionContext, tally } from '../sectionContext';

/** Sections 2–5: website publications, webinars, blasts, website visits. */

export function publikasiSection(ctx: SectionContext): Section {
  const rows = ctx.inMonth(ctx.wb.publikasi).sort((a, b) => a.tanggal.ms - b.tanggal.ms || a.row - b.row);
  const total = ctx.value('publikasi.website');
  const byType = tally(
    rows,
    (r) => PUBLICATION_TYPES.label(r.jenis),
    (r) => r.jumlah,
  );
  const typeOrder = PUBLICATION_TYPES.values.map((v) => v.label);
  const typesPresent = typeOrder.filter((t) => byType.some((b) => b.label === t));
  const sentences =
    total === null
      ? []
      : [
          `Pada bulan ${ctx.label}, terdapat ${formatNumber(total)} publikasi pada Website DJPK${
            typesPresent.length ? ` yang terdiri atas ${joinIndonesian(typesPresent)}` : ''
          }.`,
        ];
  return {
    id: 'publikasi',
    title: 'Publikasi Website DJPK',
    metrics: ['publikasi.website'],
    sentences: [...sentences, ...ctx.compare('publikasi.website', 'Jumlah publikasi website')],
    tables: [
      {
        title: 'Publikasi per Jenis',
        columns: [
          { header: 'Jenis Publikasi', format: 'text' },
          { header: 'Jumlah', format: 'int' },
        ],
        rows: byType.map((t) => [t.label, t.count]),
      },
      {
        title: 'Rincian Publikasi Website DJPK',
        columns: [
          { header: 'No', format: 'int' },
          { header: 'Tanggal', format: 'text' },
          { header: 'Nama Publikasi', format: 'text' },
          { header: 'Jenis Publikasi', format: 'text' },
        ],
        rows: rows.map((r, i) => [i + 1, dateNumeric(r.tanggal.ms), r.nama ?? '', PUBLICATION_TYPES.label(r.jenis)]),
      },
    ],
    charts: [ctx.threeMonthBars('Perkembangan Publikasi Website', ['publikasi.website'])],
  };
}

export function webinarSection(ctx: SectionContext): Section {
  const rows = ctx.inMonth(ctx.wb.webinar).sort((a, b) => a.tanggal.ms - b.tanggal.ms || a.row - b.row);
  return {
    id: 'webinar',
    title: 'Publikasi Webinar DJPK',
    metrics: ['webinar.total'],
    sentences: ctx.compare('webinar.total', 'Jumlah webinar'),
    tables: [
      {
        title: 'Acara per Jenis',
        columns: [
          { header: 'Jenis Acara', format: 'text' },
          { header: 'Jumlah', format: 'int' },
        ],
        rows: tally(
          rows,
          (r) => r.jenis ?? 'Tidak diisi',
          (r) => r.jumlah,
        ).map((t) => [t.label, t.count]),
      },
      {
        title: 'Rincian Webinar',
        columns: [
          { header: 'Tanggal', format: 'text' },
          { header: 'Nama Acara', format: 'text' },
          { header: 'Jenis Acara', format: 'text' },
        ],
        rows: rows.map((r) => [dateNumeric(r.tanggal.ms), r.nama ?? '', r.jenis ?? '']),
      },
    ],
    charts: [ctx.threeMonthBars('Perkembangan Publikasi Webinar', ['webinar.total'])],
  };
}

export function blastSection(ctx: SectionContext): Section {
  const rows = ctx.inMonth(ctx.wb.blast).sort((a, b) => a.tanggal.ms - b.tanggal.ms || a.row - b.row);
  const wa = ctx.figure('blast.whatsapp');
  const email = ctx.figure('blast.email');
  const months = [ctx.m - 2, ctx.m - 1, ctx.m];
  const sentences =
    wa.value === null && email.value === null
      ? [`Data blast bulan ${ctx.label} belum tersedia.`]
      : [
          `Pada bulan ${ctx.label}, distribusi informasi massal dilakukan melalui ${formatNumber(wa.value ?? 0)} WhatsApp blast dan ${formatNumber(email.value ?? 0)} email blast.`,
        ];
  return {
    id: 'blast',
    title: 'Layanan WhatsApp Blast dan Email Blast',
    metrics: ['blast.whatsapp', 'blast.email'],
    sentences,
    tables: [
      ctx.comparisonTable('Jumlah Blast per Media', ['blast.whatsapp', 'blast.email']),
      {
        title: 'Rincian Blast',
        columns: [
          { header: 'Tanggal', format: 'text' },
          { header: 'Media', format: 'text' },
          { header: 'Perihal', format: 'text' },
        ],
        rows: rows.map((r) => [
          dateLabel(r.tanggal.ms),
          r.media === 'whatsapp' ? 'WhatsApp' : 'Email',
          r.perihal ?? '',
        ]),
      },
    ],
    charts: [
      {
        kind: 'bar',
        title: 'Perkembangan Layanan Blast',
        categories: months.map(monthShortLabel),
        series: ['blast.whatsapp', 'blast.email'].map((key) => ({
          name: ctx.figure(key).label,
          values: months.map((m) => ctx.figures.value(key, m)),
        })),
      },
    ],
  };
}

export function websiteSection(ctx: SectionContext): Section {
  const row = ctx.wb.website.find((w) => w.bulan === ctx.m);
  const pages = (row?.halaman ?? '')
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    id: 'website',
    title: 'Kunjungan Website DJPK',
    metrics: ['website.pengunjung'],
    sentences: ctx.compare('website.pengunjung', 'Jumlah pengunjung Website DJPK'),
    tables: [
      {
        title: 'Halaman yang Paling Banyak Diakses',
        columns: [
          { header: 'No', format: 'int' },
          { header: 'Halaman', format: 'text' },
        ],
        rows: pages.map((p, i) => [i + 1, p]),
      },
    ],
    charts: [ctx.threeMonthBars('Perkembangan Kunjungan Website', ['website.pengunjung'])],
  };
}
