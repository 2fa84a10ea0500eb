import { formatCell, NO_DATA } from '../format/figure';
import { formatNumber } from '../format/idNumber';
import { changePhrase, joinIndonesian } from '../format/sentences';
import type { Chart, Report, Section, Table, TableCell } from '../metrics/model';
import { chartDrawable } from '../render/chartData';
import {
  contactsOf,
  EVALUASI,
  type NarasiRow,
  narasiBody,
  narasiParagraphs,
  PEMBUKA,
  para,
  placeNarasi,
} from '../render/narrative';
import { sectionHasData, tableHasFigure, withoutDataSentence } from '../render/sectionData';
import { looseKey } from '../text/textMatch';
import { DEFAULT_PROFILE, type ServiceProfile } from '../workbook/profile';
import { barsHeight, CHART_MIN_H, type ChartContext, chartFitsHalf, chartPlot, plotKind as plotKindAt } from './charts';
import { TextFlow } from './flow';
import {
  BODY_BOTTOM,
  BODY_BOX,
  BODY_H,
  BODY_PT,
  BODY_TOP,
  type Box,
  CONTENT_W,
  GUTTER,
  HALF_W,
  laidParagraphsHeight,
  layPart,
  MARGIN_X,
  MIN_BODY_PT,
  narrowTable,
  rowsThatFit,
  SIDE_TEXT_W,
  SIDE_VISUAL_BOX,
  SIDE_VISUAL_W,
  STACK_GAP,
  TEXT_BAND_SHARE,
  TILE,
  tableHeight,
  tableWidths,
  tileBoxes,
  titleFits,
  titleLayout,
} from './layout';
import type { Deck, LaidParagraph, Paragraph, Slide, Tile, Visual } from './model';

export type { NarasiRow };
export { contactsOf, narasiParagraphs, sectionHasData };

export interface DeckInput {
  /** All `Narasi` rows; those of the report's month are used. */
  readonly narasi?: readonly NarasiRow[];
  readonly profile?: ServiceProfile;
}

export const DECK_TITLE = 'Laporan Layanan Informasi DJPK';
const ORGANISATION = 'Direktorat Jenderal Perimbangan Keuangan — Kementerian Keuangan Republik Indonesia';
const CONTINUED = ' (lanjutan)';

/**
 * Where the deck puts a section when the seed of January 2025 puts it elsewhere than the report
 * (docs/deck.md "Order"): each is moved right after the section named. Every other section,
 * including one added to the report later, keeps the report's order.
 */
export const DECK_MOVES: ReadonlyArray<readonly [section: string, after: string]> = [
  ['pengaduan', 'topik'],
  ['chatbot', 'kanalWhatsapp'],
];

/**
 * Sections the deck shows on another section's slides (the seeds have no page of their own for
 * them): the channel overview joins the ticket pages, whose per-channel figures it repeats.
 */
export const DECK_MERGES: ReadonlyArray<readonly [section: string, into: string]> = [['kanal', 'konsultasi']];

/** The Ringkasan slide: tiles on top, its sentences in the band under them. */
const RINGKASAN_PT = 14;

type SlideDraft = Omit<Slide, 'number' | 'titleLayout'>;

const draft = (kind: Slide['kind'], title: string, parts: Partial<SlideDraft> = {}): SlideDraft => ({
  kind,
  title,
  subtitle: null,
  sectionId: null,
  paragraphs: [],
  textPt: BODY_PT,
  textBox: null,
  visuals: [],
  tiles: [],
  contacts: [],
  notes: '',
  ...parts,
});

const narasiNotes = (rows: readonly NarasiRow[]) => `Dari tab Narasi, baris ${rows.map((r) => r.row).join(', ')}.`;

// ——— Packing a section onto slides ——————————————————————————————————————————

type Pending =
  | { readonly kind: 'chart'; readonly chart: Chart }
  | { readonly kind: 'table'; readonly table: Table; start: number; readonly title?: string };

interface Layout {
  paragraphs: LaidParagraph[];
  textBox: Box | null;
  visuals: Visual[];
}

/** The band-over-chart-and-table slide: the band's share of the body at most, the chart's width. */
const BAND_WITH_TABLE_SHARE = 0.3;
const BAND_CHART_W = 4.2;

const sideBox = (y: number, h: number): Box => ({ x: MARGIN_X, y, w: SIDE_TEXT_W, h });

/** A visual that reads well in half the slide: a chart whose labels fit, or a narrow table. */
function halfable(p: Pending): boolean {
  return p.kind === 'chart' ? chartFitsHalf(p.chart) : narrowTable(p.table);
}

class Packer {
  readonly slides: Layout[] = [];

  constructor(
    private readonly text: TextFlow,
    private readonly pending: Pending[],
    private readonly pt: number,
    private readonly ctx: ChartContext,
  ) {}

