/**
 * Issue 8: the sentences of every section, pinned for a month with full logs (January 2025 of the
 * sample), a partly covered month and a month without data (small workbooks built here); no 0
 * where there is no data.
 */
import { describe, expect, it } from 'vitest';
import { findUnusual, isNotable, pickContributions, unusualSentence } from '../../core/metrics/drivers';
import type { Report } from '../../core/metrics/model';
import { ReportBuilder } from '../../core/metrics/report';
import { topPemda } from '../../core/metrics/sections/tickets';
import { monthIndex } from '../../core/period/yearMonth';
import type { CellValue } from '../../core/workbook/cells';
import { TIKET } from '../../core/workbook/tabs';
import { parseWorkbook, type RawWorkbook } from '../../core/workbook/workbook';
import { sampleReport, section, TEST_NOW } from '../fixtures/sample';

const sentencesOf = (report: Report) => Object.fromEntries(report.sections.map((s) => [s.id, s.sentences]));
const at = (y: number, m: number, d: number, h = 10) => new Date(Date.UTC(y, m - 1, d, h));

/**
 * February 2025 fully logged; March 2025 only as daily ticket totals per channel (no category,
 * topic, zone or escalation), a website row, and `Rekap Historis` figures of satisfaction and
 * escalation for March that the logs do not have.
 */
function partlyCoveredWorkbook(): RawWorkbook {
  // Headers from the tab spec, in the order of the rows below.
  const header = ['tanggal', 'kanal', 'kategori', 'instansi', 'topik', 'zona', 'eskalasi', 'unit', 'jumlah'].map(
    (key) => TIKET.columns.find((c) => c.key === key)?.header ?? key,
  );
  const tiket: CellValue[][] = [header];
  for (let d = 3; d <= 7; d++) {
    tiket.push([at(2025, 2, d, 9), 'WhatsApp', 'Pemda', 'Kab. Bogor', 'DAU', 'WIB', 'Tidak', null, 6]);
    tiket.push([at(2025, 2, d, 19), 'Email', 'Lainnya', null, 'Surat Masuk', 'WITA', 'Ya', 'DTU', 2]);
  }
  tiket.push([at(2025, 3, 3, 0), 'WhatsApp', null, null, null, null, null, null, 40]);
  tiket.push([at(2025, 3, 4, 0), 'Telepon', null, null, null, null, null, null, 5]);
  tiket.push([at(2025, 3, 5, 0), 'Email', null, null, null, null, null, null, 9]);
  return {
    Tiket: tiket.map((r) => r.map((c) => (c instanceof Date ? new Date(c.getTime()) : c))),
    Website: [
      ['Bulan', 'Pengunjung', 'Halaman Terpopuler'],
      ['2025-02', 80000, 'Portal Data SIKD'],
      ['2025-03', 95000, 'Portal Data SIKD; Rincian Dana Desa'],
    ],
    Kepuasan: [
      ['Tanggal', 'Agen', 'Pengguna', 'Nilai Layanan', 'Nilai Substansi'],
      [at(2025, 2, 10), 'Dian', 'A', 5, 4],
    ],
    'Rekap Historis': [
      ['Bulan', 'Metrik', 'Nilai'],
      ['2025-03', 'kepuasan.rataRata', 4.9],
      ['2025-03', 'konsultasi.luarJam.eskalasi', 46],
    ],
  };
}

const partlyCovered = () => new ReportBuilder(parseWorkbook(partlyCoveredWorkbook(), { now: TEST_NOW }));

describe('sentences of every section', () => {
  it('a month with full logs: January 2025 of the sample', async () => {
    expect(sentencesOf(await sampleReport('2025-01'))).toEqual(JANUARY_2025);
  });

  it('a partly covered month: ticket totals only, history for satisfaction and escalation', () => {
    expect(sentencesOf(partlyCovered().build(monthIndex(2025, 3)))).toEqual(MARCH_2025_PARTLY);
  });

  it('a month without data: every section says so', () => {
    const report = partlyCovered().build(monthIndex(2025, 5));
    expect(sentencesOf(report)).toEqual(MAY_2025_NONE);
  });
});

