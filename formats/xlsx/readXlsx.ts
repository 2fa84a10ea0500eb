import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { formatNumber } from '../../core/format/idNumber';
import { type CellValue, MAX_CELL_CHARS, MAX_TAB_COLUMNS, MAX_TAB_ROWS, quoteText } from '../../core/workbook/cells';
import type { RawWorkbook } from '../../core/workbook/workbook';
import { DataFileError } from '../dataFileError';
import { attribute, attributes, XmlScanner } from './xmlScan';
import { checkXlsxSizes, readZipDirectory, type ZipEntry } from './zipDirectory';

/**
 * A streaming .xlsx reader: the small parts (relationships, workbook, styles, shared strings) are
 * read first by their place in the zip directory, whatever order the package stores them in
 * (Excel puts them before the sheets, exceljs's writer after), then each sheet is inflated and
 * parsed as a stream, its rows converted to plain cells as they arrive. No sheet's XML, and no
 * cell beyond MAX_CELL_CHARS + 1 characters, is ever held whole. Values are the ones exceljs's
 * in-memory reader gives (dates from date-formatted numbers, formulas' cached results, rich
 * text as its text, hyperlinks as their shown text).
 */
export async function readXlsxFile(path: string): Promise<RawWorkbook> {
  const entries = await readZipDirectory(path);
  checkXlsxSizes(entries);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const part = (name: string) => byName.get(name);

  const rootRels = await readRels(path, part('_rels/.rels'), '');
  const workbookPath =
    [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookDir = posix.dirname(workbookPath);
  const relsPath = posix.join(workbookDir, '_rels', `${posix.basename(workbookPath)}.rels`);
  const rels = await readRels(path, part(relsPath), workbookDir);
  const relOfType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

  const workbookEntry = part(workbookPath);
  if (!workbookEntry) throw new DataFileError(`bagian ${workbookPath} tidak ada; ini bukan workbook Excel`);
  const book = await readWorkbookPart(path, workbookEntry);
  const isDateStyle = await readDateStyles(path, part(relOfType('/styles') ?? posix.join(workbookDir, 'styles.xml')));
  const shared = await readSharedStrings(
    path,
    part(relOfType('/sharedStrings') ?? posix.join(workbookDir, 'sharedStrings.xml')),
  );

  const tabs: Record<string, CellValue[][]> = {};
  for (const sheet of book.sheets) {
    const target = rels.get(sheet.rId)?.target;
    const entry = target === undefined ? undefined : part(target);
    if (!entry) continue;
    tabs[sheet.name] = await readSheet(path, entry, { shared, isDateStyle, date1904: book.date1904 }, sheet.name);
  }
  return tabs;
}

/** Text past MAX_CELL_CHARS + 1 is never kept: core reports the cell as cut. */
const capText = (text: string): string => (text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS + 1) : text);
const appendCapped = (text: string, more: string): string =>
  text.length > MAX_CELL_CHARS ? text : capText(text + more);

/** One zip entry's text, inflated as a stream; never more bytes than the directory declared. */
async function* entryText(path: string, entry: ZipEntry): AsyncGenerator<string> {
  const header = Buffer.alloc(30);
  const file = await open(path, 'r');
  try {
    await file.read(header, 0, 30, entry.localHeaderOffset);
  } finally {
    await file.close();
  }
  if (header.readUInt32LE(0) !== 0x04034b50) throw new DataFileError(`bagian '${entry.name}' rusak`);
  if (entry.compressedSize === 0) return;
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  let stream: NodeJS.ReadableStream = raw;
  if (entry.method === 8) {
    const inflate = createInflateRaw({ chunkSize: 1 << 20 });
    raw.on('error', (error) => inflate.destroy(error));
    stream = raw.pipe(inflate);
  } else if (entry.method !== 0) {
    throw new DataFileError(`bagian '${entry.name}' memakai kompresi yang tidak dikenal`);
  }
  const decoder = new StringDecoder('utf8');
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize)
        throw new DataFileError(
          `bagian '${entry.name}' berisi lebih dari ukuran yang dicatat arsipnya; berkas tidak dibaca`,
        );
      yield decoder.write(chunk);
    }
  } finally {
    raw.destroy();
  }
  yield decoder.end();
}