  /** What fits of the next visual into `box`: a chart whole, a table as many rows as fit. */
  private place(p: Pending, box: Box): Visual {
    if (p.kind === 'chart') {
      const plot = chartPlot(p.chart, box.w, this.ctx);
      if (!plot) throw new Error(`chart without data: ${p.chart.title}`);
      return { kind: 'chart', chart: p.chart, plot, box };
    }
    const count = rowsThatFit(p.table, p.start, box);
    const part: Table = {
      ...p.table,
      title: p.start ? `${p.table.title}${CONTINUED}` : p.table.title,
      rows: p.table.rows.slice(p.start, p.start + count),
    };
    const layout = layPart(p.table, tableWidths(p.table, box), p.start, count);
    p.start += count;
    return { kind: 'table', table: part, layout, box: { ...box, h: Math.min(box.h, layout.height) } };
  }

  /** Places the head of `pending` in `box`, dropping it once it is all placed. */
  private placeHead(box: Box): Visual {
    const head = this.pending[0] as Pending;
    const visual = this.place(head, box);
    if (head.kind === 'chart' || head.start >= head.table.rows.length) this.pending.shift();
    return visual;
  }

  /** Whole, not yet started narrow tables that fit under the text of the left column, from `y` down. */
  private tablesUnder(y: number): Visual[] {
    const out: Visual[] = [];
    let top = y;
    for (let i = 0; i < this.pending.length; ) {
      const p = this.pending[i] as Pending;
      const box = sideBox(top + STACK_GAP, BODY_BOTTOM - top - STACK_GAP);
      if (
        p.kind === 'table' &&
        p.start === 0 &&
        narrowTable(p.table, SIDE_TEXT_W) &&
        tableHeight(p.table, box) <= box.h
      ) {
        this.pending.splice(i, 1);
        const visual = this.place(p, box);
        // Never a row lost: what did not fit after all waits for the next slide.
        if (p.start < p.table.rows.length) this.pending.unshift(p);
        out.push(visual);
        top = visual.box.y + visual.box.h;
      } else i++;
    }
    return out;
  }

  /**
   * Short sentences over a chart and the wide table that follows it, side by side (the seeds'
   * "Layanan Email Blast" and "Pengaduan" pages): only when all the text fits the band and the
   * whole table fits beside the chart.
   */
  private bandWithChartAndTable(): boolean {
    const chart = this.pending[0];
    const table = this.pending[1];
    if (
      chart?.kind !== 'chart' ||
      table?.kind !== 'table' ||
      table.start > 0 ||
      narrowTable(table.table, SIDE_VISUAL_W)
    )
      return false;
    if (!chartFitsHalf(chart.chart) || chart.chart.kind === 'donut') return false;
    const trial = this.text.clone();
    const paragraphs = trial.take(CONTENT_W, BODY_H * BAND_WITH_TABLE_SHARE, this.pt);
    if (!trial.empty) return false;
    const textH = laidParagraphsHeight(paragraphs, this.pt);
    const y = BODY_TOP + textH + STACK_GAP;
    const h = BODY_BOTTOM - y;
    const chartBox: Box = { x: MARGIN_X, y, w: BAND_CHART_W, h };
    const tableBox: Box = { x: MARGIN_X + BAND_CHART_W + GUTTER, y, w: CONTENT_W - BAND_CHART_W - GUTTER, h };
    if (h < CHART_MIN_H || !plotFits(chart.chart, chartBox) || tableHeight(table.table, tableBox) > h) return false;
    this.text.take(CONTENT_W, BODY_H * BAND_WITH_TABLE_SHARE, this.pt);
    const first = this.placeHead(chartBox);
    const second = this.placeHead(tableBox);
    this.slides.push({ paragraphs, textBox: { ...BODY_BOX, h: textH }, visuals: [first, second] });
    return true;
  }

  /**
   * A chart does not need its whole column: whole tables that fit under it at its width go there
   * (the seeds' chart with its table), the chart keeping at least CHART_MIN_H.
   */
  private withTablesBelow(first: Visual): Visual[] {
    if (first.kind !== 'chart') return [first];
    const column = first.box;
    const second = this.pending[0];
    // A second chart of the section under the first, when both keep CHART_MIN_H.
    if (
      second?.kind === 'chart' &&
      first.plot.kind !== 'bar' &&
      halfable(second) &&
      (column.h - STACK_GAP) / 2 >= CHART_MIN_H &&
      plotFits(second.chart, { ...column, h: (column.h - STACK_GAP) / 2 })
    ) {
      const h = (column.h - STACK_GAP) / 2;
      return [{ ...first, box: { ...column, h } }, this.placeHead({ ...column, y: column.y + h + STACK_GAP, h })];
    }
    const minH = first.plot.kind === 'bar' ? barsHeight(first.chart) : CHART_MIN_H;
    const chosen: Pending[] = [];
    let used = 0;
    for (const p of this.pending) {
      if (p.kind !== 'table' || p.start > 0 || !narrowTable(p.table, column.w)) continue;
      const h = tableHeight(p.table, column) + STACK_GAP;
      if (used + h > column.h - minH) continue;
      chosen.push(p);
      used += h;
    }
    if (!chosen.length) return [first];
    const chartBox = { ...column, h: column.h - used };
    const out: Visual[] = [{ ...first, box: chartBox }];
    let y = chartBox.y + chartBox.h + STACK_GAP;
    for (const p of chosen) {
      this.pending.splice(this.pending.indexOf(p), 1);
      const visual = this.place(p, { ...column, y, h: column.y + column.h - y });
      if (p.kind === 'table' && p.start < p.table.rows.length) this.pending.unshift(p);
      out.push(visual);
      y = visual.box.y + visual.box.h + STACK_GAP;
    }
    return out;
  }

