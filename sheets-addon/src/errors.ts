/** The text of a thrown value: service errors are not always `instanceof Error` (another realm). */
export function messageOf(error: unknown): string {
  const text =
    error !== null && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
  // Our messages go on with ". Coba lagi…": a reason ending in its own full stop would print "..".
  return text.replace(/[.\s]+$/, '');
}

/**
 * A failure the team fixes in the spreadsheet, not by trying again: its message already says what to
 * do, so no "Coba lagi" follows it.
 */
export class SpreadsheetProblem extends Error {}

/**
 * A service error in Indonesian where the team can act on it: Sheets' 10-million-cell limit (every
 * tab's grid counts, filled or not) becomes a SpreadsheetProblem; any other error is returned as is.
 */
export function explained(error: unknown): unknown {
  if (/above the limit of 10000000 cells/.test(messageOf(error)))
    return new SpreadsheetProblem(
      'spreadsheet sudah mencapai batas Google Sheets (10 juta sel, dihitung dari ukuran setiap tab termasuk baris dan kolom kosong). Hapus tab yang tidak dipakai lagi, mis. tab Laporan bulan lama, atau baris dan kolom kosong di tab besar, lalu buat laporan lagi',
    );
  return error;
}