describe('no 0 where there is no data', () => {
  const march = () => partlyCovered().build(monthIndex(2025, 3));

  it('users, zones, escalation, Layer 2 and satisfaction read "belum tersedia", not 0', () => {
    const report = march();
    const cells = (id: string) => section(report, id).tables.flatMap((t) => t.rows.flatMap((r) => r.slice(1)));
    for (const id of ['pengguna', 'zona', 'layer2']) {
      expect(
        cells(id).filter((c) => c === 0),
        id,
      ).toEqual([]);
    }
    // Rekap Historis gives 46 escalated outside hours but no outside-hours total: no "-46".
    const escalation = section(report, 'zona').tables.find((t) => t.title === 'Eskalasi Tiket di Luar Jam Layanan');
    expect(escalation?.rows).toEqual([
      ['Eskalasi', 46, null],
      ['Tidak Eskalasi', null, null],
    ]);
    const text = report.sections.flatMap((s) => s.sentences).join('\n');
    expect(text).not.toMatch(/\b0 (pengguna|tiket|survei)\b/);
    expect(text).toContain('Rata-rata nilai kepuasan pengguna bulan Maret 2025 adalah 4,90 (target 3,5)');
    for (const chart of report.sections.flatMap((s) => s.charts)) {
      if (chart.title.includes('Zona')) for (const s of chart.series) expect(s.values).toEqual([null, null, null]);
    }
  });

  it('a zero that is true is said as the seeds say it', () => {
    const raw: RawWorkbook = {
      ...partlyCoveredWorkbook(),
      Pengaduan: [
        ['Tanggal', 'Jenis', 'Uraian', 'Daerah'],
        [at(2025, 3, 4), 'Pengaduan', 'Surat palsu', 'Kab. Bogor'],
      ],
    };
    const report = new ReportBuilder(parseWorkbook(raw, { now: TEST_NOW })).build(monthIndex(2025, 3));
    expect(section(report, 'pengaduan').sentences).toContain(
      'Seluruhnya berupa pengaduan; tidak terdapat keluhan pada bulan Maret 2025.',
    );
  });
});

