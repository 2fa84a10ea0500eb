/**
 * The bot's place questions (issue 20): a province's or island group's tickets, and its Pemda with
 * the most tickets; unknown places refused by name. Figures: Jawa Timur's 168 tickets are the
 * independent count of test/core/provinces.test.ts; Sulawesi's Pemda and their counts are the
 * sample's January 2025 rows (Kota Manado 11, Kab. Banggai 8, Kab. Bone 8: the sheet's own).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, Answerer } from '../../core/ask/answer';
import { askInConversation } from '../../core/ask/conversation';
import { type AskContext, parseQuestion } from '../../core/ask/parseQuestion';
import { findRegions } from '../../core/ask/regions';
import { sampleAskContext, sampleBuilder } from '../fixtures/sample';

let answerer: Answerer;
let ctx: AskContext;
beforeAll(async () => {
  const builder = await sampleBuilder();
  answerer = new Answerer(builder);
  ctx = sampleAskContext(builder);
});
const ask = (q: string): Answer => answerer.answer(parseQuestion(q, ctx));

describe('questions about a place', () => {
  it('"konsultasi dari Jawa Timur januari 2025": the province’s tickets, with its Pemda', () => {
    const answer = ask('konsultasi dari Jawa Timur januari 2025');
    expect(answer.answered).toEqual({
      subject: 'region:jawa timur',
      value: 168,
      metric: 'konsultasi.provinsi.jawatimur',
    });
    expect(answer.title).toBe('Tiket dari Provinsi Jawa Timur — Januari 2025');
    expect(answer.sentences[0]).toBe(
      'Pada Januari 2025 terdapat 168 tiket dari Pemda di Provinsi Jawa Timur (20% dari tiket Pemda).',
    );
    expect(answer.table?.rows[0]).toEqual(['Kab. Probolinggo', 11]);
    // Short names of the province ask the same.
    for (const q of ['tiket dari jatim januari 2025', 'konsultasi provinsi jawa timur januari 2025'])
      expect(ask(q).answered, q).toMatchObject({ subject: 'region:jawa timur', value: 168 });
  });

  it('"pemda mana paling banyak di Sulawesi": the island group’s provinces, its first Pemda, of the latest month', () => {
    const answer = ask('pemda mana paling banyak di Sulawesi');
    expect(answer.answered).toEqual({ subject: 'region:pulau sulawesi:top', value: 11 });
    expect(answer.period).toBe('Januari 2025');
    expect(answer.sentences[0]).toBe(
      'Pemda dengan tiket terbanyak di wilayah Sulawesi (6 provinsi) pada Januari 2025: Kota Manado (11 tiket), dari 69 tiket Pemda di wilayah tersebut.',
    );
    expect(answer.table?.rows.slice(0, 3)).toEqual([
      ['Kota Manado', 11],
      ['Kab. Banggai', 8],
      ['Kab. Bone', 8],
    ]);
    // The island group's tickets are its provinces' (4 with tickets of 6).
    const tickets = ask('tiket dari pulau sulawesi januari 2025');
    expect(tickets.answered?.value).toBe(69);
    expect(tickets.table?.rows.map((r) => r[0])).toHaveLength(6);
  });

  it('"Papua" alone is the province, and the answer says how to ask for the island group', () => {
    const answer = ask('tiket dari papua januari 2025');
    expect(answer.answered).toMatchObject({ subject: 'region:papua', value: 7 });
    expect(answer.sentences[1]).toBe("Untuk seluruh wilayah Papua (6 provinsi), tanyakan 'pulau papua'.");
    expect(ask('tiket dari pulau papua januari 2025').answered).toEqual({ subject: 'region:pulau papua', value: 14 });
  });

  it('an unknown place is refused by its name, never read as the nearest place', () => {
    for (const [q, place] of [
      ['konsultasi dari Jawa Utara januari 2025', 'jawa utara'],
      ['pemda terbanyak di provinsi borneo', 'borneo'],
      ['tiket dari sulawesi pusat januari 2025', 'sulawesi pusat'],
      ['konsultasi provinsi kalimantan januari 2025', 'kalimantan'],
    ]) {
      const answer = ask(q as string);
      expect(answer.answered, q).toBeNull();
      expect(answer.sentences[0], q).toContain(`wilayah '${place}' tidak dikenal`);
    }
    // A word the bot does not know at all is named as such.
    expect(ask('konsultasi dari borneo januari 2025').sentences[0]).toContain("'borneo'");
  });

  it('refuses what it cannot answer by place, saying what it can', () => {
    const refusals: [string, string][] = [
      ['whatsapp dari jatim januari 2025', "bukan 'whatsapp'"],
      ['konsultasi dari jawa timur dan bali januari 2025', 'satu provinsi atau satu pulau'],
      ['tren konsultasi dari jawa timur', 'tren atau perbandingan tiket per wilayah'],
      ['konsultasi dari jawa timur minggu lalu', 'hanya tersedia per bulan'],
    ];
    for (const [q, reason] of refusals) {
      const answer = ask(q);
      expect(answer.answered, q).toBeNull();
      expect(answer.sentences[0], q).toContain(reason);
    }
  });

  it('the province table as a whole, and the same answers inside a conversation', () => {
    const table = ask('tiket per provinsi januari 2025');
    expect(table.answered).toMatchObject({ subject: 'section:provinsi', value: 168 });
    // At Teams width: province and count only, the provinces with tickets.
    expect(table.table?.columns.map((c) => c.header)).toEqual(['Provinsi', 'Tiket']);
    expect(table.table?.rows.slice(0, 2)).toEqual([
      ['Jawa Timur', 168],
      ['Jawa Tengah', 157],
    ]);
    const turn = askInConversation('konsultasi dari Jawa Timur januari 2025', ctx, null);
    expect(turn.question).toMatchObject({ kind: 'region', top: false });
  });

  it('reads places from the words a person types', () => {
    const names = (q: string) =>
      findRegions(q).regions.map((r) =>
        r.kind === 'province' ? r.province.name : r.kind === 'island' ? `pulau ${r.island.name}` : r.pemda.name,
      );
    expect(names('tiket dari nusa tenggara barat')).toEqual(['Nusa Tenggara Barat']);
    expect(names('tiket dari nusa tenggara')).toEqual(['pulau Bali dan Nusa Tenggara']);
    expect(names('pemda di kepulauan riau')).toEqual(['Kepulauan Riau']);
    expect(names('pemda di diy')).toEqual(['DI Yogyakarta']);
    expect(names('pemda di sulsel')).toEqual(['Sulawesi Selatan']);
    expect(names('pemda di wilayah maluku')).toEqual(['pulau Maluku']);
    expect(names('pemda di maluku utara')).toEqual(['Maluku Utara']);
    expect(names('konsultasi per provinsi')).toEqual([]);
    expect(findRegions('konsultasi per provinsi').unknown).toEqual([]);
  });
});
