/**
 * Issue 16's measure: the chat corpus (test/fixtures/chatCorpus.dev.ts, written from the README,
 * docs/ and the seeds by someone who had not read the parser, figures counted before asking) is
 * asked turn by turn through the bot's own path — Brain.ask with one conversation per case, so
 * follow-ups see the turns before them. Each turn is right (the figure at the precision the report
 * shows, the period, the words it must mention; or the no-data / refusal / clarifying question that
 * was expected), refused (no figure where one was expected: a miss, but honest) or WRONG (a figure
 * where none was expected, or another figure, period or metric). Wrong must be 0, right ≥ 90%.
 * "Today" is Monday 10 February 2025 WIB, so the file is run under three zones.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Brain, type Reply } from '../../bot/brain';
import { CachedSource } from '../../bot/sources/cachedSource';
import { dayRangeLabel } from '../../core/ask/parseQuestion';
import { monthLabel } from '../../core/format/idDate';
import { roundHalfAwayFromZero } from '../../core/format/idNumber';
import { figureDecimals } from '../../core/metrics/catalog';
import type { ReportBuilder } from '../../core/metrics/report';
import { parseIsoMonth } from '../../core/period/yearMonth';
import { XlsxSource } from '../../formats/xlsx/xlsxSource';
import { CHAT_CORPUS_DEV, type CorpusCase, type Expect, type Period } from '../fixtures/chatCorpus.dev';
import { SAMPLE_XLSX, sampleBuilder } from '../fixtures/sample';

/** Monday 10 February 2025, 10:00 WIB. */
const NOW = Date.UTC(2025, 1, 10, 3);
let builder: ReportBuilder;

beforeAll(async () => {
  builder = await sampleBuilder();
});

const month = (iso: string): number => {
  const m = parseIsoMonth(iso);
  if (m === null) throw new Error(`not a month: ${iso}`);
  return m;
};
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The period as the card's "Data: …" line says it. */
export function periodLabel(p: Period): string {
  if ('month' in p) return monthLabel(month(p.month));
  if (p.from.length === 7) return `${monthLabel(month(p.from))} – ${monthLabel(month(p.to))}`;
  return dayRangeLabel(day(p.from), day(p.to));
}

const periodMatches = (shown: string | null, expected: string) =>
  shown !== null &&
  (shown === expected || shown.startsWith(`${expected} dan `) || shown.endsWith(`(${expected})`));

const decimalsOf = (v: number) => (Number.isInteger(v) ? 0 : Math.min(2, String(v).split('.')[1]?.length ?? 0));

type Outcome = 'right' | 'refused' | 'wrong';

/** The reply's words as a person reads them. */
const shownText = (reply: Reply) => `${reply.text}\n${JSON.stringify(reply.card)}`;

const NO_DATA = /belum tersedia|belum ada (data|catatan|tiket)|tidak ada (data|catatan)|belum tercatat/i;
const REFUSED = /belum bisa menjawab|hanya dicatat|tidak dicatat|tidak mencatat|belum tersedia/i;

export function judge(reply: Reply, expect: Expect): { outcome: Outcome; why: string } {
  const answer = reply.answer;
  const got = answer?.answered ?? null;
  const said = `${answer?.title ?? ''} · ${answer?.period ?? ''} · ${got ? `${got.subject} = ${got.value}` : 'no figure'} · ${answer?.sentences[0] ?? reply.text}`;
  if (!('answer' in expect)) {
    if (got !== null) return { outcome: 'wrong', why: `a figure where none was expected: ${said}` };
    const sentences = (answer?.sentences ?? []).join(' ');
    const ok =
      'noData' in expect
        ? NO_DATA.test(sentences)
        : 'refuse' in expect
          ? REFUSED.test(sentences)
          : /\?$/.test(answer?.sentences[0] ?? '') && (answer?.suggestions.length ?? 0) >= 2;
    return ok
      ? { outcome: 'right', why: said }
      : { outcome: 'refused', why: `expected ${Object.keys(expect)[0]}, got: ${said}` };
  }
  const e = expect.answer;
  if (got === null || got.value === null) return { outcome: 'refused', why: said };
  const def = e.key ? builder.figures.def(e.key) : undefined;
  const decimals = def
    ? Math.min(figureDecimals(def, builder.wb.settings.percentDecimals), decimalsOf(e.value) || 2)
    : decimalsOf(e.value);
  const problems: string[] = [];
  if (e.key && got.subject !== e.key) problems.push(`metric ${got.subject}, expected ${e.key}`);
  if (roundHalfAwayFromZero(got.value, decimals) !== roundHalfAwayFromZero(e.value, decimals))
    problems.push(`value ${got.value}, expected ${e.value}`);
  const period = periodLabel(e.period);
  if (!periodMatches(answer?.period ?? null, period)) problems.push(`period ${answer?.period}, expected ${period}`);
  const text = shownText(reply);
  for (const word of e.mentions ?? []) if (!text.includes(word)) problems.push(`does not mention ${word}`);
  return problems.length ? { outcome: 'wrong', why: `${problems.join('; ')} — ${said}` } : { outcome: 'right', why: said };
}

/** Asks every case in its own conversation, as the bot would hear it. */
export async function score(cases: readonly CorpusCase[]) {
  const brain = new Brain(new CachedSource(new XlsxSource(SAMPLE_XLSX), 60_000), () => NOW);
  const rows: { id: string; text: string; outcome: Outcome; why: string }[] = [];
  for (const c of cases) {
    for (const turn of c.turns) {
      const reply = await brain.ask(turn.text, { conversation: `corpus:${c.id}` });
      rows.push({ id: c.id, text: turn.text, ...judge(reply, turn.expect) });
    }
  }
  return rows;
}

describe('the chat corpus (dev set)', () => {
  it('answers ≥ 90% of the turns right and never gives a wrong figure', async () => {
    const rows = await score(CHAT_CORPUS_DEV);
    const count = (o: Outcome) => rows.filter((r) => r.outcome === o).length;
    const list = (o: Outcome) =>
      rows
        .filter((r) => r.outcome === o)
        .map((r) => `  [${r.id}] ${r.text} → ${r.why}`)
        .join('\n');
    console.log(
      `chat corpus (dev): ${rows.length} turns in ${CHAT_CORPUS_DEV.length} cases: right ${count('right')}, refused ${count('refused')}, wrong ${count('wrong')} (${((count('right') / rows.length) * 100).toFixed(1)}% right)`,
    );
    if (count('wrong')) console.log(`WRONG:\n${list('wrong')}`);
    if (count('refused')) console.log(`refused:\n${list('refused')}`);
    expect(list('wrong')).toBe('');
    expect(count('right') / rows.length).toBeGreaterThanOrEqual(0.9);
  });
});
