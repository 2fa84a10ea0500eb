import { percentFormat } from '../../format/figure';
import { dateLabel } from '../../format/idDate';
import { formatNumber } from '../../format/idNumber';
import { joinIndonesian, shareText } from '../../format/sentences';
import { PLATFORMS } from '../../workbook/enums';
import { medsosKey } from '../catalog';
import type { Section } from '../model';
import { type SectionContext, tally } from '../sectionContext';

/** Sections 11–16: chatbot, Email Lapor, video conference and tatap muka, social media, PPID, complaints. */

const share = (part: number, whole: number | null) => (whole ? (part / whole) * 100 : null);

export function chatbotSection(ctx: SectionContext): Section {
  const menus = tally(
    ctx.inMonth(ctx.wb.chatbot),
    (r) => r.menu,
    (r) => r.jumlah,
  );
  const total = ctx.value('chatbot.pengguna');
  return {
    id: 'chatbot',
    title: 'Layanan Chatbot DJPK',
    metrics: ['chatbot.pengguna'],
    sentences: [
      ...ctx.compare('chatbot.pengguna', 'jumlah pengguna layanan Chatbot (tanpa Chat Agent)', 'pengguna', {
        zero: 'tidak terdapat pengguna layanan Chatbot (tanpa Chat Agent)',
      }),
      ...ctx.whatMoved('chatbot.pengguna'),
      ...(menus[0]
        ? [
            `Menu yang paling banyak diakses adalah ${joinIndonesian(menus.slice(0, 3).map((m) => `${m.label} (${formatNumber(m.count)} pengguna)`))}.`,
          ]
        : []),
    ],
    tables: [
      {
        title: 'Menu yang Diakses',
        columns: [
          { header: 'Menu', format: 'text' },
          { header: 'Total', format: 'int' },
        ],
        rows: menus.length ? [...menus.map((m) => [m.label, m.count]), ['Grand Total', total]] : [],
      },
    ],
    charts: [
      ctx.threeMonthBars('Perkembangan Pengguna Layanan Chatbot', ['chatbot.pengguna'], () => 'chatbot.pengguna'),
    ],
  };
}

export function emailLaporSection(ctx: SectionContext): Section {
  const total = ctx.value('emailLapor.total');
  const types = tally(
    ctx.inMonth(ctx.wb.emailLapor),
    (r) => r.jenis,
    (r) => r.jumlah,
  );
  const sentences = [
    ...ctx.compare('emailLapor.total', 'jumlah email yang masuk melalui Email Lapor DJPK', 'email', {
      zero: 'tidak terdapat email yang masuk melalui Email Lapor DJPK',
    }),
    ...ctx.whatMoved('emailLapor.total'),
  ];
  if (total && types.length) {
    sentences.push(
      `Dokumen yang paling banyak diterima adalah ${joinIndonesian(
        types
          .slice(0, 3)
          .map((t) => `${t.label} (${formatNumber(t.count)} email atau ${shareText(t.count, total, ctx.pct)})`),
      )}.`,
    );
  }
  return {
    id: 'emailLapor',
    title: 'Email Lapor DJPK',
    metrics: ['emailLapor.total'],
    sentences,
    tables: [
      {
        title: 'Email Lapor per Jenis Dokumen',
        columns: [
          { header: 'Jenis Dokumen', format: 'text' },
          { header: 'Jumlah', format: 'int' },
          { header: 'Persentase', format: percentFormat(ctx.pct), decimals: ctx.pct },
        ],
        rows: types.map((t) => [t.label, t.count, share(t.count, total)]),
      },
    ],
    charts: [
      ctx.threeMonthBars('Perkembangan Email Lapor DJPK', ['emailLapor.total'], () => 'emailLapor.total'),
      ...(types.length
        ? [
            {
              kind: 'bar' as const,
              title: 'Email Lapor DJPK per Jenis Dokumen',
              categories: types.map((t) => t.label),
              series: [{ name: ctx.label, values: types.map((t) => t.count) }],
            },
          ]
        : []),
    ],
  };
}

