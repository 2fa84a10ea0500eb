/**
 * Issue 16, periods and follow-ups, through the bot's own path (Brain.ask with a conversation).
 * "Now" is Monday 10 February 2025, 00:30 WIB — still Sunday 9 February in UTC and New York — so
 * "hari ini" and "kemarin" must be counted in WIB under every zone the suite runs in.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { Brain, CONVERSATION_TTL_MS, MAX_CONVERSATIONS } from '../../bot/brain';
import { CachedSource } from '../../bot/sources/cachedSource';
import { XlsxSource } from '../../formats/xlsx/xlsxSource';
import { SAMPLE_XLSX } from '../fixtures/sample';

let now = Date.UTC(2025, 1, 9, 17, 30);
let brain: Brain;
beforeEach(() => {
  now = Date.UTC(2025, 1, 9, 17, 30);
  brain = new Brain(new CachedSource(new XlsxSource(SAMPLE_XLSX), 3_600_000), () => now);
});

/** Asks the turns in one conversation; each answer as [subject, value, period, first sentence]. */
async function chat(...turns: string[]) {
  const out: [string | undefined, number | null | undefined, string | null | undefined, string | undefined][] = [];
  const conversation = `c${Math.random()}`;
  for (const t of turns) {
    const a = (await brain.ask(t, { conversation })).answer;
    out.push([a?.answered?.subject, a?.answered?.value, a?.period, a?.sentences[0]]);
  }
  return out;
}
async function one(q: string) {
  const [first] = await chat(q);
  if (!first) throw new Error(q);
  return first;
}

describe('periods as people say them', () => {
  it('hari ini, kemarin, minggu ini, minggu lalu: days of WIB, said to have no data yet, never a month', async () => {
    const cases: [string, string][] = [
      ['konsultasi hari ini', 'hari ini (10 Februari 2025)'],
      ['tiket kemarin brp?', 'kemarin (9 Februari 2025)'],
      ['brp tiket WA kemarin?', 'kemarin (9 Februari 2025)'],
      ['konsultasi kemaren', 'kemarin (9 Februari 2025)'],
      ['konsultasi minggu ini', 'minggu ini (10 Februari 2025)'],
      ['konsultasi minggu lalu', 'minggu lalu (3–9 Februari 2025)'],
    ];
    for (const [q, period] of cases) {
      const [subject, value, shown, sentence] = await one(q);
      expect([subject, value, shown], q).toEqual([undefined, undefined, period]);
      expect(sentence, q).toMatch(/^Belum ada data .* catatan terakhir bertanggal 29 Januari 2025\.$/);
    }
  });

  it('minggu ke-n of a named month: Monday–Sunday weeks, week 1 holds the 1st, each cut to the month', async () => {
    expect(await one('konsultasi minggu ke-3 januari 2025')).toEqual([
      'konsultasi.total',
      286,
      'minggu ke-3 Januari 2025 (13–19 Januari 2025)',
      'Jumlah tiket konsultasi pada minggu ke-3 Januari 2025 (13–19 Januari 2025) sebanyak 286.',
    ]);
    expect((await one('minggu ketiga januari 2025 ada brp tiket'))[1]).toBe(286);
    // 1 January 2025 is a Wednesday: week 1 is 1–5 January, not 30 December – 5 January.
    expect((await one('konsultasi minggu ke-1 januari 2025'))[2]).toBe('minggu ke-1 Januari 2025 (1–5 Januari 2025)');
    expect((await one('konsultasi minggu terakhir januari 2025'))[2]).toBe(
      'minggu ke-5 Januari 2025 (27–31 Januari 2025)',
    );
    expect((await one('tiket minggu ke-7 januari 2025'))[3]).toContain('bukan tanggal atau bulan yang ada');
  });

  it('"tahun lalu" next to a named month is that month a year earlier; "bulan sebelumnya" counts from the month named', async () => {
    expect(await one('konsultasi januari 2025 dibanding tahun lalu')).toEqual([
      'konsultasi.total',
      1010,
      'Januari 2025 dan Januari 2024',
      'Jumlah tiket konsultasi di bulan Januari 2025 (1.010) turun 23% dibandingkan Januari 2024 (1.304).',
    ]);
    expect((await one('pengunjung website januari 2025 dibanding tahun lalu'))[3]).toContain('Januari 2024 (58.000)');
    expect((await one('email januari 2025 dibanding tahun lalu'))[3]).toContain('Januari 2024 (181)');
    expect((await one('tiket juli 2023 dibanding bulan sebelumnya'))[3]).toContain('Juni 2023 (1.315)');
    expect((await one('whatsapp januari tahun lalu')).slice(0, 3)).toEqual([
      'konsultasi.kanal.whatsapp',
      1028,
      'Januari 2024',
    ]);
  });

  it('a day or a week is never answered with a month', async () => {
    for (const q of [
      'konsultasi kemarin',
      'whatsapp hari ini',
      'tiket minggu ini',
      'email minggu lalu',
      'konsultasi minggu ke-2 februari 2025',
      'chatbot tgl 8 februari 2025',
    ]) {
      const [, , period] = await one(q);
      expect(period, q).not.toMatch(/^(Januari|Februari|Desember) 20\d\d$/);
    }
    // And with data, the day's own count: 15 January, not January.
    expect(await one('konsultasi 15 jan 2025')).toEqual([
      'konsultasi.total',
      52,
      '15 Januari 2025',
      'Jumlah tiket konsultasi pada 15 Januari 2025 sebanyak 52.',
    ]);
  });
});