interface PartHandlers {
  open?(name: string, rawAttributes: string): void;
  text?(text: string): void;
  close?(name: string): void;
}

const ignore = () => {};

/** Streams a part through the XML scanner; the handlers run synchronously per tag. */
async function parsePart(path: string, entry: ZipEntry | undefined, handlers: PartHandlers): Promise<void> {
  if (!entry) return;
  const scanner = new XmlScanner({
    open: handlers.open ?? ignore,
    text: handlers.text ?? ignore,
    close: handlers.close ?? ignore,
  });
  try {
    for await (const chunk of entryText(path, entry)) scanner.write(chunk);
    scanner.end();
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(`bagian '${entry.name}' bukan XML spreadsheet yang sah`);
  }
}

/** Tag names without their namespace prefix ("x:row" → "row"). */
const local = (name: string): string => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

interface Rel {
  readonly type: string;
  readonly target: string;
}

async function readRels(path: string, entry: ZipEntry | undefined, baseDir: string): Promise<Map<string, Rel>> {
  const rels = new Map<string, Rel>();
  await parsePart(path, entry, {
    open(name, raw) {
      if (local(name) !== 'Relationship') return;
      const attrs = attributes(raw);
      const target = attrs.Target ?? '';
      rels.set(attrs.Id ?? '', {
        type: attrs.Type ?? '',
        target: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(baseDir, target)),
      });
    },
  });
  return rels;
}

async function readWorkbookPart(
  path: string,
  entry: ZipEntry,
): Promise<{ sheets: { name: string; rId: string }[]; date1904: boolean }> {
  const sheets: { name: string; rId: string }[] = [];
  let date1904 = false;
  await parsePart(path, entry, {
    open(tag, raw) {
      const name = local(tag);
      if (name === 'workbookPr') {
        const value = attribute(raw, 'date1904');
        date1904 = value === '1' || value === 'true';
      } else if (name === 'sheet') {
        const attrs = attributes(raw);
        const idKey = Object.keys(attrs).find((k) => k === 'id' || k.endsWith(':id')) ?? 'r:id';
        sheets.push({ name: attrs.name ?? '', rId: attrs[idKey] ?? '' });
      }
    },
  });
  return { sheets, date1904 };
}

/** Built-in number formats that are dates (as exceljs knows them): 14–22 and 45–47. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's test: any of y m d h s b outside quotes and brackets. */
const isDateFormat = (code: string): boolean =>
  /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell style index: does it format numbers as dates? */
async function readDateStyles(path: string, entry: ZipEntry | undefined): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await parsePart(path, entry, {
    open(tag, raw) {
      const name = local(tag);
      if (name === 'numFmt') custom.set(Number(attribute(raw, 'numFmtId')), attribute(raw, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormats.push(Number(attribute(raw, 'numFmtId') ?? 0));
    },
    close(tag) {
      if (local(tag) === 'cellXfs') inCellXfs = false;
    },
  });
  return styleFormats.map((id) => {
    const code = custom.get(id);
    return code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormat(code);
  });
}

/**
 * Inline and shared strings: the text of every run, leaving out phonetic guides (<rPh>), which
 * Excel does not show.
 */
class StringCollector {
  text = '';
  private inT = false;
  private inPhonetic = false;

  open(name: string): void {
    if (name === 't') this.inT = true;
    else if (name === 'rPh') this.inPhonetic = true;
  }

  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.inPhonetic = false;
  }

  add(text: string): void {
    if (this.inT && !this.inPhonetic) this.text = appendCapped(this.text, text);
  }
}

async function readSharedStrings(path: string, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  let collector: StringCollector | null = null;
  await parsePart(path, entry, {
    open(tag) {
      const name = local(tag);
      if (name === 'si') collector = new StringCollector();
      else collector?.open(name);
    },
    text(text) {
      collector?.add(text);
    },
    close(tag) {
      const name = local(tag);
      if (name === 'si' && collector) {
        strings.push(collector.text);
        collector = null;
      } else collector?.close(name);
    },
  });
  return strings;
}