  private wholeAt(p: Pending, box: Box): boolean {
    if (p.kind === 'chart') return halfable(p) && plotFits(p.chart, box);
    return halfable(p) && tableHeight(p.table, box, p.start) <= box.h;
  }

  run(): Layout[] {
    while (!this.text.empty || this.pending.length) {
      const next = this.pending[0];
      if (!this.text.empty && next?.kind === 'chart' && this.bandWithChartAndTable()) continue;
      if (!this.text.empty && next && halfable(next)) {
        // Sentences in the left column, the visual on the right (the seeds' usual slide).
        const paragraphs = this.text.take(SIDE_TEXT_W, BODY_H, this.pt);
        const textH = laidParagraphsHeight(paragraphs, this.pt);
        const head = this.placeHead(SIDE_VISUAL_BOX);
        // Tables go under the sentences once they are all said, or when what is left is the team's next topic.
        const under = this.text.empty || this.text.atHeading ? this.tablesUnder(BODY_TOP + textH) : [];
        const right = this.withTablesBelow(head);
        this.slides.push({ paragraphs, textBox: sideBox(BODY_TOP, textH), visuals: [...right, ...under] });
        continue;
      }
      if (!this.text.empty && next) {
        // A wide visual: the sentences above it, in a band of at most 40% of the body.
        const paragraphs = this.text.take(CONTENT_W, BODY_H * TEXT_BAND_SHARE, this.pt);
        const textH = laidParagraphsHeight(paragraphs, this.pt);
        const box = { ...BODY_BOX, y: BODY_TOP + textH + STACK_GAP, h: BODY_H - textH - STACK_GAP };
        this.slides.push({
          paragraphs,
          textBox: { ...BODY_BOX, h: textH },
          visuals: this.withTablesBelow(this.placeHead(box)),
        });
        continue;
      }
      if (!this.text.empty) {
        const paragraphs = this.text.take(CONTENT_W, BODY_H, this.pt);
        this.slides.push({
          paragraphs,
          textBox: { ...BODY_BOX, h: laidParagraphsHeight(paragraphs, this.pt) },
          visuals: [],
        });
        continue;
      }
      this.slides.push({ paragraphs: [], textBox: null, visuals: this.visualsOnly() });
    }
    return this.slides;
  }

  /** No text left: two whole halves side by side, two whole tables one above the other, or one visual. */
  private visualsOnly(): Visual[] {
    const left: Box = { x: MARGIN_X, y: BODY_TOP, w: HALF_W, h: BODY_H };
    const right: Box = { ...left, x: MARGIN_X + HALF_W + GUTTER };
    const a = this.pending[0] as Pending;
    if (this.wholeAt(a, left)) {
      const partner = this.pending.findIndex((p, i) => i > 0 && this.wholeAt(p, right));
      if (partner > 0) {
        const [b] = this.pending.splice(partner, 1);
        return [this.placeHead(left), this.place(b as Pending, right)];
      }
    }
    if (a.kind === 'table' && a.start === 0 && tableHeight(a.table, BODY_BOX) <= BODY_H) {
      const first = this.placeHead(BODY_BOX);
      const rest: Box = { ...BODY_BOX, y: first.box.y + first.box.h + STACK_GAP, h: BODY_H - first.box.h - STACK_GAP };
      const below = this.pending.findIndex(
        (p) => p.kind === 'table' && p.start === 0 && tableHeight(p.table, rest) <= rest.h,
      );
      if (below >= 0) {
        const [b] = this.pending.splice(below, 1);
        return [first, this.place(b as Pending, rest)];
      }
      return [first];
    }
    if (a.kind === 'chart') {
      // Two charts one above the other (e.g. three months and thirteen), each at least CHART_MIN_H.
      const b = this.pending[1];
      const top: Box = { ...BODY_BOX, h: (BODY_H - STACK_GAP) / 2 };
      if (b?.kind === 'chart' && top.h >= CHART_MIN_H && (b.chart.kind !== 'bar' || plotFits(b.chart, top))) {
        const first = this.placeHead(top);
        return [first, this.placeHead({ ...top, y: top.y + top.h + STACK_GAP })];
      }
    }
    return this.withTablesBelow(this.placeHead(BODY_BOX));
  }
}

/** A bar chart drawn as columns fits any height from CHART_MIN_H; horizontal bars need a line per bar. */
const plotFits = (chart: Chart, box: Box) => plotKindAt(chart, box.w) !== 'bar' || barsHeight(chart) <= box.h;

/** Slides of some paragraphs and visuals at the size that needs the fewest slides (the largest of equals). */
function pack(
  paragraphs: readonly Paragraph[],
  visuals: readonly Pending[],
  ctx: ChartContext,
): { pt: number; slides: Layout[] } {
  let best: { pt: number; slides: Layout[] } | null = null;
  for (let pt = BODY_PT; pt >= MIN_BODY_PT; pt--) {
    const copy = visuals.map((v) => (v.kind === 'table' ? { ...v } : v));
    const slides = new Packer(new TextFlow(paragraphs), copy, pt, ctx).run();
    if (!best || slides.length < best.slides.length) best = { pt, slides };
    // Without text the size changes nothing.
    if (paragraphs.length === 0) break;
  }
  return best as { pt: number; slides: Layout[] };
}

