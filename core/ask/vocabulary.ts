/**
 * The words people use for the figures (BOT.md), mapped onto METRICS.md keys. Longer phrases are
 * matched first so "wa blast" is the blast, not the WhatsApp channel.
 */
export const METRIC_PHRASES: ReadonlyArray<readonly [phrase: string, key: string]> = [
  ['email lapor', 'emailLapor.total'],
  ['lapor djpk', 'emailLapor.total'],
  ['wa blast', 'blast.whatsapp'],
  ['whatsapp blast', 'blast.whatsapp'],
  ['blast wa', 'blast.whatsapp'],
  ['blast whatsapp', 'blast.whatsapp'],
  ['email blast', 'blast.email'],
  ['blast email', 'blast.email'],
  ['publikasi website', 'publikasi.website'],
  ['publikasi web', 'publikasi.website'],
  ['kunjungan website', 'website.pengunjung'],
  ['pengunjung website', 'website.pengunjung'],
  ['visitor website', 'website.pengunjung'],
  ['website visitors', 'website.pengunjung'],
  ['live chat', 'konsultasi.kanal.livechat'],
  ['web chat', 'konsultasi.kanal.livechat'],
  ['help desk', 'konsultasi.kanal.helpdesk'],
  ['hai kemenkeu', 'konsultasi.kanal.helpdesk'],
  ['tatap muka', 'tatapMuka.total'],
  ['kunjungan tamu', 'tatapMuka.total'],
  ['face to face', 'tatapMuka.total'],
  ['video conference', 'vicon.total'],
  ['video konferensi', 'vicon.total'],
  ['media sosial', 'medsos.rataRataKonten'],
  ['social media', 'medsos.rataRataKonten'],
  ['layer 2', 'layer2.total'],
  ['follower instagram', 'medsos.instagram.followers'],
];

/** Single words; typos of these are tolerated. */
export const METRIC_WORDS: ReadonlyArray<readonly [word: string, key: string]> = [
  ['konsultasi', 'konsultasi.total'],
  ['tiket', 'konsultasi.total'],
  ['ticket', 'konsultasi.total'],
  ['tickets', 'konsultasi.total'],
  ['layanan', 'konsultasi.total'],
  ['consultation', 'konsultasi.total'],
  ['consultations', 'konsultasi.total'],
  ['whatsapp', 'konsultasi.kanal.whatsapp'],
  ['wa', 'konsultasi.kanal.whatsapp'],
  ['telepon', 'konsultasi.kanal.telepon'],
  ['telpon', 'konsultasi.kanal.telepon'],
  ['telp', 'konsultasi.kanal.telepon'],
  ['dering', 'konsultasi.kanal.telepon'],
  ['phone', 'konsultasi.kanal.telepon'],
  ['email', 'konsultasi.kanal.email'],
  ['surel', 'konsultasi.kanal.email'],
  ['helpdesk', 'konsultasi.kanal.helpdesk'],
  ['hai', 'konsultasi.kanal.helpdesk'],
  ['livechat', 'konsultasi.kanal.livechat'],
  ['chat', 'konsultasi.kanal.livechat'],
  ['webchat', 'konsultasi.kanal.livechat'],
  ['chatbot', 'chatbot.pengguna'],
  ['bot', 'chatbot.pengguna'],
  ['publikasi', 'publikasi.website'],
  ['publication', 'publikasi.website'],
  ['publications', 'publikasi.website'],
  ['pengunjung', 'website.pengunjung'],
  ['website', 'website.pengunjung'],
  ['visitors', 'website.pengunjung'],
  ['webinar', 'webinar.total'],
  ['webinars', 'webinar.total'],
  ['fgd', 'webinar.total'],
  ['blast', 'blast.email'],
  ['vicon', 'vicon.total'],
  ['videoconference', 'vicon.total'],
  ['tamu', 'tatapMuka.total'],
  ['ppid', 'ppid.permohonan'],
  ['pengaduan', 'pengaduan.total'],
  ['keluhan', 'pengaduan.total'],
  ['complaints', 'pengaduan.total'],
  ['complaint', 'pengaduan.total'],
  ['kepuasan', 'kepuasan.rataRata'],
  ['satisfaction', 'kepuasan.rataRata'],
  ['csat', 'kepuasan.rataRata'],
  ['eskalasi', 'layer2.total'],
  ['escalation', 'layer2.total'],
  ['escalations', 'layer2.total'],
  ['layer2', 'layer2.total'],
  ['l2', 'layer2.total'],
  ['medsos', 'medsos.rataRataKonten'],
  ['sosmed', 'medsos.rataRataKonten'],
  ['instagram', 'medsos.instagram.followers'],
  ['ig', 'medsos.instagram.followers'],
  ['twitter', 'medsos.x.followers'],
  ['x', 'medsos.x.followers'],
  ['facebook', 'medsos.facebook.followers'],
  ['fb', 'medsos.facebook.followers'],
  ['followers', 'medsos.instagram.followers'],
];

/** Words that pick a section of the report rather than one figure. */
export const SECTION_WORDS: ReadonlyArray<readonly [word: string, section: AskSection]> = [
  ['pemda', 'topPemda'],
  ['daerah', 'topPemda'],
  ['topik', 'topik'],
  ['topic', 'topik'],
  ['topics', 'topik'],
  ['kanal', 'kanal'],
  ['channel', 'kanal'],
  ['channels', 'kanal'],
  ['sebaran', 'kanal'],
];

export type AskSection = 'topPemda' | 'topik' | 'kanal' | 'layer2' | 'kepuasan';

export const HELP_WORDS = ['bantuan', 'help', 'tolong', 'menu', 'panduan', 'bisa apa', 'halo', 'hi', 'hello'];
export const REFRESH_WORDS = ['segarkan', 'refresh', 'muat ulang', 'reload', 'perbarui data'];
export const SUMMARY_WORDS = ['ringkasan', 'laporan', 'summary', 'rekap', 'report', 'resume'];
export const TREND_WORDS = ['tren', 'trend', 'grafik', 'perkembangan', 'chart'];
export const TOTAL_WORDS = ['total', 'jumlah', 'sum', 'akumulasi'];
export const COMPARE_WORDS = [
  'vs',
  'versus',
  'dibandingkan',
  'dibanding',
  'banding',
  'bandingkan',
  'compared',
  'compare',
];
export const TOP_WORDS = ['top', 'terbanyak', 'teratas', 'tertinggi', 'paling banyak', 'most'];
