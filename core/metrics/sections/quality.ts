import { percentFormat } from '../../format/figure';
import { formatNumber } from '../../format/idNumber';
import { joinIndonesian } from '../../format/sentences';
import { slug } from '../../text/textMatch';
import type { Section } from '../model';
import { rankWithTies, type SectionContext } from '../sectionContext';

/** Sections 17–18: satisfaction per agent, Layer 2 escalations per unit. */

export function kepuasanSection(ctx: SectionContext): Section {
  const surveys = ctx.inMonth(ctx.wb.kepuasan);
  const { minRatingsPerAgent: min, satisfactionTarget: target } = ctx.settings;
  const agents = new Map<string, { name: string; n: number; users: Set<string>; sum: number }>();
  for (const s of surveys) {
    const key = slug(s.agen);
    const agent = agents.get(key) ?? { name: s.agen, n: 0, users: new Set<string>(), sum: 0 };
    agent.n += 1;
    agent.sum += (s.nilaiLayanan + s.nilaiSubstansi) / 2;
    if (s.pengguna) agent.users.add(slug(s.pengguna));
    agents.set(key, agent);
  }
  const rows = [...agents.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const short = rows.filter((a) => a.n < min || a.users.size < min);
  const overallFigure = ctx.shown('kepuasan.rataRata');
  const overall = overallFigure.value;
  const surveyCount = ctx.value('kepuasan.survei');
  const sentences =
    overall === null
      ? [`Data survei kepuasan bulan ${ctx.label} belum tersedia.`]
      : [
          `Rata-rata nilai kepuasan pengguna bulan ${ctx.label} adalah ${formatNumber(overall, overallFigure.decimals)}${
            surveyCount ? ` dari ${formatNumber(surveyCount)} survei` : ''
          } (target ${formatNumber(target, 1)}), ${overall >= target ? 'memenuhi' : 'di bawah'} target.`,
          ...(rows.length
            ? [
                short.length
                  ? `Agen yang belum memenuhi minimal ${min} penilaian dari ${min} pengguna berbeda: ${joinIndonesian(short.map((a) => a.name))}.`
                  : `Setiap agen telah memiliki minimal ${min} penilaian dari ${min} pengguna berbeda.`,
              ]
            : [`Data penilaian per agen bulan ${ctx.label} belum tersedia.`]),
        ];
  return {
    id: 'kepuasan',
    title: 'Kepuasan Pengguna Contact Center DJPK',
    metrics: ['kepuasan.rataRata', 'kepuasan.survei'],
    sentences,
    tables: [
      {
        title: 'Nilai Kepuasan per Agen',
        columns: [
          { header: 'Agen', format: 'text' },
          { header: 'Jumlah Penilaian', format: 'int' },
          { header: 'Pengguna Berbeda', format: 'int' },
          { header: 'Rata-rata Nilai', format: 'dec2' },
          { header: 'Memenuhi Minimal', format: 'text' },
        ],
        rows: [
          ...rows.map((a) => [
            a.name,
            a.n,
            a.users.size,
            a.sum / a.n,
            a.n >= min && a.users.size >= min ? 'Ya' : 'Belum',
          ]),
          ...(rows.length ? [['Keseluruhan', surveys.length, '', overall, '']] : []),
        ],
      },
    ],
    charts: rows.length
      ? [
          {
            kind: 'bar',
            title: 'Rata-rata Nilai Kepuasan per Agen',
            categories: rows.map((a) => a.name),
            series: [{ name: ctx.label, values: rows.map((a) => a.sum / a.n) }],
          },
        ]
      : [],
  };
}

export function layer2Section(ctx: SectionContext): Section {
  const units = ctx.settings.layer2Units.map((unit) => {
    const s = slug(unit);
    return { unit, count: ctx.value(`layer2.unit.${s}`), score: ctx.shown(`layer2.skor.${s}`).value };
  });
  const total = ctx.value('layer2.total');
  const scored = units.filter((u) => u.score !== null);
  const ranked = rankWithTies(
    [...scored].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)),
    (u) => u.score ?? 0,
  );
  const rankOf = new Map(ranked.map((r) => [r.item.unit, r.rank]));
  const first = ranked.filter((r) => r.rank === 1).map((r) => r.item);
  const sentences: string[] = [];
  if (total === null) sentences.push(`Data eskalasi tiket ke Layer 2 bulan ${ctx.label} belum tersedia.`);
  else {
    sentences.push(`Sebanyak ${formatNumber(total)} tiket dieskalasi ke Layer 2 pada bulan ${ctx.label}.`);
    const pending = ctx.value('layer2.menunggu');
    if (pending !== null && pending > 0)
      sentences.push(`${formatNumber(pending)} tiket belum ditanggapi dan belum diberi nilai.`);
    if (first.length) {
      sentences.push(
        `Berdasarkan kecepatan memberikan tanggapan sejak pertanyaan dieskalasi, nilai capaian rata-rata ${joinIndonesian(first.map((u) => u.unit))} menempati peringkat pertama (${formatNumber(first[0]?.score ?? 0, 1)}).`,
      );
    }
  }
  return {
    id: 'layer2',
    title: 'Layer 2 Contact Center',
    metrics: ['layer2.total', 'layer2.rataRata', ...units.map((u) => `layer2.unit.${slug(u.unit)}`)],
    sentences,
    tables: [
      {
        title: 'Tiket Dieskalasi dan Capaian per Unit',
        columns: [
          { header: 'Unit', format: 'text' },
          { header: 'Tiket', format: 'int' },
          { header: 'Persentase', format: percentFormat(ctx.pct), decimals: ctx.pct },
          { header: 'Capaian Rata-rata', format: 'dec1' },
          { header: 'Peringkat', format: 'int' },
        ],
        rows: units.map((u) => [
          u.unit,
          u.count,
          total && u.count !== null ? (u.count / total) * 100 : null,
          u.score,
          rankOf.get(u.unit) ?? null,
        ]),
      },
      {
        title: 'Keterangan Nilai',
        columns: [
          { header: 'Nilai', format: 'int' },
          { header: 'Keterangan', format: 'text' },
        ],
        rows: [
          [120, 'Tanggapan diberikan pada hari H dan H+1 (hari kerja)'],
          [100, 'Tanggapan diberikan pada H+2 dan H+3'],
          [80, 'Tanggapan diberikan setelah H+3'],
        ],
      },
    ],
    charts: units.every((u) => u.count === null)
      ? []
      : [
          {
            kind: 'donut',
            title: `Tiket Dieskalasi ke Layer 2 ${ctx.label}`,
            categories: units.map((u) => u.unit),
            series: [{ name: 'Tiket', values: units.map((u) => u.count) }],
          },
        ],
  };
}