// ——— What a section shows ————————————————————————————————————————————————————

const isNumber = (v: TableCell | undefined): v is number => typeof v === 'number';

/** A table with at least one figure (a table of "belum tersedia" only says what a sentence says). */
const hasFigure = tableHasFigure;

/** A table to show: some rows, and a figure unless it is a list of text (Rincian …). */
const showable = (table: Table) =>
  table.rows.length > 0 &&
  !table.detail &&
  (hasFigure(table) || table.columns.every((c, i) => c.format === 'text' || isRowNumber(table, i)));

/** A column that only numbers the rows (No, Peringkat): 1, 2, 3 … or ties of them. */
const isRowNumber = (table: Table, i: number) =>
  /^(no|peringkat)$/i.test(table.columns[i]?.header ?? '') &&
  table.rows.every((row, r) => isNumber(row[i]) && (row[i] as number) <= r + 1);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A table that only repeats what the section's sentences write: every figure as printed (and every
 * text cell but the row's label) is in them, as "Top 3 topik … DBH (128 tiket)" says the table
 * of the three topics. The sentence says it on the slide; the HTML and XLSX keep the table.
 */
export function repeatsSentences(table: Table, sentences: readonly string[]): boolean {
  if (!table.rows.length) return false;
  const text = sentences.join(' ').toLowerCase();
  return table.rows.every((row) =>
    row.every((value, i) => {
      const column = table.columns[i];
      if (value === null || value === '' || isRowNumber(table, i)) return true;
      if (typeof value === 'string') return i === 0 || text.includes(value.toLowerCase());
      const printed = formatCell(value, column?.format ?? 'int', column?.decimals).toLowerCase();
      return new RegExp(`(^|[^\\d.,])${escapeRegExp(printed)}(?![\\d]|[.,]\\d)`).test(text);
    }),
  );
}

/**
 * A table that only repeats a chart of its section: every row names a category (or series) of
 * the chart and its counts are that chart's values; its shares and changes are in the chart's
 * labels, the legend or the sentences. The deck shows the chart; the HTML and XLSX keep both.
 */
export function repeatsChart(table: Table, charts: readonly Chart[], besidesTotal = false): boolean {
  if (!table.rows.length || table.columns[0]?.format !== 'text') return false;
  // A text column besides the label carries something no chart shows.
  if (table.columns.slice(1).some((c) => c.format === 'text')) return false;
  const counts = table.columns.flatMap((c, i) =>
    i > 0 && (c.format === 'int' || c.format.startsWith('dec')) ? [i] : [],
  );
  const shownFor = (label: string) =>
    charts.flatMap((chart) => {
      const key = looseKey(label);
      const category = chart.categories.findIndex((c) => looseKey(c) === key);
      const series = chart.series.find((s) => looseKey(s.name) === key);
      return [
        ...(category >= 0 ? [chart.series.map((s) => s.values[category] ?? null)] : []),
        ...(series ? [[...series.values]] : []),
      ];
    });
  // Every row is one chart's category or series, with the same counts (with `besidesTotal`, a
  // total row aside: the sentences say the total).
  const rows = besidesTotal ? table.rows.filter((row) => !TOTAL_LABEL.test(String(row[0] ?? ''))) : table.rows;
  return (
    rows.length > 0 &&
    rows.every((row) =>
      shownFor(String(row[0] ?? '')).some((shown) =>
        counts.every((i) => row[i] === null || shown.includes(row[i] as number)),
      ),
    )
  );
}

/** A row whose counts are the sums of the other rows' (a "Total" row). */
function isTotalRow(table: Table, r: number): boolean {
  const row = table.rows[r] ?? [];
  const counts = table.columns.flatMap((c, i) => (c.format === 'int' ? [i] : []));
  return (
    counts.length > 0 &&
    counts.every((i) => {
      const others = table.rows.filter((_, k) => k !== r).map((x) => x[i]);
      return (
        isNumber(row[i]) && others.every(isNumber) && others.reduce<number>((a, b) => a + (b as number), 0) === row[i]
      );
    })
  );
}

/**
 * A table whose rows another table of the section also has (same label, same counts), apart from
 * a total row: the fuller table is shown ("Ringkasan per Kanal" holds "Tiket Konsultasi per Kanal").
 */
export function repeatsTable(table: Table, others: readonly Table[]): boolean {
  return others.some(
    (other) =>
      other !== table &&
      rowsIn(table, other) &&
      // Two tables of the same rows: the one with more columns stays.
      (!rowsIn(other, table) || other.columns.length > table.columns.length),
  );
}

/** Every row of `table` but a total row is a row of `other` (same label, its counts among the other's). */
function rowsIn(table: Table, other: Table): boolean {
  return (
    other.rows.length > 0 &&
    table.rows.every((row, r) => {
      if (isTotalRow(table, r)) return true;
      const match = other.rows.find((o) => looseKey(String(o[0] ?? '')) === looseKey(String(row[0] ?? '')));
      const counts = row.flatMap((v, i) => (i > 0 && isNumber(v) && table.columns[i]?.format === 'int' ? [v] : []));
      return match !== undefined && counts.every((v) => match.includes(v));
    })
  );
}

