import { DataFileError } from '../dataFileError';
import { openRegularFile, RegularFileError } from '../regularFile';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const MAX_TAIL = 22 + 0xffff;
export const NOT_ZIP =
  'bukan berkas .xlsx yang utuh (arsipnya rusak atau terpotong); simpan ulang dari Excel atau Google Sheets';

/**
 * The entries of a zip file as its central directory lists them, read from the end of the file
 * without inflating anything: what an .xlsx claims its parts hold is known before any is parsed.
 */
export async function readZipDirectory(path: string): Promise<ZipEntry[]> {
  const file = await openRegularFile(path).catch((error: unknown) => {
    // A FIFO or a device would block or never end: refused before anything is read.
    if (error instanceof RegularFileError && error.reason === 'notRegular')
      throw new DataFileError('bukan berkas biasa, mis. FIFO atau perangkat; berkas ini tidak dibaca');
    throw error;
  });
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, MAX_TAIL);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new DataFileError(NOT_ZIP);
    const count = tail.readUInt16LE(at + 10);
    const cdSize = tail.readUInt32LE(at + 12);
    const cdOffset = tail.readUInt32LE(at + 16);
    // ZIP64 directories (parts of 4 GiB or more) are far beyond any tracking workbook.
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff || cdOffset + cdSize > size) {
      throw new DataFileError(NOT_ZIP);
    }
    const cd = Buffer.alloc(cdSize);
    await file.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new DataFileError(NOT_ZIP);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const compressedSize = cd.readUInt32LE(p + 20);
      const uncompressedSize = cd.readUInt32LE(p + 24);
      if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) throw new DataFileError(NOT_ZIP);
      entries.push({
        name: cd.toString('utf8', p + 46, p + 46 + nameLength),
        method: cd.readUInt16LE(p + 10),
        compressedSize,
        uncompressedSize,
        localHeaderOffset: cd.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await file.close();
  }
}

const MIB = 1024 * 1024;
/** Shared strings are held in memory whole; sheets are read as a stream. */
export const XLSX_LIMITS = {
  sharedStrings: 128 * MIB,
  part: 1024 * MIB,
  total: 2048 * MIB,
  /** Spreadsheet XML compresses about 5–50 times; a part packed far tighter is a zip bomb. */
  ratio: 500,
  ratioFrom: 16 * MIB,
} as const;

const mib = (bytes: number) =>
  bytes < MIB
    ? `${Math.max(1, Math.round(bytes / 1024))} KiB`
    : `${Math.round(bytes / MIB).toLocaleString('id-ID')} MiB`;

/** Refuses an .xlsx whose parts claim absurd sizes, before anything is inflated. */
export function checkXlsxSizes(entries: readonly ZipEntry[]): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const limit = entry.name === 'xl/sharedStrings.xml' ? XLSX_LIMITS.sharedStrings : XLSX_LIMITS.part;
    const bomb =
      entry.uncompressedSize > XLSX_LIMITS.ratioFrom &&
      entry.uncompressedSize > XLSX_LIMITS.ratio * Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limit || bomb) {
      throw new DataFileError(
        `bagian '${entry.name}' berisi ${mib(entry.uncompressedSize)} setelah diekstrak (dari ${mib(entry.compressedSize)}); ` +
          'berkas ini tidak dibaca karena jauh melebihi ukuran workbook pencatatan',
      );
    }
  }
  if (total > XLSX_LIMITS.total) {
    throw new DataFileError(
      `isinya ${mib(total)} setelah diekstrak; berkas ini tidak dibaca karena jauh melebihi ukuran workbook pencatatan`,
    );
  }
}