describe('follow-ups change one part of the last question', () => {
  it('the period ("kalau februari?", "trus yg minggu 13–19 jan?", "kalau tgl 3?")', async () => {
    const [, feb] = await chat('whatsapp januari 2025', 'kalau februari?');
    expect(feb).toEqual([
      undefined,
      undefined,
      'Februari 2025',
      'Data Februari 2025 belum tersedia; data terakhir: Januari 2025.',
    ]);
    const weeks = await chat('tiket minggu 6-12 jan brp', 'trus yg minggu 13–19 jan?');
    expect(weeks.map((t) => t[1])).toEqual([285, 286]);
    const days = await chat('tiket 2 jan 2025', 'yg WA?', 'kalau tgl 3?');
    expect(days.map((t) => [t[0], t[1], t[2]])).toEqual([
      ['konsultasi.total', 50, '2 Januari 2025'],
      ['konsultasi.kanal.whatsapp', 34, '2 Januari 2025'],
      ['konsultasi.kanal.whatsapp', 51, '3 Januari 2025'],
    ]);
    // A bare month is the one nearest the month talked about: December before January 2025.
    expect((await chat('pengunjung website januari 2025', 'kalau desember?'))[1]?.slice(0, 3)).toEqual([
      'website.pengunjung',
      90000,
      'Desember 2024',
    ]);
  });

  it('the breakdown ("yg WA aja", a channel, a platform, an agent, a unit)', async () => {
    expect((await chat('tiket luar jam layanan januari 2025', 'yg WA aja', 'kalau email?')).map((t) => t[1])).toEqual([
      42, 29, 6,
    ]);
    expect((await chat('followers IG jan', 'twitter?', 'FB?')).map((t) => t[1])).toEqual([118723, 16612, 14278]);
    expect((await chat('tiket linna januari', 'kalau hanna?')).map((t) => [t[0], t[1]])).toEqual([
      ['agent:Linna', 195],
      ['agent:Hanna', 215],
    ]);
    expect((await chat('layer 2 bulan lalu', 'yg DTU aja', 'capaiannya brp?')).map((t) => t[1])).toEqual([
      67, 15, 118.66666666666667,
    ]);
    expect((await chat('topik DBH januari', 'yg lewat WA brp', 'email?')).map((t) => t[1])).toEqual([167, 128, 31]);
  });

  it('the comparison, the ranking direction, the share, the target', async () => {
    const compared = await chat('konsultasi maret 2023', 'dibanding bulan sebelumnya gmn');
    expect(compared[1]?.[3]).toBe(
      'Jumlah tiket konsultasi di bulan Maret 2023 (1.771) naik 39% dibandingkan Februari 2023 (1.271).',
    );
    expect(
      (await chat('agen paling byk tiket januari', 'paling dikit?', 'kalau minggu 20-26 jan?')).map((t) => [
        t[0],
        t[1],
      ]),
    ).toEqual([
      ['agents', 215],
      ['agents:least', 186],
      ['agents:least', 44],
    ]);
    expect((await chat('pemda bln lalu brp', 'persennya?'))[1]?.[1]).toBeCloseTo(81.58, 2);
    const target = await chat('SL telepon januari brp', 'nyampe target ga?', 'kalau desember?');
    expect(target[1]?.[3]).toBe('Tingkat Layanan Telepon Januari 2025 adalah 81%, memenuhi target 80%.');
    expect(target[2]?.[3]).toBe('Data Desember 2024 belum tersedia; data terakhir: Januari 2025.');
  });

  it('"minggu itu" is the week talked about; a complete question keeps the conversation’s period', async () => {
    const t = await chat(
      'tiket minggu 6-12 jan brp',
      'trus minggu 13-19 jan?',
      'agen paling byk minggu itu siapa',
      'yg WA aja?',
    );
    expect(t.slice(2).map((x) => [x[0], x[1], x[2]])).toEqual([
      ['agents', 71, '13–19 Januari 2025'],
      ['agents:whatsapp', 49, '13–19 Januari 2025'],
    ]);
    expect((await chat('tiket juli 2023', 'WA nya brp?'))[1]?.[3]).toBe(
      'Data Juli 2023 belum tersedia; data terakhir: Januari 2025.',
    );
  });

  it('a complete question is answered as itself, whatever came before (seen on a rendered card)', async () => {
    // "konsultasi" names the ticket total: it is no follow-up of TikTok's followers.
    const t = await chat('followers tiktok januari 2025', 'konsultasi januari 2025', 'tiket desember 2024');
    expect(t.map((x) => [x[0], x[1], x[2]])).toEqual([
      [undefined, undefined, 'Januari 2025'],
      ['konsultasi.total', 1010, 'Januari 2025'],
      ['konsultasi.total', 1112, 'Desember 2024'],
    ]);
    expect((await chat('topik DBH januari 2025', 'pengunjung website'))[1]?.slice(0, 3)).toEqual([
      'website.pengunjung',
      104000,
      'Januari 2025',
    ]);
  });

  it('"bantuan", "segarkan", "kapan data diperbarui" mid-chat are themselves, and the chat goes on (Agents Playground)', async () => {
    // Merged into the last question, "bantuan" was read as 'satuan' and refused.
    const t = await chat(
      'konsultasi januari 2025',
      'bantuan',
      'kalau desember 2024?',
      'tolong',
      'segarkan',
      'kapan data terakhir diperbarui?',
      'yg WA aja',
    );
    expect(t.map((x) => [x[0], x[1], x[2]])).toEqual([
      ['konsultasi.total', 1010, 'Januari 2025'],
      [undefined, undefined, null],
      ['konsultasi.total', 1112, 'Desember 2024'],
      [undefined, undefined, null],
      [undefined, undefined, null],
      ['freshness', 24300, 'Januari 2025'],
      ['konsultasi.kanal.whatsapp', 771, 'Desember 2024'],
    ]);
    expect(t[1]?.[3]).toMatch(/^Tanyakan angka layanan informasi DJPK/);
    expect(t[3]?.[3]).toMatch(/^Tanyakan angka layanan informasi DJPK/);
    expect(t[4]?.[3]).toBe('Data spreadsheet telah dimuat ulang.');
  });

  it('a follow-up with nothing to follow asks back with buttons, never a guess', async () => {
    for (const q of ['dibanding bulan sebelumnya gmn?', 'naik atau turun?', 'terus hanna gmn?', 'kalau februari?']) {
      const reply = await brain.ask(q, { conversation: `fresh${q}` });
      expect(reply.answer?.answered, q).toBeNull();
      expect(reply.answer?.sentences[0], q).toMatch(/\?$/);
      expect(reply.answer?.suggestions.length, q).toBeGreaterThanOrEqual(2);
    }
    // Without a conversation id, the same words are never answered from another chat's question.
    await brain.ask('whatsapp januari 2025', { conversation: 'a' });
    expect((await brain.ask('kalau februari?', { conversation: 'b' })).answer?.answered).toBeNull();
    expect((await brain.ask('kalau februari?')).answer?.answered).toBeNull();
  });

  it('a figure alone as the first message asks for its period, offering the latest months (held-out corpus)', async () => {
    const reply = await brain.ask('kalau yg WA aja?', { conversation: 'fresh-wa' });
    expect(reply.answer?.answered).toBeNull();
    expect(reply.answer?.sentences[0]).toBe('Pertanyaan sebelumnya tidak ada di percakapan ini. Untuk bulan apa?');
    expect(reply.answer?.suggestions).toEqual([
      'whatsapp januari 2025',
      'whatsapp desember 2024',
      'tren whatsapp 12 bulan',
    ]);
  });

  it('a comparison followed by another figure keeps its direction (held-out corpus: "kalau live chat?")', async () => {
    const t = await chat('help desk januari', 'naik atau turun?', 'kalau live chat?');
    expect(t[2]?.[3]).toBe(
      'Jumlah konsultasi melalui Live Chat di bulan Januari 2025 (4) turun 69% dibandingkan Desember 2024 (13).',
    );
  });

  it('the memory is bounded and forgets after 30 minutes', async () => {
    await brain.ask('whatsapp januari 2025', { conversation: 'x' });
    now += CONVERSATION_TTL_MS + 1;
    expect((await brain.ask('kalau desember?', { conversation: 'x' })).answer?.title).toBe('Pertanyaan yang mana?');
    for (let i = 0; i < MAX_CONVERSATIONS + 50; i++)
      await brain.ask('konsultasi januari 2025', { conversation: `n${i}` });
    expect(brain.conversationCount).toBe(MAX_CONVERSATIONS);
  });
});