const TOTAL_LABEL = /^(total|grand total|jumlah|keseluruhan)\b/i;

/**
 * The table as the deck shows it: a column or a row without any figure ("belum tersedia" in every
 * cell) is left out, so a slide is not a grid of "belum tersedia"; `missing` names the months or rows
 * left out, said once in the section's text. A table left with its total row only is empty (the
 * sentences say the total). The HTML and the XLSX keep every cell.
 */
export function pruneTable(table: Table): { table: Table; missing: string[] } {
  if (!table.rows.length) return { table, missing: [] };
  const isFigureColumn = (i: number) => i > 0 && table.columns[i]?.format !== 'text';
  const emptyColumn = (i: number) => i > 0 && table.rows.every((row) => row[i] === null || row[i] === '');
  const keptColumns = table.columns.flatMap((_, i) => (emptyColumn(i) ? [] : [i]));
  if (!keptColumns.some(isFigureColumn)) return { table, missing: [] };
  const emptyRow = (row: readonly TableCell[]) => keptColumns.every((i) => !isFigureColumn(i) || row[i] === null);
  const rows = table.rows.filter((row) => !emptyRow(row));
  const droppedColumns = table.columns
    .filter((c, i) => emptyColumn(i) && !/^perubahan\b/i.test(c.header))
    .map((c) => c.header);
  const droppedRows = table.rows.filter(emptyRow).map((row) => String(row[0] ?? ''));
  const onlyTotal = rows.length > 0 && rows.every((row) => TOTAL_LABEL.test(String(row[0] ?? '')));
  return {
    table: {
      ...table,
      columns: keptColumns.map((i) => table.columns[i] as Table['columns'][number]),
      rows: onlyTotal ? [] : rows.map((row) => keptColumns.map((i) => row[i] ?? null)),
    },
    missing: [...droppedColumns, ...droppedRows.filter((r) => r)],
  };
}

/** The report's sections in the deck's order (DECK_MOVES). */
export function deckOrder(sections: readonly Section[]): Section[] {
  const moved = new Set(
    DECK_MOVES.filter(([id, after]) => sections.some((s) => s.id === id) && sections.some((s) => s.id === after)).map(
      ([id]) => id,
    ),
  );
  const out: Section[] = [];
  for (const s of sections) {
    if (moved.has(s.id)) continue;
    out.push(s);
    for (const [id, after] of DECK_MOVES) {
      const m = sections.find((x) => x.id === id);
      if (after === s.id && m && moved.has(id)) out.push(m);
    }
  }
  return out;
}

/**
 * The title of one platform's row of a table: "Performa Media Sosial Januari 2025" → "Performa
 * Instagram Januari 2025" (short enough for the table's width; the slide is "Performa Instagram").
 */
export function platformTableTitle(table: Table, label: string): string {
  const named = table.title.replace(/\bMedia Sosial\b/, label);
  return named === table.title ? `${table.title} — ${label}` : named;
}

interface Group {
  readonly title: string;
  readonly paragraphs: Paragraph[];
  readonly visuals: Pending[];
}

/**
 * The seeds' media-social pages: when sentences name two or more of the section's charts by title
 * ("followers Instagram …" ↔ "Followers Instagram"), each such chart gets a slide of its own with
 * its sentences, and the row of a table that names the same thing ("Instagram") under them.
 */
function chartGroups(
  section: Section,
  sentences: readonly string[],
  charts: readonly Chart[],
  tables: Table[],
): Group[] {
  const owned = charts.map((chart) => sentences.filter((s) => s.toLowerCase().includes(chart.title.toLowerCase())));
  if (owned.filter((o) => o.length > 0).length < 2) return [];
  const groups: Group[] = [];
  charts.forEach((chart, i) => {
    const mine = owned[i] ?? [];
    if (!mine.length) return;
    const visuals: Pending[] = [{ kind: 'chart', chart }];
    let title = `${section.title}: ${chart.title}`;
    for (const table of tables) {
      const row = table.rows.find(
        (r) => typeof r[0] === 'string' && r[0] && chart.title.toLowerCase().includes(r[0].toLowerCase()),
      );
      if (!row) continue;
      const label = String(row[0]);
      title = `${table.title.split(' ')[0]} ${label}`;
      const facts: Table = {
        title: platformTableTitle(table, label),
        columns: [
          { header: 'Indikator', format: 'text' },
          { header: 'Nilai', format: 'text' },
        ],
        rows: table.columns.flatMap((c, ci) =>
          ci > 0 && row[ci] !== null && row[ci] !== undefined
            ? [[c.header, formatCell(row[ci] ?? null, c.format, c.decimals)]]
            : [],
        ),
      };
      if (facts.rows.length) visuals.push({ kind: 'table', table: facts, start: 0 });
    }
    groups.push({ title, paragraphs: mine.map((s) => para(s)), visuals });
  });
  return groups;
}

