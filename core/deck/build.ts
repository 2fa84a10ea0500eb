import { formatCell, NO_DATA } from '../format/figure';
import { changePhrase } from '../format/sentences';
import type { Chart, Report, Section, Table } from '../metrics/model';
import { toIsoMonth } from '../period/yearMonth';
import { closestMatch, looseKey } from '../text/textMatch';
import type { Finding } from '../workbook/findings';
import { DEFAULT_PROFILE, type ServiceProfile } from '../workbook/profile';
import { NARASI, type RowOf } from '../workbook/tabs';
import {
  BODY_H,
  type Box,
  CONTENT_W,
  fitsHalf,
  rowsThatFit,
  SIDE_TEXT_W,
  slideBoxes,
  stacks,
  tableHeight,
  tableWidthIn,
  takeParagraphs,
} from './layout';
import type { Contact, Deck, Paragraph, Slide, Tile, Visual } from './model';

export type NarasiRow = RowOf<typeof NARASI>;

export interface DeckInput {
  /** All `Narasi` rows; those of the report's month are used. */
  readonly narasi?: readonly NarasiRow[];
  readonly profile?: ServiceProfile;
}

export const DECK_TITLE = 'Laporan Layanan Informasi DJPK';
const ORGANISATION = 'Direktorat Jenderal Perimbangan Keuangan — Kementerian Keuangan Republik Indonesia';
const PEMBUKA = 'Pembuka';
const EVALUASI = 'Evaluasi dan Saran';
const CONTINUED = ' (lanjutan)';
/** Text above a table takes at most this share of the body. */
const TEXT_OVER_TABLE_SHARE = 0.4;

type SlideDraft = Omit<Slide, 'number'>;

const para = (text: string, bullet = false, heading = false): Paragraph => ({ text, bullet, heading });

const draft = (kind: Slide['kind'], title: string, parts: Partial<SlideDraft> = {}): SlideDraft => ({
  kind,
  title,
  subtitle: null,
  sectionId: null,
  paragraphs: [],
  visuals: [],
  tiles: [],
  contacts: [],
  notes: '',
  ...parts,
});

/** `Teks` → paragraphs: lines starting with "-" or "•" are bullets, other lines plain text. */
export function narasiParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const bullet = /^[-•▪●]\s*/.exec(line);
      return bullet ? para(line.slice(bullet[0].length), true) : para(line);
    });
}

/** Several rows for one place: each `Judul` becomes a heading over its text. */
function narasiBody(rows: readonly NarasiRow[], titled: boolean): Paragraph[] {
  return rows.flatMap((row) => [
    ...(titled && row.judul ? [para(row.judul, false, true)] : []),
    ...narasiParagraphs(row.teks),
  ]);
}

/** Text-only slides, continued while the paragraphs do not fit. */
function textSlides(kind: Slide['kind'], title: string, body: Paragraph[], parts: Partial<SlideDraft>): SlideDraft[] {
  const queue = [...body];
  const slides: SlideDraft[] = [];
  do {
    const paragraphs = takeParagraphs(queue, CONTENT_W, BODY_H);
    slides.push(draft(kind, slides.length ? `${title}${CONTINUED}` : title, { ...parts, paragraphs }));
  } while (queue.length);
  return slides;
}

/** One row titled by its `Judul`; several rows (or `keepTitle`) under `fallbackTitle` with `Judul` headings. */
function narasiSlides(
  kind: Slide['kind'],
  fallbackTitle: string,
  rows: readonly NarasiRow[],
  id: string | null,
  keepTitle = false,
) {
  const single = rows.length === 1 && !keepTitle ? rows[0] : undefined;
  const title = single?.judul ?? fallbackTitle;
  const notes = `Dari tab Narasi, baris ${rows.map((r) => r.row).join(', ')}.`;
  return textSlides(kind, title, narasiBody(rows, !single), { sectionId: id, notes });
}

type Pending = { readonly kind: 'chart'; readonly chart: Chart } | { kind: 'table'; table: Table; start: number };

