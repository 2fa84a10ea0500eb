import { monthOfWallClock, toIsoMonth } from '../period/yearMonth';
import type { Pemda } from '../region/areas';
import { resolvePemda, suggestPemda } from '../region/pemda';
import { quoteText } from './cells';
import type { ColumnTable } from './columnTable';
import { ZONES } from './enums';
import type { Finding } from './findings';
import type { TIKET } from './tabs';

type TicketTable = ColumnTable<typeof TIKET>;
type TicketKey = (typeof TIKET)['columns'][number]['key'];

/** A warning on one ticket's cell: the ticket still counts. */
export function ticketWarning(tickets: TicketTable, i: number, key: TicketKey, message: string): Finding {
  return {
    tab: 'Tiket',
    row: tickets.rows[i] ?? null,
    column: tickets.spec.columns.find((c) => c.key === key)?.header ?? null,
    cell: tickets.cell(key, i),
    severity: 'warning',
    message,
    month: toIsoMonth(monthOfWallClock(tickets.date('tanggal').ms[i] ?? 0)),
  };
}

/**
 * Distinct unknown names that get suggestions: every real log has far fewer; past it, a hostile
 * workbook's names are still reported, without the search for near names (bounded work).
 */
const SUGGESTION_BUDGET = 500;

const quoteNames = (pemda: readonly Pemda[]) => pemda.map((p) => `'${p.officialName}'`);
const orList = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} atau ${items[items.length - 1]}`;

/**
 * Pemda tickets against the official list (core/region): a name that names no Pemda, or more than
 * one, is a warning with the closest official names; a typed `Zona Waktu` other than the Pemda's
 * province's is a warning that says the typed zone still counts. One pass; one resolution per
 * distinct name.
 */
export function checkPemdaTickets(tickets: TicketTable, findings: Finding[]): void {
  const kategori = tickets.enumeration('kategori');
  const pemdaCode = kategori.ids.indexOf('pemda') + 1;
  const instansi = tickets.values('instansi').values;
  const zona = tickets.enumeration('zona');
  const nameMessages = new Map<string, string | null>();
  let budget = SUGGESTION_BUDGET;
  const nameMessage = (text: string): string | null => {
    const known = nameMessages.get(text);
    if (known !== undefined) return known;
    const resolved = resolvePemda(text);
    let message: string | null = null;
    const quoted = quoteText(text);
    if (resolved.status === 'ambiguous') {
      message = `Nama Instansi '${quoted}' bisa berarti ${orList(quoteNames(resolved.candidates))}; tuliskan yang dimaksud`;
    } else if (resolved.status === 'unknown') {
      const near = budget-- > 0 ? suggestPemda(text) : [];
      message = near.length
        ? `Nama Instansi '${quoted}' tidak ada di daftar Pemda resmi; maksud Anda ${orList(quoteNames(near))}?`
        : `Nama Instansi '${quoted}' tidak ada di daftar Pemda resmi; periksa ejaannya`;
    }
    if (nameMessages.size < 50_000) nameMessages.set(text, message);
    return message;
  };
  for (let i = 0; i < tickets.length; i++) {
    if (kategori.codes[i] !== pemdaCode) continue;
    const text = instansi[i];
    if (typeof text !== 'string' || text === '') continue;
    const resolved = resolvePemda(text);
    if (resolved.status !== 'found') {
      const message = nameMessage(text);
      if (message) findings.push(ticketWarning(tickets, i, 'instansi', message));
      continue;
    }
    const typed = zona.ids[(zona.codes[i] ?? 0) - 1];
    const { province } = resolved.pemda;
    if (typed === undefined || typed === province.zone) continue;
    const label = ZONES.label(typed);
    findings.push(
      ticketWarning(
        tickets,
        i,
        'zona',
        `Zona Waktu '${label}' berbeda dengan zona ${resolved.pemda.name} (${province.name}: ${ZONES.label(province.zone)}); tiket tetap dihitung ${label}, karena pengguna mungkin menghubungi dari tempat lain`,
      ),
    );
  }
}
