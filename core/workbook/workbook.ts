import { looseKey } from '../text/textMatch';
import { type CellValue, quoteText } from './cells';
import type { ColumnTable } from './columnTable';
import { layer2UnitSpec } from './enums';
import type { Finding } from './findings';
import { type ParseContext, parseTab } from './parseTab';
import { readProfile, type ServiceProfile } from './profile';
import { readSettings, type Settings } from './settings';
import {
  BLAST,
  CHATBOT,
  EMAIL_LAPOR,
  HARI_LIBUR,
  KEPUASAN,
  MEDIA_SOSIAL,
  NARASI,
  PENGADUAN,
  PENGATURAN,
  PPID,
  PROFIL_LAYANAN,
  PUBLIKASI,
  REKAP_HISTORIS,
  type RowOf,
  TABS,
  TATAP_MUKA,
  type TabId,
  type TabSpec,
  TELEPON,
  TIKET,
  VICON,
  WEBINAR,
  WEBSITE,
} from './tabs';
import { checkPemdaTickets, ticketWarning } from './ticketChecks';

/** What a source adapter hands to core: each tab's cells, header in row 0. */
export type RawWorkbook = Readonly<Record<string, readonly CellValue[][]>>;

export type Ticket = RowOf<typeof TIKET>;

/** The validated content of the tracking workbook. Agents' data in, typed records out. */
export interface ParsedWorkbook {
  readonly settings: Settings;
  /** Holiday days as day numbers (wall-clock ms / 86 400 000). */
  readonly holidays: ReadonlySet<number>;
  readonly present: ReadonlySet<TabId>;
  /** The `Tiket` rows as records (built from `tiketTable` on first read). */
  readonly tiket: Ticket[];
  /**
   * The same rows, column by column: what the ticket figures are counted from. A copy of the
   * workbook that counts other tickets sets this one (`tiketTable.where(…)`), not only `tiket`.
   */
  readonly tiketTable: ColumnTable<typeof TIKET>;
  readonly chatbot: RowOf<typeof CHATBOT>[];
  readonly publikasi: RowOf<typeof PUBLIKASI>[];
  readonly webinar: RowOf<typeof WEBINAR>[];
  readonly blast: RowOf<typeof BLAST>[];
  readonly vicon: RowOf<typeof VICON>[];
  readonly tatapMuka: RowOf<typeof TATAP_MUKA>[];
  readonly ppid: RowOf<typeof PPID>[];
  readonly emailLapor: RowOf<typeof EMAIL_LAPOR>[];
  readonly pengaduan: RowOf<typeof PENGADUAN>[];
  readonly kepuasan: RowOf<typeof KEPUASAN>[];
  readonly telepon: RowOf<typeof TELEPON>[];
  readonly website: RowOf<typeof WEBSITE>[];
  readonly medsos: RowOf<typeof MEDIA_SOSIAL>[];
  readonly rekap: RowOf<typeof REKAP_HISTORIS>[];
  /** The team's words for the deck, in sheet order. */
  readonly narasi: RowOf<typeof NARASI>[];
  readonly profile: ServiceProfile;
  readonly findings: Finding[];
}

export interface ParseOptions {
  /** WIB wall-clock now (UTC-encoded ms); rows dated after today are errors. */
  readonly now?: number | null;
}

/** Tabs whose absence is normal: no finding. */
const OPTIONAL_TABS = new Set<TabId>(['telepon', 'rekap', 'pengaturan', 'hariLibur', 'narasi', 'profil']);
const MS_PER_DAY = 86_400_000;

const SPEC_BY_TAB_KEY = new Map<string, TabSpec>(
  (TABS as readonly TabSpec[]).flatMap((spec) =>
    [spec.name, ...(spec.aliases ?? [])].map((name) => [looseKey(name), spec] as const),
  ),
);

/** The tracking tab a sheet name stands for ("tiket", "Vicon" …), or null for any other tab. */
export const trackingTabOf = (name: string): TabSpec | null => SPEC_BY_TAB_KEY.get(looseKey(name)) ?? null;

/** Maps the workbook's tab names (any case/spacing, or an alias such as "Vicon") onto the specs. */
function resolveTabs(raw: RawWorkbook, findings: Finding[]): Map<TabId, readonly CellValue[][]> {
  const resolved = new Map<TabId, readonly CellValue[][]>();
  const namesUsed = new Map<TabId, string>();
  for (const [name, grid] of Object.entries(raw)) {
    const spec = trackingTabOf(name);
    if (!spec) continue;
    const id = spec.id as TabId;
    const first = namesUsed.get(id);
    if (first !== undefined) {
      findings.push({
        tab: quoteText(name),
        row: null,
        column: null,
        cell: null,
        severity: 'warning',
        message: `Tab '${quoteText(name)}' dan '${quoteText(first)}' sama-sama dibaca sebagai '${spec.name}'; yang dipakai '${quoteText(first)}'`,
        month: null,
      });
      continue;
    }
    namesUsed.set(id, name);
    resolved.set(id, grid);
  }
  for (const spec of TABS) {
    const id = spec.id as TabId;
    if (resolved.has(id) || OPTIONAL_TABS.has(id)) continue;
    findings.push({
      tab: spec.name,
      row: null,
      column: null,
      cell: null,
      severity: 'info',
      message: `Tab '${spec.name}' tidak ada; angka dari tab ini ditampilkan sebagai "belum tersedia"`,
      month: null,
    });
  }
  return resolved;
}