/**
 * The order of a section's visuals: charts that no table of the report repeats first, then the
 * tables in the report's order, a chart standing where the table it replaces stood (the seeds show
 * "Topik Konsultasi Teknis" before the chart of the other topics).
 */
function visualOrder(
  section: Section,
  charts: readonly Chart[],
  tables: readonly Table[],
  reported: readonly Table[] = section.tables,
): Pending[] {
  // Placed by the report's tables (before pruning): a chart stays where the report has it.
  const replaced = new Map<Table, Chart>();
  section.tables.forEach((t, i) => {
    const chart = charts.find((c) => repeatsChart(reported[i] ?? t, [c]) && ![...replaced.values()].includes(c));
    if (chart) replaced.set(t, chart);
  });
  const attached = new Set(replaced.values());
  return [
    ...charts.filter((c) => !attached.has(c)).map((chart): Pending => ({ kind: 'chart', chart })),
    ...section.tables.flatMap((t): Pending[] => {
      const chart = replaced.get(t);
      if (chart) return [{ kind: 'chart', chart }];
      return tables.includes(t) ? [{ kind: 'table', table: t, start: 0 }] : [];
    }),
  ];
}

/**
 * A trend with data for fewer than half its months (the sample's 13-month trend knows 3): as a
 * line it would be an almost empty frame, so the deck shows the months it has as a table instead,
 * titled with how many months have data (the cards do the same).
 */
export function sparseTrend(chart: Chart): boolean {
  if (chart.kind !== 'line' || !chartDrawable(chart)) return false;
  const months = chart.categories.filter((_, i) => chart.series.some((s) => s.values[i] != null)).length;
  return months * 2 < chart.categories.length;
}

/** A sparse trend as a table: a row per month with data, a column per series that has a value. */
export function trendTable(chart: Chart): Table {
  const series = chart.series.filter((s) => s.values.some((v) => v != null));
  const rows = chart.categories.flatMap((month, i) =>
    series.some((s) => s.values[i] != null) ? [[month, ...series.map((s) => s.values[i] ?? null)]] : [],
  );
  return {
    // "Tren Tiket Konsultasi 13 Bulan" → "Tren Tiket Konsultasi: 3 dari 13 bulan" (fits a narrow table).
    title: `${chart.title.replace(/\s+\d+\s+Bulan$/i, '')}: ${formatNumber(rows.length, 0)} dari ${formatNumber(chart.categories.length, 0)} bulan`,
    columns: [{ header: 'Bulan', format: 'text' }, ...series.map((s) => ({ header: s.name, format: 'int' as const }))],
    rows,
  };
}

function sectionSlides(reported: Section, narasi: readonly NarasiRow[], ctx: ChartContext): SlideDraft[] {
  const pruned = reported.tables.map(pruneTable);
  const section: Section = {
    ...reported,
    tables: [...pruned.map((p) => p.table), ...reported.charts.filter(sparseTrend).map(trendTable)],
  };
  // What the pruned tables left out, said once unless the sentences already say the comparison is missing.
  const comparisonSaid = section.sentences.some((s) => /pembanding/i.test(s));
  const missingSaid = (names: readonly string[]) =>
    names.every((n) => section.sentences.some((s) => /belum/i.test(s) && s.toLowerCase().includes(n.toLowerCase())));
  const leftOut = pruned
    .filter((p) => p.missing.length && !(comparisonSaid && p.table.rows.length) && !missingSaid(p.missing))
    .map((p) => para(`${p.table.title}: data ${joinIndonesian(p.missing)} belum tersedia.`));
  const charts = section.charts.filter((c) => chartDrawable(c) && !sparseTrend(c));
  const candidates = section.tables.filter((t) => showable(t) && !repeatsChart(t, charts, true));
  const unique = candidates.filter((t) => !repeatsTable(t, candidates));
  // A table the sentences already say is shown only where it costs no slide (see below).
  const optional = unique.filter((t) => repeatsSentences(t, section.sentences));
  const tables = unique.filter((t) => !optional.includes(t));
  // An empty table is said in a line, unless a sentence already says its data is missing
  // ("Data topik konsultasi WhatsApp … belum tersedia" for "Top 3 Topik Konsultasi WhatsApp").
  const said = (t: Table) =>
    section.sentences.some((s) => {
      const words = s.toLowerCase();
      const own = t.title.toLowerCase().match(/[a-z]{4,}/g) ?? [];
      return /belum tersedia|belum ada data/.test(words) && own.length > 0 && own.every((w) => words.includes(w));
    });
  const emptyTables = section.tables
    .filter((t, i) => reported.tables[i]?.rows.length === 0 && !said(t))
    .map((t) => para(`${t.title}: tidak ada data bulan ini.`));
  const groups = chartGroups(section, section.sentences, charts, tables);
  const grouped = new Set(groups.flatMap((g) => g.paragraphs.map((p) => p.text)));
  const groupedCharts = new Set(groups.flatMap((g) => g.visuals.flatMap((v) => (v.kind === 'chart' ? [v.chart] : []))));
  // A table split onto the groups' slides row by row is shown there.
  const splitTables = new Set(
    tables.filter(
      (t) =>
        groups.length > 0 &&
        t.rows.every((r) =>
          groups.some((g) =>
            g.visuals.some((v) => v.kind === 'table' && v.table.title === platformTableTitle(t, String(r[0]))),
          ),
        ),
    ),
  );
  const main: Group = {
    title: section.title,
    paragraphs: [
      ...section.sentences.filter((s) => !grouped.has(s)).map((s) => para(s)),
      ...emptyTables,
      ...leftOut,
      ...narasiBody(narasi, section.title),
    ],
    visuals: visualOrder(
      section,
      charts.filter((c) => !groupedCharts.has(c)),
      tables.filter((t) => !splitTables.has(t)),
      reported.tables,
    ),
  };
  const notes = `Bagian laporan: ${section.title} (${section.id}).${narasi.length ? ` ${narasiNotes(narasi)}` : ''}`;
  const slides: SlideDraft[] = [];
  for (const group of [main, ...groups]) {
    if (!group.paragraphs.length && !group.visuals.length) continue;
    let packed = pack(group.paragraphs, group.visuals, ctx);
    if (group === main) {
      let shown = tables.filter((t) => !splitTables.has(t));
      for (const extra of optional) {
        const withExtra = [...shown, extra];
        const visuals = visualOrder(
          section,
          charts.filter((c) => !groupedCharts.has(c)),
          withExtra,
          reported.tables,
        );
        const trial = pack(group.paragraphs, visuals, ctx);
        if (trial.slides.length <= packed.slides.length && trial.pt >= packed.pt) {
          packed = trial;
          shown = withExtra;
        }
      }
    }
    const { pt, slides: layouts } = packed;
    layouts.forEach((layout, i) => {
      let title = i === 0 ? group.title : `${group.title}${CONTINUED}`;
      let paragraphs = layout.paragraphs;
      // A page of the team's text that starts with its own heading is titled by it (the seeds'
      // "Pedoman Konsultasi Tatap Muka").
      const head = paragraphs[0];
      if (i > 0 && !layout.visuals.length && head?.heading && head.lines.length === 1 && titleFits(head.text)) {
        title = head.text;
        paragraphs = paragraphs.slice(1);
      }
      slides.push(
        draft('section', title, {
          sectionId: section.id,
          paragraphs,
          textPt: pt,
          textBox: paragraphs.length ? { ...(layout.textBox as Box), h: laidParagraphsHeight(paragraphs, pt) } : null,
          visuals: layout.visuals,
          notes,
        }),
      );
    });
  }
  return slides;
}