const JANUARY_2025: Record<string, readonly string[]> = {
  ringkasan: [
    'Ringkasan layanan informasi DJPK bulan Januari 2025: 15 publikasi website, 1.010 tiket konsultasi, rata-rata 36 konten media sosial, 2 video conference, 6 email blast, 24 konsultasi tatap muka, 19 permohonan PPID, dan 3 webinar/FGD; tidak terdapat WhatsApp blast.',
    'Tiket konsultasi turun 23% dibandingkan Januari 2024 (1.304), terutama dari WhatsApp (−333 tiket), sebagian diimbangi kenaikan Email (+38 tiket) dan Help Desk (+22 tiket).',
  ],
  publikasi: [
    'Pada bulan Januari 2025, jumlah publikasi pada Website DJPK sebanyak 15, naik 25% dibandingkan bulan sebelumnya (12) dan naik 114% dibandingkan bulan Januari 2024 (7).',
    'Publikasi tersebut terdiri atas Peraturan, Pemberitahuan ke Daerah, PPID, LPEFD, APBD, Jurnal Defis, Majalah, dan Publikasi Lainnya.',
  ],
  webinar: [
    'Pada bulan Januari 2025, jumlah webinar/FGD sebanyak 3, turun 75% dibandingkan bulan sebelumnya (12) dan turun 67% dibandingkan bulan Januari 2024 (9).',
  ],
  blast: [
    'Pada bulan Januari 2025, jumlah email blast sebanyak 6, naik 100% dibandingkan bulan sebelumnya (3), sedangkan data bulan Januari 2024 belum tersedia sebagai pembanding.',
    'Pada bulan Januari 2025, tidak terdapat WhatsApp blast, sama seperti bulan sebelumnya, sedangkan data bulan Januari 2024 belum tersedia sebagai pembanding.',
  ],
  website: [
    'Pada bulan Januari 2025, jumlah pengunjung Website DJPK sekitar 104.000, naik 16% dibandingkan bulan sebelumnya (90.000) dan naik 79% dibandingkan bulan Januari 2024 (58.000).',
    'Halaman yang paling banyak diakses antara lain Portal Data SIKD, Rincian Dana Desa per Desa TA 2025, Rincian Alokasi Transfer ke Daerah (TKD) dalam APBN Tahun Anggaran 2025, KMK Nomor 352 Tahun 2024 tentang Rincian Insentif Desa Setiap Desa Tahun Anggaran 2024, dan PMK 145 dan PMK 146 Tahun 2023 tentang Dana Desa.',
  ],
  konsultasi: [
    'Pada bulan Januari 2025, Contact Center DJPK melayani 1.010 konsultasi, turun 9% dibandingkan bulan sebelumnya (1.112 konsultasi) dan turun 23% dibandingkan bulan Januari 2024 (1.304 konsultasi).',
    'Penurunan dibandingkan bulan Januari 2024 terutama berasal dari WhatsApp (−333 tiket), sebagian diimbangi kenaikan Email (+38 tiket) dan Help Desk (+22 tiket).',
    'Selama Januari 2025, jumlah konsultasi yang dilayani Contact Center DJPK sebanyak 1.010 konsultasi.',
    'Bersama 588 Email Lapor DJPK, 2 video conference, dan 24 konsultasi tatap muka, Contact Center DJPK memberikan total 1.624 layanan pada bulan Januari 2025.',
  ],
  topik: [
    'Topik konsultasi teknis terbanyak pada bulan Januari 2025 adalah DBH (167 tiket), DAU (157 tiket), dan JF AKPD (70 tiket).',
    'Topik konsultasi lainnya terbanyak adalah Surat Masuk (130 tiket), Lainnya (97 tiket), dan Reservasi (54 tiket).',
  ],
  pengguna: [
    'Pada bulan Januari 2025, pengguna layanan terdiri atas Pemda 824 pengguna (81,58%), Kementerian/Lembaga 93 pengguna (9,21%), Akademisi 33 pengguna (3,27%), dan Lainnya 60 pengguna (5,94%).',
    'Pemda pengguna layanan terbanyak pada bulan Januari 2025 adalah Kab. Bangka Selatan, Kab. Probolinggo, dan Kota Manado (masing-masing 11 tiket).',
  ],
  provinsi: [
    'Pada bulan Januari 2025, tiket Pemda berasal dari 27 provinsi di antara 38 provinsi di Indonesia; provinsi dengan tiket terbanyak adalah Jawa Timur (168 tiket), Jawa Tengah (157 tiket), dan Jawa Barat (116 tiket).',
    'Menurut wilayah, tiket Pemda terbanyak berasal dari Jawa (476 tiket; 58%), Bali dan Nusa Tenggara (109 tiket; 13%), Sumatera (99 tiket; 12%), Sulawesi (69 tiket; 8%), Kalimantan (43 tiket; 5%), Maluku (14 tiket; 2%), dan Papua (14 tiket; 2%).',
    'Dari 1.010 tiket, 186 tiket berasal dari pengguna bukan Pemda (K/L, akademisi, lainnya).',
    'Di luar 10 provinsi terbanyak, 17 provinsi lain mencatat 177 tiket.',
  ],
  zona: [
    'Selama bulan Januari 2025, dari total 1.010 tiket konsultasi, sebanyak 987 tiket dapat diidentifikasi asal zona waktunya, sedangkan 23 tiket sisanya tidak dapat diidentifikasi.',
    'Zona waktu 41 tiket Pemda yang kolom Zona Waktu-nya kosong diambil dari provinsi Pemda tersebut.',
    'Dari 987 tiket yang dapat diidentifikasi zona waktunya, 954 pengguna layanan menghubungi DJPK di dalam jam layanan, sedangkan 33 sisanya menghubungi DJPK di luar jam layanan yang terdiri dari 19 (57,6%) dari bagian barat (WIB), 9 (27,3%) dari bagian tengah (WITA), dan 5 (15,2%) dari bagian timur (WIT).',
    'Dari 1.010 tiket, terdapat 42 tiket yang masuk di luar jam layanan, 3 di antaranya atau 7% memerlukan eskalasi lebih lanjut, dengan topik terkait DBH dan IF.',
    'Topik terbanyak dari tiket yang masuk di luar jam layanan adalah DAU (10 tiket), DBH (8 tiket), dan Reservasi (4 tiket).',
  ],
  kanal: [
    'Pada bulan Januari 2025, WhatsApp menjadi media konsultasi yang paling banyak digunakan, yaitu 695 tiket atau 69% dari total konsultasi.',
  ],
  kanalWhatsapp: [
    'Pada bulan Januari 2025, jumlah konsultasi melalui WhatsApp DJPK sebanyak 695 layanan (69% dari total konsultasi), turun 10% dibandingkan bulan sebelumnya (771 layanan) dan turun 32% dibandingkan bulan Januari 2024 (1.028 layanan).',
    'Top 3 topik konsultasi melalui WhatsApp adalah DBH (128 tiket), DAU (120 tiket), dan JF AKPD (65 tiket).',
  ],
  kanalTelepon: [
    'Pada bulan Januari 2025, jumlah konsultasi melalui layanan telepon Dering DJPK sebanyak 60 layanan (6% dari total konsultasi), turun 5% dibandingkan bulan sebelumnya (63 layanan) dan turun 5% dibandingkan bulan Januari 2024 (63 layanan).',
    'Top 3 topik konsultasi melalui Telepon adalah Reservasi (21 tiket), DAU (7 tiket), dan Surat Masuk (6 tiket).',
    'Tingkat layanan telepon bulan Januari 2025 sebesar 81% panggilan terjawab dalam 10 detik (target 80%), memenuhi target; 3 panggilan tidak terjawab dan 1 antrian tidak terjawab.',
  ],
  kanalHelpdesk: [
    'Pada bulan Januari 2025, jumlah konsultasi melalui Help Desk (HAI Kemenkeu) sebanyak 32 layanan (3% dari total konsultasi), naik 14% dibandingkan bulan sebelumnya (28 layanan) dan naik 220% dibandingkan bulan Januari 2024 (10 layanan).',
    'Top 3 topik konsultasi melalui Help Desk adalah Dana Desa (9 tiket), DAU (5 tiket), dan Surat Masuk (3 tiket).',
  ],
  kanalLivechat: [
    'Pada bulan Januari 2025, jumlah konsultasi melalui Live Chat sebanyak 4 layanan (0,4% dari total konsultasi), turun 69% dibandingkan bulan sebelumnya (13 layanan) dan turun 82% dibandingkan bulan Januari 2024 (22 layanan).',
    'Top 3 topik konsultasi melalui Live Chat adalah DAU (2 tiket), DBH (1 tiket), dan Permintaan Data (1 tiket).',
  ],
  kanalEmail: [
    'Pada bulan Januari 2025, jumlah konsultasi melalui Email Contact Center DJPK sebanyak 219 layanan (22% dari total konsultasi), turun 8% dibandingkan bulan sebelumnya (237 layanan) dan naik 21% dibandingkan bulan Januari 2024 (181 layanan).',
    'Top 3 topik konsultasi melalui Email adalah Surat Masuk (76 tiket), DBH (31 tiket), dan DAU (23 tiket).',
  ],
  chatbot: [
    'Pada bulan Januari 2025, jumlah pengguna layanan Chatbot (tanpa Chat Agent) sebanyak 374 pengguna, naik 11% dibandingkan bulan sebelumnya (337 pengguna) dan turun 35% dibandingkan bulan Januari 2024 (577 pengguna).',
    'Kenaikan dibandingkan bulan sebelumnya terutama berasal dari menu Informasi Anggaran Transfer ke Daerah (+25 pengguna) dan menu Tidak Dilanjutkan (+9 pengguna).',
    'Penurunan dibandingkan bulan Januari 2024 terutama berasal dari menu Informasi Anggaran Transfer ke Daerah (−107 pengguna) dan menu Tidak Dilanjutkan (−36 pengguna).',
    'Menu yang paling banyak diakses adalah Informasi Anggaran Transfer ke Daerah (210 pengguna), Tidak Dilanjutkan (73 pengguna), dan Informasi Kunjungan ke DJPK (24 pengguna).',
  ],
  emailLapor: [
    'Pada bulan Januari 2025, jumlah email yang masuk melalui Email Lapor DJPK sebanyak 588 email, naik 12% dibandingkan bulan sebelumnya (527 email) dan naik 14% dibandingkan bulan Januari 2024 (515 email).',
    'Kenaikan dibandingkan bulan sebelumnya terutama berasal dari Laporan Syarat Salur DAU (+37 email) dan Laporan Syarat Salur DBH (+18 email).',
    'Kenaikan dibandingkan bulan Januari 2024 terutama berasal dari Laporan Syarat Salur DAU (+52 email) dan Laporan Syarat Salur DBH (+7 email).',
    'Dokumen yang paling banyak diterima adalah Laporan Syarat Salur DAU (402 email atau 68%), Laporan Syarat Salur DBH (88 email atau 15%), dan Laporan Evaluasi APBD (51 email atau 9%).',
  ],
  viconTatapMuka: [
    'Pada bulan Januari 2025, jumlah video conference sebanyak 2 kali, turun 50% dibandingkan bulan sebelumnya (4 kali) dan sama dengan bulan Januari 2024 (2 kali).',
    'Pada bulan Januari 2025, jumlah konsultasi tatap muka sebanyak 24 kali, turun 27% dibandingkan bulan sebelumnya (33 kali) dan turun 4% dibandingkan bulan Januari 2024 (25 kali).',
    'Topik konsultasi tatap muka terbanyak adalah DAU.',
    'Jumlah tamu konsultasi tatap muka bulan Januari 2025 sebanyak 168 orang; 13 kunjungan melebihi batas 5 tamu.',
  ],
  medsos: [
    'Pada bulan Januari 2025, rata-rata publikasi konten media sosial DJPK sebanyak 36, naik 6% dibandingkan bulan sebelumnya (34) dan turun 8% dibandingkan bulan Januari 2024 (39).',
    'Pada bulan Januari 2025, followers Instagram per 31 Januari sebanyak 118.723, naik 0,1% dibandingkan bulan sebelumnya (118.585) dan naik 1% dibandingkan bulan Januari 2024 (117.069).',
    'Pada bulan Januari 2025, followers X per 31 Januari sebanyak 16.612, turun 0,1% dibandingkan bulan sebelumnya (16.622) dan turun 1% dibandingkan bulan Januari 2024 (16.752).',
    'Pada bulan Januari 2025, followers Facebook per 31 Januari sebanyak 14.278, naik 0,2% dibandingkan bulan sebelumnya (14.249) dan naik 2% dibandingkan bulan Januari 2024 (13.991).',
  ],
  ppid: [
    'Pada bulan Januari 2025, jumlah permohonan informasi melalui PPID DJPK sebanyak 19, turun 24% dibandingkan bulan sebelumnya (25) dan naik 12% dibandingkan bulan Januari 2024 (17).',
    'Tujuan permohonan terbanyak adalah Penelitian (15 permohonan).',
  ],
  pengaduan: [
    'Pada bulan Januari 2025, jumlah pengaduan dan keluhan sebanyak 4, turun 50% dibandingkan bulan sebelumnya (8) dan naik 300% dibandingkan bulan Januari 2024 (1).',
    'Seluruhnya berupa pengaduan; tidak terdapat keluhan pada bulan Januari 2025.',
    // The seed: "(Kab. Bogor, Kab. Cirebon, Kota Samarinda, 1 daerah tidak teridentifikasi)".
    'Daerah terkait: Kab. Bogor, Kab. Cirebon, Kota Samarinda, dan 1 daerah tidak teridentifikasi.',
  ],
  kepuasan: [
    'Rata-rata nilai kepuasan pengguna bulan Januari 2025 adalah 5,00 dari 30 survei (target 3,5), memenuhi target.',
    'Setiap agen telah memiliki minimal 5 penilaian dari 5 pengguna berbeda.',
  ],
  layer2: [
    'Sebanyak 67 tiket dieskalasi ke Layer 2 pada bulan Januari 2025.',
    'Berdasarkan kecepatan memberikan tanggapan sejak pertanyaan dieskalasi, nilai capaian rata-rata Sekretariat, P2D, dan DDIOKK menempati peringkat pertama (120,0).',
  ],
};

