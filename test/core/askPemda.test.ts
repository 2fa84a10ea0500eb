/**
 * One Pemda's tickets asked by name ("kab bogor januari brp kali nanya?"): the name resolved
 * against the official list (core/region), its kind kept (Kabupaten ≠ Kota), an unknown or
 * misspelt name refused by name with the closest official one. Figures are the chat corpora's,
 * counted from the sample's rows by someone who had not read the parser: Kab. Bogor 8, Kab.
 * Sleman 7 (its 8th row is the 'Whatsap' typo, left out), Kota Manado 11 (the report's top Pemda).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Answer, Answerer } from '../../core/ask/answer';
import { type AskContext, parseQuestion } from '../../core/ask/parseQuestion';
import { sampleAskContext, sampleBuilder } from '../fixtures/sample';

let answerer: Answerer;
let ctx: AskContext;
beforeAll(async () => {
  const builder = await sampleBuilder();
  answerer = new Answerer(builder);
  ctx = sampleAskContext(builder);
});
const ask = (q: string): Answer => answerer.answer(parseQuestion(q, ctx));

describe('one Pemda by name', () => {
  it('answers its tickets of the month, whatever prefix and spelling names it', () => {
    for (const q of [
      'kab bogor januari brp kali nanya?',
      'Kab. Bogor januari 2025',
      'tiket dari kabupaten bogor januari 2025',
      'pemkab bogor jan 2025',
      'KAB BOGOR januari 2025',
    ]) {
      const a = ask(q);
      expect(a.answered, q).toEqual({ subject: 'region:kabupaten bogor', value: 8 });
      expect(a.title, q).toBe('Tiket dari Kab. Bogor — Januari 2025');
    }
    expect(ask('kab bogor januari 2025').sentences[0]).toBe(
      'Pada Januari 2025 terdapat 8 tiket dari Kab. Bogor (1% dari tiket Pemda).',
    );
    expect(ask('kab sleman jan 2025 ada brp tiket').answered?.value).toBe(7);
    expect(ask('tiket dari kota manado januari 2025').answered?.value).toBe(11);
  });

  it('keeps Kabupaten and Kota of one name apart', () => {
    const kota = ask('kota bogor januari 2025');
    expect(kota.title).toBe('Tiket dari Kota Bogor — Januari 2025');
    expect(kota.answered?.subject).toBe('region:kota bogor');
    expect(kota.answered?.value).not.toBe(ask('kab bogor januari 2025').answered?.value);
  });

  it('refuses a name off the list by name, offering the closest official name', () => {
    const typo = ask('kab bogr januari 2025');
    expect(typo.answered).toBeNull();
    expect(typo.sentences.slice(0, 2)).toEqual([
      "Belum bisa menjawab: Pemda 'kab bogr' tidak ada di daftar resmi Kemendagri.",
      "Maksud Anda 'Kabupaten Bogor'?",
    ]);
    expect(typo.suggestions[0]).toBe('konsultasi dari kabupaten bogor januari 2025');
    expect(ask('kota sleman januari 2025').sentences[1]).toBe("Maksud Anda 'Kabupaten Sleman'?");
    const none = ask('kab antah berantah januari 2025');
    expect(none.answered).toBeNull();
    expect(none.sentences[0]).toBe(
      "Belum bisa menjawab: Pemda 'kab antah berantah' tidak ada di daftar resmi Kemendagri.",
    );
  });

  it('says a month without ticket categories has no data, and refuses trends', () => {
    const dec = ask('kab bogor desember 2024');
    expect(dec.answered).toBeNull();
    expect(dec.sentences[0]).toBe('Data Desember 2024 belum tersedia; data terakhir: Januari 2025.');
    expect(ask('tren kab bogor').answered).toBeNull();
  });
});