/** Takes what fits of the next visual into `box`: a chart whole, a table as many rows as fit. */
function takeVisual(pending: Pending[], box: Box): Visual | null {
  const next = pending[0];
  if (!next) return null;
  if (next.kind === 'chart') {
    pending.shift();
    return next;
  }
  const count = rowsThatFit(next.table, next.start, box);
  const part: Table = {
    ...next.table,
    title: next.start ? `${next.table.title}${CONTINUED}` : next.table.title,
    rows: next.table.rows.slice(next.start, next.start + count),
  };
  next.start += count;
  if (next.start >= next.table.rows.length) pending.shift();
  return { kind: 'table', table: part };
}

/** A whole, not yet started table that fits under the sentences beside a chart; taken out of `pending`. */
function smallTableUnder(pending: Pending[], paragraphs: Paragraph[], chart: Visual): Visual | null {
  const index = pending.findIndex((p) => {
    if (p.kind !== 'table' || p.start > 0) return false;
    const visual: Visual = { kind: 'table', table: p.table };
    const box = slideBoxes({ paragraphs, visuals: [chart, visual] }).visuals[1] as Box;
    return fitsHalf(visual) && tableHeight(p.table, tableWidthIn(p.table, box)) <= box.h;
  });
  if (index < 0) return null;
  const [taken] = pending.splice(index, 1);
  return taken?.kind === 'table' ? { kind: 'table', table: taken.table } : null;
}

const asVisual = (p: Pending): Visual => (p.kind === 'chart' ? p : { kind: 'table', table: p.table });

/**
 * One report section → slides: its sentences beside its first visual, then the remaining charts
 * and tables two to a slide when both read well at half width, long tables continued.
 */
function sectionSlides(section: Section): SlideDraft[] {
  const queue = section.sentences.map((s) => para(s));
  const pending: Pending[] = [...section.charts.map((chart) => ({ kind: 'chart' as const, chart }))];
  for (const table of section.tables) {
    if (table.rows.length === 0) queue.push(para(`${table.title}: tidak ada data bulan ini.`));
    else pending.push({ kind: 'table', table, start: 0 });
  }
  const slides: SlideDraft[] = [];
  const parts = { sectionId: section.id, notes: `Bagian laporan: ${section.title} (${section.id}).` };
  const push = (paragraphs: Paragraph[], visuals: Visual[]) =>
    slides.push(
      draft('section', slides.length ? `${section.title}${CONTINUED}` : section.title, {
        ...parts,
        paragraphs,
        visuals,
      }),
    );
  while (queue.length || pending.length) {
    const next = pending[0];
    if (queue.length && next) {
      const beside = next.kind === 'chart' || fitsHalf(asVisual(next));
      const paragraphs = beside
        ? takeParagraphs(queue, SIDE_TEXT_W, BODY_H)
        : takeParagraphs(queue, CONTENT_W, BODY_H * TEXT_OVER_TABLE_SHARE);
      const boxes = slideBoxes({ paragraphs, visuals: [asVisual(next)] });
      const visual = takeVisual(pending, boxes.visuals[0] as Box);
      const under = visual?.kind === 'chart' ? smallTableUnder(pending, paragraphs, visual) : null;
      push(paragraphs, visual ? (under ? [visual, under] : [visual]) : []);
      continue;
    }
    if (queue.length) {
      push(takeParagraphs(queue, CONTENT_W, BODY_H), []);
      continue;
    }
    const a = pending[0] as Pending;
    // Two halves only when both fit whole (a table continued across halves reads badly); the
    // partner may come later in the section.
    const halfBox = slideBoxes({ paragraphs: [], visuals: [asVisual(a), asVisual(a)] }).visuals[0] as Box;
    const whole = (p: Pending) =>
      fitsHalf(asVisual(p)) &&
      (p.kind === 'chart' || p.start + rowsThatFit(p.table, p.start, halfBox) >= p.table.rows.length);
    const partner = whole(a) ? pending.findIndex((p, i) => i > 0 && whole(p)) : -1;
    if (partner > 0) {
      const [b] = pending.splice(partner, 1);
      const left = takeVisual(pending, halfBox) as Visual;
      const right = takeVisual([b as Pending], halfBox) as Visual;
      push([], [left, right]);
      continue;
    }
    // A whole wide table with the next whole table of the section under it, when both fit.
    const below =
      a.kind === 'table' && a.start === 0
        ? pending.findIndex((p, i) => i > 0 && p.kind === 'table' && p.start === 0 && stacks(asVisual(a), asVisual(p)))
        : -1;
    if (below > 0) {
      const [b] = pending.splice(below, 1);
      pending.shift();
      push([], [asVisual(a), asVisual(b as Pending)]);
      continue;
    }
    const full = slideBoxes({ paragraphs: [], visuals: [asVisual(a as Pending)] }).visuals[0] as Box;
    push([], [takeVisual(pending, full) as Visual]);
  }
  if (slides.length === 0) push([para(`Data ${section.title} bulan ini belum tersedia.`)], []);
  return slides;
}

