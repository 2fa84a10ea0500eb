/**
 * Issue 10's measure: every phrasing of the table asked against the bundled sample, answered with
 * the expected figure or refused; precision (no wrong figure, ever) and coverage are printed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, Answerer, HELP_EXAMPLES } from '../../core/ask/answer';
import { type AskContext, parseQuestion } from '../../core/ask/parseQuestion';
import { familyWords, labelWords } from '../../core/ask/vocabulary';
import type { ReportBuilder } from '../../core/metrics/report';
import { monthIndex } from '../../core/period/yearMonth';
import { PHRASINGS } from '../fixtures/askPhrasings';
import { sampleBuilder } from '../fixtures/sample';

let builder: ReportBuilder;
let answerer: Answerer;
let ctx: AskContext;
const NOW_DAY = Date.UTC(2025, 1, 10) / 86_400_000;

beforeAll(async () => {
  builder = await sampleBuilder();
  answerer = new Answerer(builder);
  ctx = {
    currentMonth: monthIndex(2025, 2),
    monthsWithData: builder.figures.monthsWithData(),
    today: NOW_DAY,
    metrics: builder.figures.defs().map((d) => ({ key: d.key, label: d.label })),
  };
});

const ask = (q: string): Answer => answerer.answer(parseQuestion(q, ctx));

/** Tickets of the sample counted directly from its rows: an independent check of day ranges. */
function ticketsBetween(from: string, to: string, channel?: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T23:59:59Z`);
  return builder.wb.tiket
    .filter((t) => t.tanggal.ms >= a && t.tanggal.ms <= b && (!channel || t.kanal === channel))
    .reduce((n, t) => n + t.jumlah, 0);
}

describe('the phrasing table', () => {
  it('has at least 300 phrasings, refusals among them', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(300);
    expect(PHRASINGS.filter(([, e]) => e === 'refuse').length).toBeGreaterThanOrEqual(25);
  });

  it('precision: no wrong figure; coverage printed', () => {
    const wrong: string[] = [];
    const missed: string[] = [];
    let correct = 0;
    let answered = 0;
    for (const [question, expected] of PHRASINGS) {
      const answer = ask(question);
      const got = answer.answered;
      if (got) answered++;
      if (expected === 'refuse') {
        if (got) wrong.push(`${question} → ${got.subject} ${got.value} (expected a refusal)`);
        continue;
      }
      if (!got) {
        missed.push(`${question} → ${answer.sentences[0]}`);
        continue;
      }
      const valueOk =
        expected.value === undefined ||
        (got.value !== null &&
          Math.abs((expected.rounded ? Math.round(got.value) : got.value) - expected.value) < 1e-9);
      if (got.subject !== expected.subject || answer.period !== expected.period || !valueOk) {
        wrong.push(
          `${question} → ${got.subject} ${answer.period} ${got.value} (expected ${expected.subject} ${expected.period} ${expected.value ?? ''})`,
        );
      } else correct++;
    }
    const answerable = PHRASINGS.filter(([, e]) => e !== 'refuse').length;
    const precision = answered ? correct / answered : 1;
    const coverage = correct / answerable;
    console.log(
      `phrasing table: ${PHRASINGS.length} phrasings, ${answerable} answerable; answered ${answered}, correct ${correct}, wrong ${wrong.length}; precision ${(precision * 100).toFixed(1)}%, coverage ${(coverage * 100).toFixed(1)}%`,
    );
    if (missed.length) console.log(`not answered:\n${missed.join('\n')}`);
    expect(wrong).toEqual([]);
    expect(coverage).toBeGreaterThanOrEqual(0.95);
  });

  it('days and date ranges are counted from the rows dated in them', () => {
    expect(ask('konsultasi 6-12 januari 2025').answered?.value).toBe(ticketsBetween('2025-01-06', '2025-01-12'));
    expect(ask('whatsapp 1 s.d. 15 januari 2025').answered?.value).toBe(
      ticketsBetween('2025-01-01', '2025-01-15', 'whatsapp'),
    );
    expect(ask('konsultasi tanggal 2 januari 2025').answered?.value).toBe(ticketsBetween('2025-01-02', '2025-01-02'));
    // A week across two months adds both months' rows.
    expect(ask('konsultasi 30 desember 2024 sampai 5 januari 2025').answered?.value).toBe(
      ticketsBetween('2024-12-30', '2025-01-05'),
    );
    // The whole month by days is the month's figure.
    expect(ask('konsultasi 1-31 januari 2025').answered?.value).toBe(1010);
  });

  it('refusals name what was not understood and never carry a figure', () => {
    const answer = ask('konsultasi 13/2024');
    expect(answer.sentences[0]).toBe("Belum bisa menjawab: '13/2024' bukan tanggal atau bulan yang ada.");
    expect(answer.facts).toEqual([]);
    expect(ask('followers linkedin januari').sentences[0]).toContain("'linkedin'");
    expect(ask('pengunjung website minggu lalu').sentences[0]).toContain('hanya dicatat per bulan');
    expect(ask('konsultasi hari ini').sentences[0]).toContain('catatan terakhir bertanggal');
  });

  it('"bulan ini" without data says so and gives no other month\'s figure; the latest month is a button', () => {
    for (const q of ['konsultasi bulan ini', 'ringkasan bulan ini', 'kanal bulan ini', 'top pemda bulan ini']) {
      const answer = ask(q);
      expect(answer.answered, q).toBeNull();
      expect(answer.facts, q).toEqual([]);
      expect(answer.sentences, q).toEqual(['Data Februari 2025 belum tersedia; data terakhir: Januari 2025.']);
      expect(answer.suggestions[0], q).toMatch(/januari 2025$/);
    }
  });

  it('Layer 2 names the fastest and slowest unit in its first sentence', () => {
    expect(ask('layer 2 januari 2025').sentences[0]).toBe(
      'Unit Layer 2 tercepat pada Januari 2025: Sekretariat, P2D, dan DDIOKK (capaian 120,0); paling lambat: SIPT (114,7).',
    );
  });
});

describe('every catalog metric is askable by its label', () => {
  it('a question made from each label gets that key', () => {
    const failures: string[] = [];
    const defs = builder.figures.defs();
    for (const def of defs) {
      // A province is asked by its name ("dari Jawa Timur"), answered by place: test/core/askRegions.test.ts.
      if (/^konsultasi\.provinsi\.[a-z]+$/.test(def.key)) continue;
      // Two labels with the same words (topic "Pengaduan", the kind "Pengaduan") need the family word.
      const twin = defs.some(
        (d) => d.key !== def.key && labelWords(d.label).sort().join() === labelWords(def.label).sort().join(),
      );
      const question = `${twin ? `${familyWords(def.key).join(' ')} ` : ''}${def.label} januari 2025`;
      const parsed = parseQuestion(question, ctx);
      if (parsed.kind !== 'figure' || parsed.metric !== def.key)
        failures.push(`${question} → ${JSON.stringify(parsed)}`);
    }
    expect(defs.length).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });

  it('a metric added to the catalog is askable without touching the vocabulary', () => {
    const metrics = [...(ctx.metrics ?? []), { key: 'konsultasi.kanal.telegram', label: 'Telegram' }];
    expect(parseQuestion('berapa telegram januari 2025', { ...ctx, metrics })).toMatchObject({
      kind: 'figure',
      metric: 'konsultasi.kanal.telegram',
    });
  });
});

describe('every button works', () => {
  it('every suggestion on every card of the corpus is answered with figures', () => {
    const seen = new Set<string>();
    let queue = [...HELP_EXAMPLES, ...PHRASINGS.map(([q]) => q)].flatMap((q) => ask(q).suggestions);
    queue.push(...answerer.help('whatsapp').suggestions);
    const broken: string[] = [];
    // Buttons of buttons too, two levels deep.
    for (let depth = 0; depth < 3 && queue.length; depth++) {
      const next: string[] = [];
      for (const button of queue) {
        if (seen.has(button)) continue;
        seen.add(button);
        const answer = ask(button);
        const hasFigures = answer.facts.length > 0 || answer.table !== null || answer.sentences.length > 0;
        if (!answer.answered || !hasFigures) broken.push(`${button} → ${answer.sentences[0]}`);
        next.push(...answer.suggestions);
      }
      queue = next;
    }
    expect(seen.size).toBeGreaterThan(80);
    expect(broken).toEqual([]);
  });
});
