import { describe, expect, it } from 'vitest';
import { Answerer } from '../../core/ask/answer';
import { parseQuestion } from '../../core/ask/parseQuestion';
import { ReportBuilder } from '../../core/metrics/report';
import { monthIndex } from '../../core/period/yearMonth';
import type { CellValue } from '../../core/workbook/cells';
import { parseWorkbook } from '../../core/workbook/workbook';

/**
 * Questions about days read the whole log for its latest day. With a few hundred thousand
 * tickets (years of the team's log) that must be a loop: spreading the rows into Math.max threw
 * "Maximum call stack size exceeded" from about 150,000 rows on.
 */
describe('the bot on a big Tiket log', () => {
  const N = 250_000;
  const DAY = 86_400_000;
  const start = Date.UTC(2024, 0, 1);
  const channels = ['WhatsApp', 'Email', 'Telepon', 'Help Desk', 'Live Chat'];
  const grid: CellValue[][] = [['Tanggal', 'Kanal']];
  // Spread over 2024 up to 15 January 2025 (whole hours), so the last day is known.
  const span = Date.UTC(2025, 0, 15) - start;
  for (let i = 0; i < N; i++)
    grid.push([new Date(start + Math.floor((i * span) / N / 3_600_000) * 3_600_000), channels[i % 5] ?? null]);
  grid.push([new Date(Date.UTC(2025, 0, 15, 10)), 'WhatsApp']);
  const builder = new ReportBuilder(parseWorkbook({ Tiket: grid }, { now: Date.UTC(2025, 0, 20) }));
  const answerer = new Answerer(builder);
  const ctx = {
    currentMonth: monthIndex(2025, 1),
    monthsWithData: builder.figures.monthsWithData(),
    today: Date.UTC(2025, 0, 20) / DAY,
    metrics: builder.figures.defs().map((d) => ({ key: d.key, label: d.label })),
  };
  const ask = (q: string) => answerer.answer(parseQuestion(q, ctx));

  it('says when the data was last updated', () => {
    const answer = ask('kapan data terakhir diperbarui');
    expect(answer.sentences.join(' ')).toContain('15 Januari 2025');
  });

  it('counts a range of days, and says the log stops before its end', () => {
    const answer = ask('konsultasi 13-19 januari 2025');
    const inRange = grid.slice(1).filter((row) => {
      const ms = (row[0] as Date).getTime();
      return ms >= Date.UTC(2025, 0, 13) && ms < Date.UTC(2025, 0, 20);
    }).length;
    expect(answer.answered?.value).toBe(inRange);
    expect(answer.sentences.join(' ')).toContain('Catatan log baru sampai 15 Januari 2025');
  });
});