type TicketTable = ColumnTable<typeof TIKET>;

/** Checks across columns of each ticket; the tickets still count. Reads the columns: it runs per row. */
function checkTickets(tickets: TicketTable, findings: Finding[]): void {
  const tanggal = tickets.date('tanggal').ms;
  const escalatedOn = tickets.date('tanggalEskalasi').ms;
  const respondedOn = tickets.date('tanggalTanggapan').ms;
  const eskalasi = tickets.enumeration('eskalasi');
  const unit = tickets.enumeration('unit');
  const notEscalated = eskalasi.ids.indexOf('tidak') + 1;
  for (let i = 0; i < tickets.length; i++) {
    const unitCode = unit.codes[i] ?? 0;
    if (eskalasi.codes[i] === notEscalated && unitCode !== 0) {
      findings.push(
        ticketWarning(
          tickets,
          i,
          'eskalasi',
          `Eskalasi 'Tidak' tetapi Unit Layer 2 diisi '${unit.ids[unitCode - 1]}'; tiket dihitung tidak dieskalasi`,
        ),
      );
    }
    const responded = respondedOn[i] ?? Number.NaN;
    if (Number.isNaN(responded)) continue;
    const escalated = Number.isNaN(escalatedOn[i]) ? (tanggal[i] ?? 0) : (escalatedOn[i] ?? 0);
    if (responded < Math.floor(escalated / MS_PER_DAY) * MS_PER_DAY) {
      findings.push(
        ticketWarning(
          tickets,
          i,
          'tanggalTanggapan',
          'Tanggal Tanggapan sebelum Tanggal Eskalasi; tiket ini tidak diberi skor Layer 2',
        ),
      );
    }
  }
}

export function parseWorkbook(raw: RawWorkbook, options: ParseOptions = {}): ParsedWorkbook {
  const findings: Finding[] = [];
  const tabs = resolveTabs(raw, findings);
  const baseCtx: ParseContext = { layer2Units: layer2UnitSpec([]), now: options.now ?? null };

  const settingsTab = parseTab(PENGATURAN, tabs.get('pengaturan'), baseCtx);
  findings.push(...settingsTab.findings);
  const { settings, findings: settingFindings } = readSettings(
    settingsTab.table.records().map((r) => ({ row: r.row, kunci: r.kunci, nilai: r.nilai })),
    PENGATURAN.name,
  );
  findings.push(...settingFindings);

  const ctx: ParseContext = { ...baseCtx, layer2Units: layer2UnitSpec(settings.layer2Units) };
  const parseTable = <T extends TabSpec>(spec: T) => {
    const result = parseTab(spec, tabs.get(spec.id as TabId), ctx);
    findings.push(...result.findings);
    return result.table;
  };
  const parse = <T extends TabSpec>(spec: T) => parseTable(spec).records();
  const holidays = new Set(parse(HARI_LIBUR).map((h) => Math.floor(h.tanggal.ms / MS_PER_DAY)));
  const tiketTable = parseTable(TIKET);
  checkTickets(tiketTable, findings);
  checkPemdaTickets(tiketTable, findings);
  let tiket: Ticket[] | null = null;

  const profileTab = parse(PROFIL_LAYANAN);
  const { profile, findings: profileFindings } = readProfile(profileTab, PROFIL_LAYANAN.name);
  findings.push(...profileFindings);

  return {
    settings,
    holidays,
    present: new Set(tabs.keys()),
    tiketTable,
    // Built on first read: the figures are counted from the columns, and the report reads only
    // one month's records, so a big log is never held as a million objects unless asked for.
    get tiket() {
      tiket ??= tiketTable.records();
      return tiket;
    },
    chatbot: parse(CHATBOT),
    publikasi: parse(PUBLIKASI),
    webinar: parse(WEBINAR),
    blast: parse(BLAST),
    vicon: parse(VICON),
    tatapMuka: parse(TATAP_MUKA),
    ppid: parse(PPID),
    emailLapor: parse(EMAIL_LAPOR),
    pengaduan: parse(PENGADUAN),
    kepuasan: parse(KEPUASAN),
    telepon: parse(TELEPON),
    website: parse(WEBSITE),
    medsos: parse(MEDIA_SOSIAL),
    rekap: parse(REKAP_HISTORIS),
    narasi: parse(NARASI),
    profile,
    findings,
  };
}