/** Text-only slides: the same flow, continued "(lanjutan)" with title, footer and number. */
function textSlides(
  kind: Slide['kind'],
  title: string,
  body: readonly Paragraph[],
  parts: Partial<SlideDraft>,
  ctx: ChartContext,
): SlideDraft[] {
  const { pt, slides } = pack(body, [], ctx);
  return slides.map((layout, i) =>
    draft(kind, i ? `${title}${CONTINUED}` : title, {
      ...parts,
      paragraphs: layout.paragraphs,
      textPt: pt,
      textBox: layout.textBox,
    }),
  );
}

/** One row titled by its `Judul`; several rows (or `keepTitle`) under `fallbackTitle` with `Judul` headings. */
function narasiSlides(
  kind: Slide['kind'],
  fallbackTitle: string,
  rows: readonly NarasiRow[],
  id: string | null,
  ctx: ChartContext,
  keepTitle = false,
) {
  const single = rows.length === 1 && !keepTitle && rows[0]?.judul && titleFits(rows[0].judul) ? rows[0] : undefined;
  const title = single?.judul ?? fallbackTitle;
  return textSlides(kind, title, narasiBody(rows, title), { sectionId: id, notes: narasiNotes(rows) }, ctx);
}

// ——— Fixed pages ————————————————————————————————————————————————————————————

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

/** The Ringkasan slide (tiles and sentences), continued when its sentences do not fit under the tiles. */
function ringkasanSlides(
  section: Section,
  report: Report,
  without: readonly string[],
  ctx: ChartContext,
): SlideDraft[] {
  const body = [
    ...section.sentences.map((s) => para(s)),
    ...(without.length ? [para(withoutDataSentence(report, without))] : []),
  ];
  const parts = { sectionId: section.id, notes: `Bagian laporan: ${section.title} (${section.id}).` };
  // A figure without data gets no tile: the first sentence already names what is not available.
  const tiles = section.metrics
    .map((key, i) => tileOf(section.tables[0], i, key, report))
    .filter((t) => t.value !== NO_DATA);
  const boxes = tileBoxes(tiles.length, TILE.top, TILE.height);
  const below = tiles.length ? Math.max(...boxes.map((b) => b.y + b.h)) + 0.25 : BODY_TOP;
  const RINGKASAN_TEXT_BOX: Box = { x: MARGIN_X, y: below, w: CONTENT_W, h: BODY_BOTTOM - below };
  let pt = RINGKASAN_PT;
  let flow = new TextFlow(body);
  let paragraphs = flow.take(RINGKASAN_TEXT_BOX.w, RINGKASAN_TEXT_BOX.h, pt);
  while (!flow.empty && pt > MIN_BODY_PT) {
    pt--;
    flow = new TextFlow(body);
    paragraphs = flow.take(RINGKASAN_TEXT_BOX.w, RINGKASAN_TEXT_BOX.h, pt);
  }
  const first = draft('ringkasan', section.title, {
    ...parts,
    tiles,
    paragraphs,
    textPt: pt,
    textBox: { ...RINGKASAN_TEXT_BOX, h: laidParagraphsHeight(paragraphs, pt) },
  });
  const rest: Paragraph[] = [];
  while (!flow.empty) {
    const [p] = flow.take(CONTENT_W, 1e6, pt);
    if (!p) break;
    rest.push({ text: p.lines.join(' '), bullet: p.bullet, heading: p.heading });
  }
  return [first, ...(rest.length ? textSlides('section', `${section.title}${CONTINUED}`, rest, parts, ctx) : [])];
}

