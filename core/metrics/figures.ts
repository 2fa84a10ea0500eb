import { changePctExact } from '../format/change';
import { formatNumber } from '../format/idNumber';
import { type MonthIndex, toIsoMonth } from '../period/yearMonth';
import { closestMatch, looseKey } from '../text/textMatch';
import { quoteText } from '../workbook/cells';
import type { Finding } from '../workbook/findings';
import type { ParsedWorkbook } from '../workbook/workbook';
import { type CoverageKey, FORMER_LABELS, type MetricDef } from './catalog';
import type { Aggregates } from './facts';

export type FigureSource = 'log' | 'rekap';

/**
 * Every figure of every month, from the logs where a log tab covers the month and from
 * `Rekap Historis` otherwise (METRICS.md "Coverage").
 */
export class Figures {
  private readonly history = new Map<string, Map<MonthIndex, number>>();
  readonly findings: Finding[] = [];

  constructor(
    private readonly agg: Aggregates,
    wb: ParsedWorkbook,
  ) {
    this.readHistory(wb);
  }

  def(key: string): MetricDef | undefined {
    return this.agg.catalog.get(key);
  }

  defs(): MetricDef[] {
    return this.agg.catalog.all();
  }

  covers(def: MetricDef, m: MonthIndex): boolean {
    return this.coversKey(def.tab, m);
  }

  coversKey(key: CoverageKey, m: MonthIndex): boolean {
    return this.agg.coverage.get(key)?.has(m) ?? false;
  }

  private fromLog(def: MetricDef, m: MonthIndex): number | null {
    if (!this.covers(def, m)) return null;
    const facts = this.agg.facts.reader(m);
    return def.derive ? def.derive(facts) : facts.get(def.key);
  }

  valueWithSource(key: string, m: MonthIndex): { value: number | null; source: FigureSource | null } {
    const def = this.def(key);
    const logged = def ? this.fromLog(def, m) : null;
    if (logged !== null) return { value: logged, source: 'log' };
    const recorded = this.history.get(key)?.get(m);
    return recorded === undefined ? { value: null, source: null } : { value: recorded, source: 'rekap' };
  }

  value(key: string, m: MonthIndex): number | null {
    return this.valueWithSource(key, m).value;
  }

  /** Sum of January..m; null when a month of the range has no figure. */
  yearToDate(key: string, m: MonthIndex): { value: number | null; missing: MonthIndex[] } {
    let sum = 0;
    const missing: MonthIndex[] = [];
    for (let month = Math.floor(m / 12) * 12; month <= m; month++) {
      const v = this.value(key, month);
      if (v === null) missing.push(month);
      else sum += v;
    }
    return { value: missing.length ? null : sum, missing };
  }

  /** The months in which any figure exists, oldest first. */
  monthsWithData(): MonthIndex[] {
    const months = new Set<MonthIndex>();
    for (const set of this.agg.coverage.values()) for (const m of set) months.add(m);
    for (const byMonth of this.history.values()) for (const m of byMonth.keys()) months.add(m);
    return [...months].sort((a, b) => a - b);
  }

  private readHistory(wb: ParsedWorkbook): void {
    const defs = this.defs();
    const byName = new Map<string, MetricDef>();
    for (const def of defs) {
      byName.set(looseKey(def.label), def);
      byName.set(def.key.toLowerCase(), def);
    }
    for (const [label, key] of Object.entries(FORMER_LABELS)) {
      const def = byName.get(key.toLowerCase());
      if (def && !byName.has(looseKey(label))) byName.set(looseKey(label), def);
    }
    const seen = new Map<string, number>();
    for (const row of wb.rekap) {
      const def = byName.get(row.metrik.trim().toLowerCase()) ?? byName.get(looseKey(row.metrik));
      const finding = (column: string, cell: string, message: string): Finding => ({
        tab: 'Rekap Historis',
        row: row.row,
        column,
        cell: `${cell}${row.row}`,
        severity: 'warning',
        message,
        month: toIsoMonth(row.bulan),
      });
      if (!def) {
        const near = closestMatch(row.metrik, defs, (d) => (row.metrik.includes('.') ? d.key : d.label));
        this.findings.push({
          ...finding(
            'Metrik',
            'B',
            near
              ? `Metrik '${quoteText(row.metrik)}' tidak dikenal; maksud Anda '${row.metrik.includes('.') ? near.key : near.label}'? Baris ini tidak dihitung`
              : `Metrik '${quoteText(row.metrik)}' tidak dikenal; tulis kunci metrik (mis. konsultasi.total) atau labelnya. Baris ini tidak dihitung`,
          ),
          severity: 'error',
        });
        continue;
      }
      const id = `${def.key}@${row.bulan}`;
      const first = seen.get(id);
      if (first !== undefined) {
        this.findings.push(
          finding(
            'Metrik',
            'B',
            `Metrik ${def.key} bulan ${toIsoMonth(row.bulan)} sudah ada di baris ${first}; baris ini diabaikan`,
          ),
        );
        continue;
      }
      seen.set(id, row.row);
      const logged = this.fromLog(def, row.bulan);
      if (logged !== null && Math.abs(logged - row.nilai) > 1e-9) {
        this.findings.push(
          finding(
            'Nilai',
            'C',
            `Rekap Historis mencatat ${def.label} ${toIsoMonth(row.bulan)} = ${formatNumber(row.nilai, 2)}, tetapi dari log terhitung ${formatNumber(logged, 2)}; yang dipakai angka dari log`,
          ),
        );
      }
      let months = this.history.get(def.key);
      if (!months) {
        months = new Map();
        this.history.set(def.key, months);
      }
      months.set(row.bulan, row.nilai);
    }
  }
}

export interface MetricFigure {
  readonly key: string;
  readonly label: string;
  readonly unit: MetricDef['unit'];
  readonly section: MetricDef['section'];
  readonly value: number | null;
  readonly previousMonth: number | null;
  readonly sameMonthLastYear: number | null;
  readonly momPct: number | null;
  readonly yoyPct: number | null;
  readonly source: FigureSource | null;
}

export function metricFigure(figures: Figures, def: MetricDef, m: MonthIndex): MetricFigure {
  const { value, source } = figures.valueWithSource(def.key, m);
  const previousMonth = figures.value(def.key, m - 1);
  const sameMonthLastYear = figures.value(def.key, m - 12);
  return {
    key: def.key,
    label: def.label,
    unit: def.unit,
    section: def.section,
    value,
    previousMonth,
    sameMonthLastYear,
    momPct: changePctExact(value, previousMonth),
    yoyPct: changePctExact(value, sameMonthLastYear),
    source,
  };
}
