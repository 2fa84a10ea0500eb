import { describe, expect, it } from 'vitest';
import { changePctExact } from '../../core/format/change';
import { formatNumber, formatPercent, roundHalfAwayFromZero } from '../../core/format/idNumber';
import { changePhrase, comparisonSentences, figureSentence, joinIndonesian } from '../../core/format/sentences';
import { parseIsoMonth, toIsoMonth } from '../../core/period/yearMonth';
import { coerceDate, coerceMonth, coerceNumber } from '../../core/workbook/cells';

describe('id-ID formatting', () => {
  it.each([
    [1010, 0, '1.010'],
    [104000, 0, '104.000'],
    [81.5841, 2, '81,58'],
    [-1234567.891, 1, '-1.234.567,9'],
    [0.5, 0, '1'],
    [-0.5, 0, '-1'],
    [1.005, 2, '1,01'],
    [999.5, 0, '1.000'],
  ])('formatNumber(%s, %s) = %s', (value, decimals, text) => {
    expect(formatNumber(value, decimals)).toBe(text);
  });

  it('rounds half away from zero', () => {
    expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
    expect(roundHalfAwayFromZero(-2.5, 0)).toBe(-3);
    expect(roundHalfAwayFromZero(15.15, 1)).toBe(15.2);
    expect(formatPercent(57.5757, 1)).toBe('57,6%');
  });
});

describe('changes and sentences', () => {
  it('the change rule of METRICS.md', () => {
    expect(changePctExact(1010, 1112)).toBe(-9.17);
    expect(changePctExact(5, 0)).toBeNull();
    expect(changePctExact(5, null)).toBeNull();
    expect(changePhrase(24, 25, 0)).toBe('turun 4%');
    expect(changePhrase(2, 2, 0)).toBe('sama');
    expect(changePhrase(5, 0, 0)).toBe('naik dari 0');
    // A real change never prints as "0%".
    expect(changePhrase(1001, 1000, 0)).toBe('naik 0,1%');
  });

  it('the no-base, from-zero and no-data sentences', () => {
    const base = {
      subject: 'Jumlah webinar',
      month: 'Januari 2025',
      lastYearMonth: 'Januari 2024',
      percentDecimals: 0,
    };
    // Issue 8: one sentence, the month's figure first, a missing base in words (no colon form).
    expect(comparisonSentences({ ...base, value: 3, previous: 0, lastYear: null })).toEqual([
      'Pada bulan Januari 2025, jumlah webinar sebanyak 3, naik dari 0 pada bulan sebelumnya, sedangkan data bulan Januari 2024 belum tersedia sebagai pembanding.',
    ]);
    expect(comparisonSentences({ ...base, value: null, previous: 1, lastYear: 1 })).toEqual([
      'Data jumlah webinar bulan Januari 2025 belum tersedia.',
    ]);
    expect(figureSentence({ ...base, value: 4, previous: null, lastYear: null })).toBe(
      'Pada bulan Januari 2025, jumlah webinar sebanyak 4; belum ada data pembanding untuk bulan sebelumnya maupun bulan Januari 2024.',
    );
    // Zeros as the seeds say them.
    expect(
      figureSentence({
        ...base,
        subject: 'jumlah keluhan',
        zero: 'tidak terdapat keluhan',
        value: 0,
        previous: 2,
        lastYear: 0,
      }),
    ).toBe(
      'Pada bulan Januari 2025, tidak terdapat keluhan, turun dari 2 pada bulan sebelumnya dan sama seperti bulan Januari 2024.',
    );
    expect(joinIndonesian(['a', 'b', 'c'])).toBe('a, b, dan c');
  });
});

describe('cell coercion', () => {
  it('Indonesian number text', () => {
    expect(coerceNumber('1.010')).toEqual({ ok: true, value: 1010 });
    expect(coerceNumber('81,58')).toEqual({ ok: true, value: 81.58 });
    expect(coerceNumber('1.234.567,5')).toEqual({ ok: true, value: 1234567.5 });
    expect(coerceNumber('3.5')).toEqual({ ok: true, value: 3.5 });
    expect(coerceNumber('#DIV/0!').ok).toBe(false);
  });

  it('dates as agents type them, as WIB wall-clock', () => {
    expect(coerceDate('02/01/2025 08:15')).toEqual({
      ok: true,
      value: { ms: Date.UTC(2025, 0, 2, 8, 15), hasTime: true },
    });
    expect(coerceDate('3-Apr-23')).toEqual({ ok: true, value: { ms: Date.UTC(2023, 3, 3), hasTime: false } });
    expect(coerceDate('7 Agt 2024')).toEqual({ ok: true, value: { ms: Date.UTC(2024, 7, 7), hasTime: false } });
    expect(coerceDate('29/02/2024').ok).toBe(true);
    expect(coerceDate('29/02/2025').ok).toBe(false);
    expect(coerceDate('10/01/2025 24:10').ok).toBe(false);
  });

  it('month cells', () => {
    for (const text of ['2025-01', '01/2025', 'Jan-25', 'Januari 2025', 'jan 2025']) {
      const m = coerceMonth(text);
      expect(m.ok && toIsoMonth(m.value)).toBe('2025-01');
    }
    expect(coerceMonth('2025-13').ok).toBe(false);
    expect(parseIsoMonth('2025-00')).toBeNull();
  });
});