export function viconTatapMukaSection(ctx: SectionContext): Section {
  const vicon = ctx.inMonth(ctx.wb.vicon).sort((a, b) => a.tanggal.ms - b.tanggal.ms || a.row - b.row);
  const visits = ctx.inMonth(ctx.wb.tatapMuka).sort((a, b) => a.tanggal.ms - b.tanggal.ms || a.row - b.row);
  const limit = ctx.settings.guestLimit;
  const over = visits.filter((v) => (v.tamu ?? 0) > limit);
  const topTopics = (rows: readonly { topik: string | null; jumlah: number }[]) =>
    tally(
      rows,
      (r) => r.topik,
      (r) => r.jumlah,
    );
  const topicSentence = (rows: readonly { topik: string | null; jumlah: number }[], what: string) => {
    const topics = topTopics(rows);
    const best = topics.filter((t) => t.count === topics[0]?.count);
    return best.length && best.length < topics.length
      ? [`Topik ${what} terbanyak adalah ${joinIndonesian(best.map((t) => t.label))}.`]
      : [];
  };
  const sentences = [
    ...ctx.compare('vicon.total', 'jumlah video conference', 'kali', { zero: 'tidak terdapat video conference' }),
    ...topicSentence(vicon, 'video conference'),
    ...ctx.compare('tatapMuka.total', 'jumlah konsultasi tatap muka', 'kali', {
      zero: 'tidak terdapat konsultasi tatap muka',
    }),
    ...ctx.whatMoved('tatapMuka.total'),
    ...topicSentence(visits, 'konsultasi tatap muka'),
  ];
  const guests = ctx.value('tatapMuka.tamu');
  if (visits.length && guests !== null) {
    sentences.push(
      `Jumlah tamu konsultasi tatap muka bulan ${ctx.label} sebanyak ${formatNumber(guests)} orang; ${
        over.length
          ? `${formatNumber(over.length)} kunjungan melebihi batas ${formatNumber(limit)} tamu`
          : `tidak ada kunjungan yang melebihi batas ${formatNumber(limit)} tamu`
      }.`,
    );
  }
  return {
    id: 'viconTatapMuka',
    title: 'Video Conference dan Konsultasi Tatap Muka',
    metrics: ['vicon.total', 'tatapMuka.total', 'tatapMuka.tamu', 'tatapMuka.melebihiBatas'],
    sentences,
    tables: [
      {
        title: 'Rincian Video Conference',
        columns: [
          { header: 'Tanggal', format: 'text' },
          { header: 'Daerah', format: 'text' },
          { header: 'Topik', format: 'text' },
        ],
        rows: vicon.map((v) => [dateLabel(v.tanggal.ms), v.pengguna ?? '', v.topik ?? '']),
      },
      {
        title: 'Rincian Konsultasi Tatap Muka',
        columns: [
          { header: 'No', format: 'int' },
          { header: 'Tanggal', format: 'text' },
          { header: 'Nama Pengguna Layanan', format: 'text' },
          { header: 'Topik', format: 'text' },
          { header: 'Jumlah Tamu', format: 'int' },
          { header: `Melebihi Batas (${limit})`, format: 'text' },
        ],
        rows: visits.map((v, i) => [
          i + 1,
          dateLabel(v.tanggal.ms),
          v.pengguna ?? '',
          v.topik ?? '',
          v.tamu,
          (v.tamu ?? 0) > limit ? 'Ya' : '',
        ]),
      },
    ],
    charts: [
      ctx.threeMonthBars('Perkembangan Video Conference', ['vicon.total'], () => 'vicon.total'),
      ctx.threeMonthBars('Perkembangan Konsultasi Tatap Muka', ['tatapMuka.total'], () => 'tatapMuka.total'),
    ],
  };
}

export function medsosSection(ctx: SectionContext): Section {
  const fields = ['followers', 'feeds', 'story', 'konten', 'reachTotal', 'reachRataRata', 'profileVisits'] as const;
  const platforms = PLATFORMS.values.filter((p) =>
    fields.some(
      (f) => ctx.value(medsosKey(p.id, f)) !== null || ctx.figure(medsosKey(p.id, 'followers')).previousMonth !== null,
    ),
  );
  const endOfMonth = new Date(Date.UTC(Math.floor((ctx.m + 1) / 12), (ctx.m + 1) % 12, 0)).getUTCDate();
  return {
    id: 'medsos',
    title: 'Publikasi Konten Media Sosial DJPK',
    metrics: ['medsos.rataRataKonten', ...platforms.map((p) => medsosKey(p.id, 'followers'))],
    sentences: [
      ...ctx.compare('medsos.rataRataKonten', 'rata-rata publikasi konten media sosial DJPK', ''),
      ...ctx.whatMoved('medsos.rataRataKonten'),
      ...platforms.flatMap((p) =>
        ctx.value(medsosKey(p.id, 'followers')) === null
          ? []
          : ctx.compare(
              medsosKey(p.id, 'followers'),
              `followers ${p.label} per ${endOfMonth} ${ctx.label.split(' ')[0]}`,
            ),
      ),
    ],
    tables: [
      {
        title: `Performa Media Sosial ${ctx.label}`,
        columns: [
          { header: 'Platform', format: 'text' },
          { header: 'Followers', format: 'int' },
          { header: 'Feeds', format: 'int' },
          { header: 'Story', format: 'int' },
          { header: 'Konten', format: 'int' },
          { header: 'Reach Total', format: 'int' },
          { header: 'Reach Rata-rata', format: 'int' },
          { header: 'Profile Visits', format: 'int' },
        ],
        rows: platforms.map((p) => [p.label, ...fields.map((f) => ctx.value(medsosKey(p.id, f)))]),
      },
      ctx.comparisonTable(
        'Perkembangan Followers',
        platforms.map((p) => medsosKey(p.id, 'followers')),
      ),
    ],
    charts: [
      ctx.threeMonthBars(
        'Rata-rata Publikasi Konten Medsos Bulanan',
        ['medsos.rataRataKonten'],
        () => 'medsos.rataRataKonten',
      ),
      ...platforms.map((p) => ctx.threeMonthBars(`Followers ${p.label}`, [medsosKey(p.id, 'followers')], () => p.id)),
    ],
  };
}