/**
 * A tile prints the Ringkasan table's row: the figure as the report shows it (rounded once, e.g.
 * the social-media average 36, not 35,7), so tile, table and sentence never disagree.
 */
function tileOf(table: Table | undefined, index: number, key: string, report: Report): Tile {
  const row = table?.rows[index];
  const label = typeof row?.[0] === 'string' ? row[0] : (report.metrics[key]?.label ?? key);
  const current = typeof row?.[2] === 'number' ? row[2] : null;
  const previous = typeof row?.[1] === 'number' ? row[1] : null;
  if (current === null) return { label, value: NO_DATA, change: null, direction: null };
  const column = table?.columns[2];
  const value = formatCell(current, column?.format ?? 'int', column?.decimals);
  if (previous === null) return { label, value, change: `${report.previousMonthLabel}: ${NO_DATA}`, direction: null };
  const phrase = changePhrase(current, previous, report.percentDecimals);
  const direction = current === previous ? 'same' : current > previous ? 'up' : 'down';
  return {
    label,
    value,
    change:
      phrase === 'sama'
        ? `sama dengan ${report.previousMonthLabel}`
        : `${phrase} dibanding ${report.previousMonthLabel}`,
    direction,
  };
}

export function contactsOf(profile: ServiceProfile): Contact[] {
  const rows: Array<[string, string]> = [
    ['Telepon', profile.telepon],
    ['WhatsApp', profile.whatsapp],
    ['Email Contact Center', profile.emailCallCenter],
    ['Email Lapor', profile.emailLapor],
    ['Live Chat / Help Desk', profile.liveChat],
    ['Video Conference', profile.videoConference],
    ['Website', profile.website],
    ['Instagram', profile.instagram],
    ['X (Twitter)', profile.x],
    ['Facebook', profile.facebook],
    ['YouTube', profile.youtube],
    ['Jam Operasional', profile.jamOperasional],
  ];
  return rows.filter(([, value]) => value.trim() !== '').map(([label, value]) => ({ label, value }));
}

interface Placement {
  readonly pembuka: NarasiRow[];
  readonly evaluasi: NarasiRow[];
  readonly bySection: Map<string, NarasiRow[]>;
  readonly unplaced: NarasiRow[];
  readonly findings: Finding[];
}

/** Where each of the month's `Narasi` rows goes: by section title or id, `Pembuka`, `Evaluasi dan Saran`. */
function placeNarasi(report: Report, rows: readonly NarasiRow[]): Placement {
  const placement: Placement = { pembuka: [], evaluasi: [], bySection: new Map(), unplaced: [], findings: [] };
  const targets = new Map<string, string>();
  for (const s of report.sections) {
    targets.set(looseKey(s.title), s.id);
    targets.set(looseKey(s.id), s.id);
  }
  const names = [...report.sections.flatMap((s) => [s.title, s.id]), PEMBUKA, EVALUASI];
  for (const row of rows) {
    if (toIsoMonth(row.bulan) !== report.month) continue;
    const key = looseKey(row.bagian);
    if (key === looseKey(PEMBUKA)) placement.pembuka.push(row);
    else if (key === looseKey(EVALUASI)) placement.evaluasi.push(row);
    else {
      const id = targets.get(key);
      if (id !== undefined) {
        const list = placement.bySection.get(id) ?? [];
        list.push(row);
        placement.bySection.set(id, list);
        continue;
      }
      placement.unplaced.push(row);
      const near = closestMatch(row.bagian, names, (n) => n);
      placement.findings.push({
        tab: NARASI.name,
        row: row.row,
        column: 'Bagian',
        cell: `B${row.row}`,
        severity: 'warning',
        message: `${near ? `Bagian '${row.bagian}' tidak dikenal; maksud Anda '${near}'?` : `Bagian '${row.bagian}' tidak dikenal.`} Teksnya ditaruh sebelum ${EVALUASI}`,
        month: report.month,
      });
    }
  }
  return placement;
}

