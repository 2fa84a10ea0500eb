/**
 * The time zone of every province, as the law fixes it: Keputusan Presiden Nomor 41 Tahun 1987
 * tentang Pembagian Wilayah Republik Indonesia Menjadi 3 (Tiga) Wilayah Waktu (26 November 1987, in
 * force since 1 January 1988):
 * - WIB (UTC+7): the provinces of Sumatera, of Jawa and Madura, Kalimantan Barat, Kalimantan Tengah;
 * - WITA (UTC+8): Kalimantan Timur, Kalimantan Selatan, Bali, Nusa Tenggara Barat, Nusa Tenggara
 *   Timur, and the provinces of Sulawesi;
 * - WIT (UTC+9): Maluku and Irian Jaya (Papua).
 * A province formed since 1987 lies in one of those territories and keeps its zone: Bangka Belitung
 * (from Sumatera Selatan) and Banten (from Jawa Barat), 2000; Kepulauan Riau (from Riau), 2002;
 * Gorontalo (from Sulawesi Utara), 2000; Sulawesi Barat (from Sulawesi Selatan), 2004; Kalimantan
 * Utara (from Kalimantan Timur), 2012; Maluku Utara (from Maluku), 1999; Papua Barat, and in 2022
 * Papua Selatan, Papua Tengah, Papua Pegunungan and Papua Barat Daya (from Papua and Papua Barat).
 */

/** The three legal zones, as core/workbook's `Zona Waktu` ids. */
export type ZoneId = 'wib' | 'wita' | 'wit';

/** Province code (Kemendagri) → its zone; every province of the official list has one (tested). */
export const ZONE_OF_PROVINCE: Readonly<Record<string, ZoneId>> = {
  // Sumatera
  '11': 'wib', // Aceh
  '12': 'wib', // Sumatera Utara
  '13': 'wib', // Sumatera Barat
  '14': 'wib', // Riau
  '15': 'wib', // Jambi
  '16': 'wib', // Sumatera Selatan
  '17': 'wib', // Bengkulu
  '18': 'wib', // Lampung
  '19': 'wib', // Kepulauan Bangka Belitung
  '21': 'wib', // Kepulauan Riau
  // Jawa
  '31': 'wib', // DKI Jakarta
  '32': 'wib', // Jawa Barat
  '33': 'wib', // Jawa Tengah
  '34': 'wib', // DI Yogyakarta
  '35': 'wib', // Jawa Timur
  '36': 'wib', // Banten
  // Bali and Nusa Tenggara
  '51': 'wita', // Bali
  '52': 'wita', // Nusa Tenggara Barat
  '53': 'wita', // Nusa Tenggara Timur
  // Kalimantan: west and central WIB, the rest WITA
  '61': 'wib', // Kalimantan Barat
  '62': 'wib', // Kalimantan Tengah
  '63': 'wita', // Kalimantan Selatan
  '64': 'wita', // Kalimantan Timur
  '65': 'wita', // Kalimantan Utara
  // Sulawesi
  '71': 'wita', // Sulawesi Utara
  '72': 'wita', // Sulawesi Tengah
  '73': 'wita', // Sulawesi Selatan
  '74': 'wita', // Sulawesi Tenggara
  '75': 'wita', // Gorontalo
  '76': 'wita', // Sulawesi Barat
  // Maluku and Papua
  '81': 'wit', // Maluku
  '82': 'wit', // Maluku Utara
  '91': 'wit', // Papua
  '92': 'wit', // Papua Barat
  '93': 'wit', // Papua Selatan
  '94': 'wit', // Papua Tengah
  '95': 'wit', // Papua Pegunungan
  '96': 'wit', // Papua Barat Daya
};
