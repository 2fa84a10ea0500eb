import { dateLabel, dateNumeric, monthShortLabel } from '../../format/idDate';
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
  const sentences = [
    ...ctx.compare('publikasi.website', 'jumlah publikasi pada Website DJPK', '', {
      zero: 'tidak terdapat publikasi pada Website DJPK',
    }),
    ...ctx.whatMoved('publikasi.website'),
  ];
  if (total && typesPresent.length) {
    sentences.push(`Publikasi tersebut terdiri atas ${joinIndonesian(typesPresent)}.`);
  }
  return {
    id: 'publikasi',
    title: 'Publikasi Website DJPK',
    metrics: ['publikasi.website'],
    sentences,
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
    sentences: [
      ...ctx.compare('webinar.total', 'jumlah webinar/FGD', '', { zero: 'tidak terdapat webinar/FGD' }),
      ...ctx.whatMoved('webinar.total'),
    ],
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
  const months = [ctx.m - 2, ctx.m - 1, ctx.m];
  const sentences =
    ctx.value('blast.whatsapp') === null && ctx.value('blast.email') === null
      ? [`Data blast bulan ${ctx.label} belum tersedia.`]
      : [
          ...ctx.compare('blast.email', 'jumlah email blast', '', { zero: 'tidak terdapat email blast' }),
          ...ctx.compare('blast.whatsapp', 'jumlah WhatsApp blast', '', { zero: 'tidak terdapat WhatsApp blast' }),
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
          key,
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
    sentences: [
      ...ctx.compare('website.pengunjung', 'jumlah pengunjung Website DJPK', '', { copula: 'sekitar' }),
      ...ctx.whatMoved('website.pengunjung'),
      ...(pages.length ? [`Halaman yang paling banyak diakses antara lain ${joinIndonesian(pages)}.`] : []),
    ],
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