describe('a follow-up never turns a complete question into another figure', () => {
  it('every phrasing-table question that names its period answers the same after any other one', async () => {
    const { PHRASINGS } = await import('../fixtures/askPhrasings');
    // A period alone ("januari 2025") is a follow-up in a conversation by design: left out.
    const periodOnly = /^(\w+ )?\d{4}(-\d\d)?$|^(triwulan|kuartal|semester|q\d)/i;
    const complete = PHRASINGS.filter(([q, e]) => e !== 'refuse' && /\d{4}|bulan (lalu|ini)/.test(q))
      .map(([q]) => q)
      .filter((q) => !periodOnly.test(q));
    const alone = new Map<string, unknown>();
    for (const q of complete) {
      const a = (await brain.ask(q)).answer;
      alone.set(q, [a?.answered?.subject, a?.answered?.value, a?.period]);
    }
    const differs: string[] = [];
    // Each question after a spread of others (a deterministic stride through the table).
    for (let i = 0; i < complete.length; i++) {
      for (const stride of [1, 7, 31]) {
        const before = complete[(i + stride) % complete.length] ?? '';
        const q = complete[i] ?? '';
        const conversation = `p${i}:${stride}`;
        await brain.ask(before, { conversation });
        const a = (await brain.ask(q, { conversation })).answer;
        const got = [a?.answered?.subject, a?.answered?.value, a?.period];
        if (JSON.stringify(got) !== JSON.stringify(alone.get(q)))
          differs.push(`${before} → ${q}: ${JSON.stringify(got)} (alone ${JSON.stringify(alone.get(q))})`);
      }
    }
    expect(complete.length).toBeGreaterThan(100);
    expect(differs).toEqual([]);
  });
});
