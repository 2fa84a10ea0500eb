/** Issue 16, language: the shipped stop-word list matches its source; chat words never block an answer; words that change a figure stay strict. */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, Answerer } from '../../core/ask/answer';
import { FILLER_WORDS, INFORMAL, STRICT_WORDS } from '../../core/ask/chatWords';
import { type AskContext, parseQuestion } from '../../core/ask/parseQuestion';
import { STOPWORDS_ID } from '../../core/ask/stopwordsId';
import { sampleAskContext, sampleBuilder } from '../fixtures/sample';

let answerer: Answerer;
let ctx: AskContext;
beforeAll(async () => {
  const builder = await sampleBuilder();
  answerer = new Answerer(builder);
  ctx = sampleAskContext(builder);
});
const ask = (q: string): Answer => answerer.answer(parseQuestion(q, ctx));
const figure = (q: string) => {
  const a = ask(q);
  return [a.answered?.subject, a.answered?.value, a.period];
};

describe('the stop-word list shipped in core', () => {
  it('is @nlpjs/lang-id’s list, word for word (regenerate: node scripts/gen-stopwords-id.mjs)', () => {
    const require = createRequire(import.meta.url);
    const { StopwordsId } = require('@nlpjs/lang-id') as { StopwordsId: new () => { dictionary: object } };
    expect([...STOPWORDS_ID]).toEqual(Object.keys(new StopwordsId().dictionary).sort());
  });

  it('never makes a word that changes the figure a filler', () => {
    for (const w of [
      'tidak',
      'bukan',
      'belum',
      'naik',
      'turun',
      'paling',
      'sebelumnya',
      'luar',
      'dalam',
      'bulan',
      'hari',
    ])
      expect(STRICT_WORDS.has(w) && !FILLER_WORDS.has(w)).toBe(true);
    // An informal word maps onto a standard one, never onto nothing.
    for (const [from, to] of Object.entries(INFORMAL)) expect(to.length, from).toBeGreaterThan(0);
  });
});

describe('chat words never block an answer (issue 16)', () => {
  it.each([
    ['kemaren', 'kemarin'],
    ['rame', 'ramai'],
    ['byk', 'banyak'],
    ['dikit', 'sedikit'],
    ['bandingin', 'bandingkan'],
    ['sl', 'service level'],
  ])('%s → %s', (informal, standard) => {
    expect(INFORMAL[informal]).toBe(standard);
  });

  it('each word of the issue’s list no longer refuses an answerable question', () => {
    const asked: [string, unknown[]][] = [
      ['topik yg paling sering ditanyain januari 2025', ['section:topik', 167, 'Januari 2025']],
      ['soal DAU januari 2025 ada brp', ['konsultasi.topik.dau', 157, 'Januari 2025']],
      ['nanya ttg DBH januari 2025 brp', ['konsultasi.topik.dbh', 167, 'Januari 2025']],
      ['konsultasi januari 2025 gmn', ['konsultasi.total', 1010, 'Januari 2025']],
      ['keluhan januari 2025 ada ga', ['pengaduan.jenis.keluhan', 0, 'Januari 2025']],
      ['SL telepon januari 2025 nyampe target ga?', ['telepon.serviceLevel', 81.25, 'Januari 2025']],
      ['tiket dipegang sama linna januari 2025', ['agent:Linna', 195, 'Januari 2025']],
      ['kanal paling sepi januari 2025', ['rank:kanal:least', 4, 'Januari 2025']],
      ['kanal paling rame januari 2025', ['rank:kanal:most', 695, 'Januari 2025']],
      ['agen paling byk tiket januari 2025', ['agents', 215, 'Januari 2025']],
      ['agen yg nerima tiket paling dikit januari 2025', ['agents:least', 186, 'Januari 2025']],
      ['tiket yg dipegang horas januari 2025', ['agent:Horas', 186, 'Januari 2025']],
      ['tiket si dian januari 2025 aja', ['agent:Dian', 199, 'Januari 2025']],
      ['kepuasan januari 2025 capai target?', ['kepuasan.rataRata', 5, 'Januari 2025']],
      ['kepuasan pelanggan januari 2025', ['section:kepuasan', 5, 'Januari 2025']],
      ['email januari 2025 naik atau turun?', ['konsultasi.kanal.email', 219, 'Januari 2025 dan Desember 2024']],
      ['konsultasi januari 2025 bandingin desember 2024', ['konsultasi.total', 1010, 'Januari 2025 dan Desember 2024']],
      ['tiketnya whatsapp januari 2025 brp kak', ['konsultasi.kanal.whatsapp', 695, 'Januari 2025']],
      ['live chat januari 2025 brp sih, kayaknya sepi bgt', ['konsultasi.kanal.livechat', 4, 'Januari 2025']],
    ];
    for (const [q, expected] of asked) expect(figure(q), q).toEqual(expected);
  });

  it('an unknown word that could change the figure still refuses, naming it', () => {
    const refused: [string, string][] = [
      ['tiket bukan pemda januari 2025', 'bukan'],
      ['tiket WA sama email januari 2025', 'sama'],
      ['konsultasi kecamatan januari 2025', 'kecamatan'],
      ['followers linkedin januari', 'linkedin'],
    ];
    for (const [q, word] of refused) {
      const answer = ask(q);
      expect(answer.answered, q).toBeNull();
      expect(answer.sentences[0], q).toContain(`'${word}'`);
    }
  });

  it('"berapa pengaduan januari 2025" is the Pengaduan section’s headline, as the report states it, with its split', () => {
    const answer = ask('berapa pengaduan januari 2025');
    expect(answer.answered).toMatchObject({ subject: 'pengaduan.total', value: 4 });
    expect(answer.sentences[0]).toContain('sebanyak 4, turun 50% dibandingkan bulan sebelumnya (8)');
    expect(answer.sentences).toContain('Terdiri dari 4 pengaduan dan 0 keluhan.');
    expect(figure('jenis pengaduan januari 2025')).toEqual(['pengaduan.jenis.pengaduan', 4, 'Januari 2025']);
  });

  it('channel × service hours, rankings, target met', () => {
    expect(figure('tiket WA di luar jam layanan januari 2025')).toEqual(['jam:luar:whatsapp', 29, 'Januari 2025']);
    expect(figure('tiket email luar jam layanan januari 2025')).toEqual(['jam:luar:email', 6, 'Januari 2025']);
    expect(ask('kanal paling sepi januari 2025').sentences[0]).toBe(
      'Kanal dengan tiket paling sedikit pada Januari 2025: Live Chat (4 tiket).',
    );
    expect(ask('unit layer 2 paling byk januari 2025').sentences[0]).toContain('SIPT (19 tiket dieskalasi)');
    expect(ask('SL telepon januari 2025 nyampe target?').sentences[0]).toBe(
      'Tingkat Layanan Telepon Januari 2025 adalah 81%, memenuhi target 80%.',
    );
    expect(ask('kepuasan januari 2025 nyampe target?').sentences[0]).toBe(
      'Rata-rata Nilai Kepuasan Januari 2025 adalah 5,00, memenuhi target 3,5.',
    );
    // Only two figures have targets in Pengaturan.
    expect(ask('whatsapp januari 2025 nyampe target?').answered).toBeNull();
  });
});