/** The deck of one month: the Report model's sections as slides, with the team's `Narasi` and `Profil Layanan`. */
export function buildDeck(report: Report, input: DeckInput = {}): Deck {
  const profile = input.profile ?? DEFAULT_PROFILE;
  const placed = placeNarasi(report, input.narasi ?? []);
  const footer = `${DECK_TITLE} — ${report.monthLabel}`;
  // Not `.at(-1)`: core is bundled into the add-on's Code.js, which keeps to ES2020 (tsconfig.addon.json).
  const labels = report.trend.labels;
  const monthShortLabel = labels[labels.length - 1] ?? report.month;
  const ctx: ChartContext = { monthShort: monthShortLabel, percentDecimals: report.percentDecimals, report };
  const drafts: SlideDraft[] = [
    draft('cover', DECK_TITLE, { subtitle: report.monthLabel, paragraphs: [], notes: ORGANISATION }),
  ];
  const ordered = deckOrder(report.sections);
  const without = ordered
    .filter((s) => s.id !== 'ringkasan' && !placed.bySection.has(s.id) && !sectionHasData(s, report))
    .map((s) => s.title);
  const mergedInto = new Map(
    DECK_MERGES.filter(([id, into]) => ordered.some((s) => s.id === into) && ordered.some((s) => s.id === id)),
  );
  const ringkasan = ordered.find((s) => s.id === 'ringkasan');
  if (ringkasan) drafts.push(...ringkasanSlides(ringkasan, report, without, ctx));
  if (placed.pembuka.length) drafts.push(...narasiSlides('narasi', PEMBUKA, placed.pembuka, 'pembuka', ctx));
  const ownRingkasan = ringkasan ? placed.bySection.get(ringkasan.id) : undefined;
  if (ringkasan && ownRingkasan)
    drafts.push(...narasiSlides('narasi', ringkasan.title, ownRingkasan, ringkasan.id, ctx));
  drafts.push(
    draft('contacts', 'Media Layanan Informasi DJPK', {
      contacts: contactsOf(profile),
      notes: 'Dari tab Profil Layanan (nilai bawaan untuk kunci yang kosong).',
    }),
  );
  for (const section of ordered) {
    if (section.id === 'ringkasan' || mergedInto.has(section.id) || without.includes(section.title)) continue;
    const guests = ordered.filter((s) => mergedInto.get(s.id) === section.id && !without.includes(s.title));
    const shown: Section = guests.length
      ? {
          ...section,
          metrics: [...section.metrics, ...guests.flatMap((g) => g.metrics)],
          sentences: [...section.sentences, ...guests.flatMap((g) => g.sentences)],
          tables: [...section.tables, ...guests.flatMap((g) => g.tables)],
          charts: [...section.charts, ...guests.flatMap((g) => g.charts)],
        }
      : section;
    const narasi = [section, ...guests].flatMap((s) => placed.bySection.get(s.id) ?? []);
    drafts.push(...sectionSlides(shown, narasi, ctx));
  }
  if (placed.unplaced.length) drafts.push(...narasiSlides('narasi', 'Catatan Tim', placed.unplaced, null, ctx, true));
  drafts.push(
    ...(placed.evaluasi.length
      ? narasiSlides('evaluasi', EVALUASI, placed.evaluasi, 'evaluasi', ctx, true)
      : textSlides(
          'evaluasi',
          EVALUASI,
          [para(`${EVALUASI} bulan ${report.monthLabel} belum diisi di tab Narasi.`)],
          { sectionId: 'evaluasi' },
          ctx,
        )),
  );
  drafts.push(
    draft('closing', 'Terima Kasih', {
      subtitle: 'Direktorat Jenderal Perimbangan Keuangan',
      paragraphs: [],
      contacts: [
        { label: 'Alamat', value: profile.alamat },
        ...contactsOf(profile).filter((c) =>
          ['Telepon', 'WhatsApp', 'Email Contact Center', 'Website', 'Jam Operasional'].includes(c.label),
        ),
      ],
    }),
  );
  return {
    month: report.month,
    monthLabel: report.monthLabel,
    monthShortLabel,
    footer,
    profile,
    slides: drafts.map((s, i) => ({ ...s, number: i + 1, titleLayout: titleLayout(s.title) })),
    findings: placed.findings,
    evaluasiEmpty: placed.evaluasi.length === 0,
    sectionsWithoutData: without,
  };
}
