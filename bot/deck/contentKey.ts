import { createHash } from 'node:crypto';
import type { CellValue } from '../../core/workbook/cells';
import type { RawWorkbook } from '../../core/workbook/workbook';

/**
 * What a month's deck is made of, as one hash: every tab name and cell of the workbook (typed, so
 * the number 1, the text "1" and TRUE differ), the month and the WIB day the rows are judged on
 * (rows dated after today are errors). A reload of the same sheet gives the same key, so the deck
 * is not rendered again; any changed cell gives another key.
 */

const MS_PER_DAY = 86_400_000;

const cellToken = (cell: CellValue): string => {
  if (cell === null) return 'z';
  if (cell === undefined) return 'u';
  if (typeof cell === 'string') return `s${cell.length}:${cell}`;
  if (typeof cell === 'number') return `n${Object.is(cell, -0) ? '-0' : String(cell)};`;
  if (typeof cell === 'boolean') return cell ? 't' : 'f';
  return `d${cell.getTime()};`;
};

/** Digests by workbook object: a read is hashed once, however many links are clicked on it. */
const digests = new WeakMap<RawWorkbook, string>();

export function workbookDigest(raw: RawWorkbook): string {
  const known = digests.get(raw);
  if (known) return known;
  const hash = createHash('sha256');
  for (const name of Object.keys(raw).sort()) {
    hash.update(`T${name.length}:${name}`);
    for (const row of raw[name] ?? []) {
      // One update per row: a native call per cell costs more than the hashing.
      let text = `R${row.length};`;
      for (let i = 0; i < row.length; i++) text += cellToken(row[i]);
      hash.update(text);
    }
  }
  const digest = hash.digest('base64url');
  digests.set(raw, digest);
  return digest;
}

/** The WIB day (days since 1970 in WIB) of a WIB wall-clock time. */
export const wibDay = (wibWallClockMs: number): number => Math.floor(wibWallClockMs / MS_PER_DAY);

/** The start of a WIB day as a WIB wall-clock time: what the deck's build is given as "now". */
export const wibDayStart = (day: number): number => day * MS_PER_DAY;

/** The deck's content version: the workbook's digest, the month and the WIB day. */
export const deckContentKey = (raw: RawWorkbook, month: number, day: number): string =>
  `${month}|${day}|${workbookDigest(raw)}`;