export function ppidSection(ctx: SectionContext): Section {
  const rows = ctx.inMonth(ctx.wb.ppid);
  const purposes = tally(
    rows,
    (r) => r.tujuan ?? 'Tidak diisi',
    (r) => r.jumlah,
  );
  const info = tally(
    rows,
    (r) => r.informasi,
    (r) => r.jumlah,
  );
  const sentences = [
    ...ctx.compare('ppid.permohonan', 'jumlah permohonan informasi melalui PPID DJPK', '', {
      zero: 'tidak terdapat permohonan informasi melalui PPID DJPK',
    }),
    ...ctx.whatMoved('ppid.permohonan'),
  ];
  if (purposes[0])
    sentences.push(
      `Tujuan permohonan terbanyak adalah ${purposes[0].label} (${formatNumber(purposes[0].count)} permohonan).`,
    );
  return {
    id: 'ppid',
    title: 'Layanan PPID',
    metrics: ['ppid.permohonan'],
    sentences,
    tables: [
      {
        title: 'Tujuan Permohonan',
        columns: [
          { header: 'Tujuan', format: 'text' },
          { header: 'Jumlah', format: 'int' },
        ],
        rows: purposes.map((p) => [p.label, p.count]),
      },
      {
        // Requesters' names are personal data: only what was asked is listed.
        title: 'Informasi yang Diminta',
        columns: [
          { header: 'Informasi', format: 'text' },
          { header: 'Jumlah', format: 'int' },
        ],
        rows: info.map((p) => [p.label, p.count]),
      },
    ],
    charts: [ctx.threeMonthBars('Permohonan PPID', ['ppid.permohonan'], () => 'ppid.permohonan')],
  };
}

export function pengaduanSection(ctx: SectionContext): Section {
  const rows = ctx.inMonth(ctx.wb.pengaduan).sort((a, b) => a.tanggal.ms - b.tanggal.ms || a.row - b.row);
  const complaints = ctx.value('pengaduan.jenis.pengaduan');
  const grievances = ctx.value('pengaduan.jenis.keluhan');
  const sentences = ctx.compare('pengaduan.total', 'jumlah pengaduan dan keluhan', '', {
    zero: 'tidak terdapat pengaduan maupun keluhan',
  });
  if (complaints !== null && grievances !== null && complaints + grievances > 0) {
    sentences.push(
      complaints && grievances
        ? `Jumlah tersebut terdiri atas ${formatNumber(complaints)} pengaduan dan ${formatNumber(grievances)} keluhan.`
        : complaints
          ? `Seluruhnya berupa pengaduan; tidak terdapat keluhan pada bulan ${ctx.label}.`
          : `Seluruhnya berupa keluhan; tidak terdapat pengaduan pada bulan ${ctx.label}.`,
    );
  }
  const regions = tally(rows, (r) => r.daerah).map((r) => r.label);
  // Rows without a region are counted, as the seed does ("…, 1 daerah tidak teridentifikasi").
  const unknown = rows.reduce((n, r) => n + (r.daerah?.trim() ? 0 : (r.jumlah ?? 1)), 0);
  if (unknown) regions.push(`${formatNumber(unknown)} daerah tidak teridentifikasi`);
  if (regions.length) sentences.push(`Daerah terkait: ${joinIndonesian(regions)}.`);
  return {
    id: 'pengaduan',
    title: 'Pengaduan dan Keluhan',
    metrics: ['pengaduan.total', 'pengaduan.jenis.pengaduan', 'pengaduan.jenis.keluhan'],
    sentences,
    tables: [
      {
        title: 'Rincian Pengaduan dan Keluhan',
        columns: [
          { header: 'Tanggal', format: 'text' },
          { header: 'Jenis', format: 'text' },
          { header: 'Uraian', format: 'text' },
          { header: 'Daerah', format: 'text' },
        ],
        rows: rows.map((r) => [
          dateLabel(r.tanggal.ms),
          r.jenis === 'pengaduan' ? 'Pengaduan' : 'Keluhan',
          r.uraian ?? '',
          r.daerah ?? '',
        ]),
      },
    ],
    charts: [ctx.threeMonthBars('Perkembangan Pengaduan', ['pengaduan.total'], () => 'pengaduan.total')],
  };
}