const MARCH_2025_PARTLY: Record<string, readonly string[]> = {
  ringkasan: [
    'Ringkasan layanan informasi DJPK bulan Maret 2025: 54 tiket konsultasi; data publikasi website, konten media sosial, video conference, WhatsApp blast, email blast, konsultasi tatap muka, permohonan PPID, dan webinar/FGD belum tersedia.',
  ],
  publikasi: ['Data jumlah publikasi pada Website DJPK bulan Maret 2025 belum tersedia.'],
  webinar: ['Data jumlah webinar/FGD bulan Maret 2025 belum tersedia.'],
  blast: ['Data blast bulan Maret 2025 belum tersedia.'],
  website: [
    'Pada bulan Maret 2025, jumlah pengunjung Website DJPK sekitar 95.000, naik 19% dibandingkan bulan sebelumnya (80.000), sedangkan data bulan Maret 2024 belum tersedia sebagai pembanding.',
    'Halaman yang paling banyak diakses antara lain Portal Data SIKD dan Rincian Dana Desa.',
  ],
  konsultasi: [
    'Pada bulan Maret 2025, Contact Center DJPK melayani 54 konsultasi, naik 35% dibandingkan bulan sebelumnya (40 konsultasi), sedangkan data bulan Maret 2024 belum tersedia sebagai pembanding.',
    'Jumlah konsultasi Januari – Maret 2025 belum dapat dihitung karena data Januari 2025 belum tersedia.',
    'Total layanan (tiket konsultasi, Email Lapor DJPK, video conference dan konsultasi tatap muka) bulan Maret 2025 belum dapat dihitung karena data Email Lapor DJPK, video conference, dan konsultasi tatap muka belum tersedia.',
  ],
  topik: ['Data topik tiket bulan Maret 2025 belum tersedia.'],
  pengguna: ['Data kategori pengguna layanan bulan Maret 2025 belum tersedia.'],
  provinsi: ['Data asal provinsi pengguna layanan bulan Maret 2025 belum tersedia.'],
  zona: [
    'Data zona waktu tiket bulan Maret 2025 belum tersedia.',
    'Data jam layanan tiket bulan Maret 2025 belum tersedia.',
  ],
  kanal: [
    'Pada bulan Maret 2025, WhatsApp menjadi media konsultasi yang paling banyak digunakan, yaitu 40 tiket atau 74% dari total konsultasi.',
  ],
  kanalWhatsapp: [
    'Pada bulan Maret 2025, jumlah konsultasi melalui WhatsApp DJPK sebanyak 40 layanan (74% dari total konsultasi), naik 33% dibandingkan bulan sebelumnya (30 layanan), sedangkan data bulan Maret 2024 belum tersedia sebagai pembanding.',
    'Data topik konsultasi WhatsApp bulan Maret 2025 belum tersedia.',
  ],
  kanalTelepon: [
    'Pada bulan Maret 2025, jumlah konsultasi melalui layanan telepon Dering DJPK sebanyak 5 layanan (9% dari total konsultasi), naik dari 0 pada bulan sebelumnya, sedangkan data bulan Maret 2024 belum tersedia sebagai pembanding.',
    'Data topik konsultasi Telepon bulan Maret 2025 belum tersedia.',
  ],
  kanalHelpdesk: [
    'Pada bulan Maret 2025, tidak terdapat konsultasi melalui Help Desk (HAI Kemenkeu), sama seperti bulan sebelumnya, sedangkan data bulan Maret 2024 belum tersedia sebagai pembanding.',
  ],
  kanalLivechat: [
    'Pada bulan Maret 2025, tidak terdapat konsultasi melalui Live Chat, sama seperti bulan sebelumnya, sedangkan data bulan Maret 2024 belum tersedia sebagai pembanding.',
  ],
  kanalEmail: [
    'Pada bulan Maret 2025, jumlah konsultasi melalui Email Contact Center DJPK sebanyak 9 layanan (17% dari total konsultasi), turun 10% dibandingkan bulan sebelumnya (10 layanan), sedangkan data bulan Maret 2024 belum tersedia sebagai pembanding.',
    'Data topik konsultasi Email bulan Maret 2025 belum tersedia.',
  ],
  chatbot: ['Data jumlah pengguna layanan Chatbot (tanpa Chat Agent) bulan Maret 2025 belum tersedia.'],
  emailLapor: ['Data jumlah email yang masuk melalui Email Lapor DJPK bulan Maret 2025 belum tersedia.'],
  viconTatapMuka: [
    'Data jumlah video conference bulan Maret 2025 belum tersedia.',
    'Data jumlah konsultasi tatap muka bulan Maret 2025 belum tersedia.',
  ],
  medsos: ['Data rata-rata publikasi konten media sosial DJPK bulan Maret 2025 belum tersedia.'],
  ppid: ['Data jumlah permohonan informasi melalui PPID DJPK bulan Maret 2025 belum tersedia.'],
  pengaduan: ['Data jumlah pengaduan dan keluhan bulan Maret 2025 belum tersedia.'],
  kepuasan: [
    'Rata-rata nilai kepuasan pengguna bulan Maret 2025 adalah 4,90 (target 3,5), memenuhi target.',
    'Data penilaian per agen bulan Maret 2025 belum tersedia.',
  ],
  layer2: ['Data eskalasi tiket ke Layer 2 bulan Maret 2025 belum tersedia.'],
};

