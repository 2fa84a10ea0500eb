import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Brain } from '../../bot/brain';
import { CachedSource } from '../../bot/sources/cachedSource';
import { METRIC_SYNONYMS } from '../../core/ask/vocabulary';
import { cardBytes } from '../../core/render/cards';
import { XlsxSource } from '../../formats/xlsx/xlsxSource';
import { SAMPLE_XLSX } from '../fixtures/sample';

let brain: Brain;
beforeAll(async () => {
  brain = new Brain(new CachedSource(new XlsxSource(SAMPLE_XLSX), 60_000), () => Date.UTC(2025, 1, 10));
  await brain.ask('bantuan');
});

const WORDS = [
  ...METRIC_SYNONYMS.map(([w]) => w),
  'vs',
  'januari',
  'des',
  'tren',
  's.d.',
  'triwulan',
  'q3',
  '2024',
  'bulan lalu',
  'top',
  'pemda',
  '12 bulan',
  '99 bulan',
  '0 bulan',
  'semester',
  '3000',
  '-',
  '<at>',
  '</at>',
  '??',
  '2025-13',
  '31/02/2025',
];

describe('fuzz: any text gets a reply, never an exception', () => {
  it('10.000 random and garbled strings', async () => {
    const garbled = fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' '));
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      garbled,
      fc.mixedCase(garbled),
    );
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const reply = await brain.ask(t);
        expect(reply.card.type).toBe('AdaptiveCard');
        expect(reply.text.length).toBeGreaterThan(0);
        expect(cardBytes(reply.card)).toBeLessThan(40_000);
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);
});