/** The deck of one month: the Report model's sections as slides, with the team's `Narasi` and `Profil Layanan`. */
export function buildDeck(report: Report, input: DeckInput = {}): Deck {
  const profile = input.profile ?? DEFAULT_PROFILE;
  const placed = placeNarasi(report, input.narasi ?? []);
  const footer = `${DECK_TITLE} — ${report.monthLabel}`;
  const drafts: SlideDraft[] = [
    draft('cover', DECK_TITLE, { subtitle: report.monthLabel, paragraphs: [para(ORGANISATION)] }),
  ];
  for (const section of report.sections) {
    if (section.id === 'ringkasan') {
      // The Ringkasan table's figures are the tiles; its chart is the Konsultasi section's too.
      drafts.push(
        draft('ringkasan', section.title, {
          sectionId: section.id,
          tiles: section.metrics.map((key, i) => tileOf(section.tables[0], i, key, report)),
          paragraphs: section.sentences.map((s) => para(s)),
          notes: `Bagian laporan: ${section.title} (${section.id}).`,
        }),
      );
      if (placed.pembuka.length) drafts.push(...narasiSlides('narasi', PEMBUKA, placed.pembuka, 'pembuka'));
      const own = placed.bySection.get(section.id);
      if (own) drafts.push(...narasiSlides('narasi', section.title, own, section.id));
      drafts.push(
        draft('contacts', 'Media Layanan Informasi DJPK', {
          contacts: contactsOf(profile),
          notes: 'Dari tab Profil Layanan (nilai bawaan untuk kunci yang kosong).',
        }),
      );
      continue;
    }
    drafts.push(...sectionSlides(section));
    const rows = placed.bySection.get(section.id);
    if (rows) drafts.push(...narasiSlides('narasi', section.title, rows, section.id));
  }
  if (!report.sections.some((s) => s.id === 'ringkasan') && placed.pembuka.length)
    drafts.splice(1, 0, ...narasiSlides('narasi', PEMBUKA, placed.pembuka, 'pembuka'));
  if (placed.unplaced.length) drafts.push(...narasiSlides('narasi', 'Catatan Tim', placed.unplaced, null));
  drafts.push(
    ...(placed.evaluasi.length
      ? narasiSlides('evaluasi', EVALUASI, placed.evaluasi, 'evaluasi', true)
      : [
          draft('evaluasi', EVALUASI, {
            sectionId: 'evaluasi',
            paragraphs: [para(`${EVALUASI} bulan ${report.monthLabel} belum diisi di tab Narasi.`)],
          }),
        ]),
  );
  drafts.push(
    draft('closing', 'Terima Kasih', {
      subtitle: 'Direktorat Jenderal Perimbangan Keuangan',
      paragraphs: [para(profile.alamat), para(profile.jamOperasional)],
      contacts: contactsOf(profile).filter((c) =>
        ['Telepon', 'WhatsApp', 'Email Contact Center', 'Website'].includes(c.label),
      ),
    }),
  );
  // Not `.at(-1)`: core is bundled into the add-on's Code.js, which keeps to ES2020 (tsconfig.addon.json).
  const labels = report.trend.labels;
  return {
    month: report.month,
    monthLabel: report.monthLabel,
    monthShortLabel: labels[labels.length - 1] ?? report.month,
    footer,
    profile,
    slides: drafts.map((s, i) => ({ ...s, number: i + 1 })),
    findings: placed.findings,
    evaluasiEmpty: placed.evaluasi.length === 0,
  };
}