const MAY_2025_NONE: Record<string, readonly string[]> = {
  ringkasan: ['Data layanan informasi DJPK bulan Mei 2025 belum tersedia.'],
  publikasi: ['Data jumlah publikasi pada Website DJPK bulan Mei 2025 belum tersedia.'],
  webinar: ['Data jumlah webinar/FGD bulan Mei 2025 belum tersedia.'],
  blast: ['Data blast bulan Mei 2025 belum tersedia.'],
  website: ['Data jumlah pengunjung Website DJPK bulan Mei 2025 belum tersedia.'],
  konsultasi: ['Data tiket konsultasi bulan Mei 2025 belum tersedia.'],
  topik: ['Data topik tiket bulan Mei 2025 belum tersedia.'],
  pengguna: ['Data kategori pengguna layanan bulan Mei 2025 belum tersedia.'],
  provinsi: ['Data asal provinsi pengguna layanan bulan Mei 2025 belum tersedia.'],
  zona: ['Data tiket bulan Mei 2025 belum tersedia.'],
  kanal: ['Data tiket per kanal bulan Mei 2025 belum tersedia.'],
  kanalWhatsapp: ['Data jumlah konsultasi melalui WhatsApp DJPK bulan Mei 2025 belum tersedia.'],
  kanalTelepon: ['Data jumlah konsultasi melalui layanan telepon Dering DJPK bulan Mei 2025 belum tersedia.'],
  kanalHelpdesk: ['Data jumlah konsultasi melalui Help Desk (HAI Kemenkeu) bulan Mei 2025 belum tersedia.'],
  kanalLivechat: ['Data jumlah konsultasi melalui Live Chat bulan Mei 2025 belum tersedia.'],
  kanalEmail: ['Data jumlah konsultasi melalui Email Contact Center DJPK bulan Mei 2025 belum tersedia.'],
  chatbot: ['Data jumlah pengguna layanan Chatbot (tanpa Chat Agent) bulan Mei 2025 belum tersedia.'],
  emailLapor: ['Data jumlah email yang masuk melalui Email Lapor DJPK bulan Mei 2025 belum tersedia.'],
  viconTatapMuka: [
    'Data jumlah video conference bulan Mei 2025 belum tersedia.',
    'Data jumlah konsultasi tatap muka bulan Mei 2025 belum tersedia.',
  ],
  medsos: ['Data rata-rata publikasi konten media sosial DJPK bulan Mei 2025 belum tersedia.'],
  ppid: ['Data jumlah permohonan informasi melalui PPID DJPK bulan Mei 2025 belum tersedia.'],
  pengaduan: ['Data jumlah pengaduan dan keluhan bulan Mei 2025 belum tersedia.'],
  kepuasan: ['Data survei kepuasan bulan Mei 2025 belum tersedia.'],
  layer2: ['Data eskalasi tiket ke Layer 2 bulan Mei 2025 belum tersedia.'],
};