interface SheetContext {
  readonly shared: readonly string[];
  readonly isDateStyle: readonly boolean[];
  readonly date1904: boolean;
}

const MS_PER_DAY = 86_400_000;

/** exceljs's excelToDate: serial days since 1899-12-30 (or 1904-01-01) → UTC-encoded wall clock. */
const excelToDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));

/** "AB12" → 27 (0-based column); -1 when the reference has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return i === 0 ? -1 : col - 1;
}

/** What a blank row is stored as: one shared empty array (a blank row is never read, only skipped). */
const BLANK_ROW: CellValue[] = [];

/**
 * One sheet's rows. Memory is bounded by rows as well as bytes: a row without a value is not
 * stored (a formatted but empty row, however far down, costs nothing), a value beyond Excel's own
 * grid (MAX_TAB_ROWS rows, MAX_TAB_COLUMNS columns; a reference such as "ZZZZZZ1") is refused.
 */
async function readSheet(path: string, entry: ZipEntry, ctx: SheetContext, name: string): Promise<CellValue[][]> {
  const grid: CellValue[][] = [];
  const beyond = (where: string, limit: string) =>
    new DataFileError(
      `tab '${quoteText(name)}' berisi sel di ${where}, di luar batas ${limit} satu tab; berkas tidak dibaca`,
    );
  let row: CellValue[] | null = null;
  let rowIndex = -1;
  let col = -1;
  // The cell being read.
  let type = '';
  let style = 0;
  let value: string | null = null;
  let inValue = false;
  let inline: StringCollector | null = null;
  let inlineText: string | null = null;

  const cellValue = (): CellValue => {
    if (type === 'inlineStr') return inlineText;
    if (value === null) return null;
    switch (type) {
      case 's':
        return ctx.shared[Number.parseInt(value, 10)] ?? null;
      case 'str':
      case 'e':
        return capText(value);
      case 'b':
        return Number.parseInt(value, 10) !== 0;
      case 'd':
        return capText(value);
      default: {
        const n = Number.parseFloat(value);
        return ctx.isDateStyle[style] ? excelToDate(n, ctx.date1904) : n;
      }
    }
  };

  await parsePart(path, entry, {
    open(tag, raw) {
      const name = local(tag);
      if (inline) {
        inline.open(name);
        return;
      }
      switch (name) {
        case 'row': {
          const r = Number.parseInt(attribute(raw, 'r') ?? '', 10);
          rowIndex = Number.isFinite(r) ? r - 1 : rowIndex + 1;
          row = [];
          col = -1;
          break;
        }
        case 'c': {
          const ref = attribute(raw, 'r');
          const c = ref === undefined ? -1 : columnOf(ref);
          col = c >= 0 ? c : col + 1;
          if (col >= MAX_TAB_COLUMNS)
            throw beyond(`kolom ke-${formatNumber(col + 1)}`, `${formatNumber(MAX_TAB_COLUMNS)} kolom`);
          type = attribute(raw, 't') ?? 'n';
          inlineText = null;
          style = Number(attribute(raw, 's') ?? 0);
          value = null;
          break;
        }
        case 'v':
          inValue = true;
          value = '';
          break;
        case 'is':
          inline = new StringCollector();
          break;
      }
    },
    text(text) {
      if (inValue && value !== null) value = appendCapped(value, text);
      else inline?.add(text);
    },
    close(tag) {
      const name = local(tag);
      if (inline && name !== 'is') {
        inline.close(name);
        return;
      }
      switch (name) {
        case 'is':
          inlineText = inline?.text ?? null;
          inline = null;
          break;
        case 'v':
          inValue = false;
          break;
        case 'c':
          if (row) {
            const value = cellValue();
            if (value !== null) row[col] = value;
          }
          break;
        case 'row':
          if (row && row.length > 0) {
            if (rowIndex >= MAX_TAB_ROWS || rowIndex < 0)
              throw beyond(`baris ${formatNumber(rowIndex + 1)}`, `${formatNumber(MAX_TAB_ROWS)} baris`);
            for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = null;
            while (grid.length < rowIndex) grid.push(BLANK_ROW);
            grid[rowIndex] = row;
          }
          row = null;
          break;
      }
    },
  });
  return grid;
}