describe('what moved, top Pemda', () => {
  it('"tertinggi sejak": against consecutive months with data only; a gap ends the comparison', () => {
    const m = monthIndex(2025, 1);
    const series = new Map<number, number>([
      [m - 9, 120],
      [m - 8, 90],
      [m - 7, 80],
      [m - 6, 85],
      [m - 5, 70],
      [m - 4, 95],
      [m - 3, 60],
      [m - 2, 75],
      [m - 1, 99],
      [m, 110],
    ]);
    const values = (k: number) => series.get(k) ?? null;
    const u = findUnusual(values, m);
    expect(u && unusualSentence(u)).toBe('Jumlah ini tertinggi sejak April 2024.');
    series.set(m, 50);
    expect(findUnusual(values, m)).toMatchObject({ kind: 'terendah', sinceData: true });
    series.delete(m - 3);
    // Only two months with data right before M: nothing is claimed.
    expect(findUnusual(values, m)).toBeNull();
  });

  it('the largest part alone exceeding the change is offset, so the named parts add up', () => {
    const parts = [
      { key: 'a', name: 'WhatsApp', delta: -333 },
      { key: 'b', name: 'Email', delta: 38 },
      { key: 'c', name: 'Help Desk', delta: 22 },
      { key: 'd', name: 'Live Chat', delta: -18 },
      { key: 'e', name: 'Telepon', delta: -3 },
    ];
    const pick = pickContributions(-294, parts);
    expect(pick?.named.map((p) => p.name)).toEqual(['WhatsApp']);
    expect(pick?.offsets.map((p) => p.name)).toEqual(['Email', 'Help Desk']);
    expect(isNotable(1010, 1112)).toBe(false); // −9%: not notable
    expect(isNotable(1010, 1304)).toBe(true);
    expect(isNotable(25, 10)).toBe(false); // +150% but 15 tickets
  });

  it('top N Pemda: whole tie groups while they fit, the rest said in words', () => {
    const pemda = [15, 12, 8, 8, 8, 8, 2].map((count, i) => ({ name: `Kab. ${i}`, count, topics: [] }));
    const top = topPemda(pemda, 3);
    expect(top.named.map((r) => [r.rank, r.item.count])).toEqual([
      [1, 15],
      [2, 12],
    ]);
    expect(top.rest).toEqual({ count: 8, size: 4 });
    const raw = {
      ...partlyCoveredWorkbook(),
      Pengaturan: [
        ['Kunci', 'Nilai'],
        ['Jumlah Pemda Teratas', '1'],
      ],
    };
    const report = new ReportBuilder(parseWorkbook(raw, { now: TEST_NOW })).build(monthIndex(2025, 2));
    expect(section(report, 'pengguna').sentences).toContain(
      'Pemda pengguna layanan terbanyak pada bulan Februari 2025 adalah Kab. Bogor (30 tiket).',
    );
  });
});
