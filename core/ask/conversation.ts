/**
 * Follow-ups (issue 16): a conversation keeps the last question understood — the words that named
 * its figure, its period, the way it was asked — and a follow-up changes one part of it ("kalau
 * februari?", "yg WA aja", "dibanding bulan sebelumnya gmn", "trus yg minggu 13–19 jan?"). The
 * merged question is parsed again as text, so a follow-up is answered exactly as the full question
 * would be. A follow-up with nothing to follow gets a short question back, never a guess.
 */
import { monthLabel } from '../format/idDate';
import { type MonthIndex, monthOfWallClock } from '../period/yearMonth';
import { FOLLOW_UP_WORDS, TARGET_WORDS } from './chatWords';
import {
  type AskContext,
  agentWord,
  asksForHelp,
  daysText,
  normalizeQuestion,
  parseQuestion,
  type Question,
  type QuestionWords,
  questionWords,
} from './parseQuestion';
import { questionTooLong } from './questionLimit';
import {
  BREAKDOWN_WORDS,
  COMPARE_WORDS,
  DOWNLOAD_WORDS,
  labelWords,
  RANK_WORDS,
  SHARE_WORDS,
  SOFT_WORDS,
  SUMMARY_WORDS,
  TREND_WORDS,
} from './vocabulary';

/** What a conversation remembers of its last understood question. */
export interface Frame {
  /** Words that named the figure ("topik", "dbh", "whatsapp"). */
  readonly subject: readonly string[];
  /** How it was asked: ranking, share, target, comparison words. */
  readonly mode: readonly string[];
  /** Its period as text the parser reads back ("januari 2025", "13-19 januari 2025", "bulan lalu"). */
  readonly period: string;
  /** The month it is about: a bare month in the next turn is the one nearest it. */
  readonly focusMonth: MonthIndex;
}

export interface Turn {
  readonly question: Question;
  /** What to remember for the next turn; null when nothing was understood. */
  readonly frame: Frame | null;
}

const ANSWERED: ReadonlySet<Question['kind']> = new Set([
  'figure',
  'share',
  'days',
  'agents',
  'agent',
  'rank',
  'channelHours',
  'target',
  'compare',
  'trend',
  'total',
  'section',
  'summary',
  'download',
]);
/** Words that ask a figure a certain way: without a figure named, they need one to follow. */
const MODE_SETS = [COMPARE_WORDS, RANK_WORDS, SHARE_WORDS, TARGET_WORDS, TREND_WORDS];
const isMode = (w: string) => MODE_SETS.some((set) => set.has(w));
const COMPARE = COMPARE_WORDS;
const RANK = RANK_WORDS;
/** Soft words that name nothing on their own. */
const CONNECTIVES: ReadonlySet<string> = new Set(['via', 'melalui', 'lewat']);
/** Words asking for a whole table, summary or deck: a question of its own even without a figure word. */
const WHOLE_WORDS = [SUMMARY_WORDS, DOWNLOAD_WORDS, BREAKDOWN_WORDS];
const CHANNELS = ['whatsapp', 'telepon', 'email', 'helpdesk', 'livechat'];
const PLATFORMS = ['instagram', 'x', 'facebook', 'youtube', 'tiktok'];
/** Families whose members replace each other in a follow-up ("kalau DAU?" after "topik DBH"). */
const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  // Each family, with the words that name the family itself (they stay when a member is replaced).
  'layer2.unit.': ['layer2', 'unit', 'tiket', 'eskalasi'],
  'konsultasi.topik.': ['topik', 'konsultasi', 'tiket'],
  'ppid.tujuan.': ['ppid', 'permohonan', 'tujuan'],
  'publikasi.jenis.': ['publikasi', 'website', 'jenis'],
  'konsultasi.pengguna.': ['pengguna', 'kategori', 'tiket'],
  'emailLapor.jenis.': ['emaillapor', 'jenis', 'dokumen'],
  'webinar.jenis.': ['webinar', 'acara', 'jenis', 'fgd'],
  'chatbot.menu.': ['chatbot', 'menu', 'pengguna'],
  'pengaduan.jenis.': ['jenis'],
};

/** Word → the slots it fills (channel, platform, agent, a family's member). */
function slotsOf(ctx: AskContext): Map<string, Set<string>> {
  const slots = new Map<string, Set<string>>();
  const put = (word: string, slot: string) => {
    const set = slots.get(word) ?? new Set<string>();
    set.add(slot);
    slots.set(word, set);
  };
  for (const w of CHANNELS) put(w, 'channel');
  for (const w of PLATFORMS) put(w, 'platform');
  for (const a of ctx.agents ?? []) put(agentWord(a), 'agent');
  for (const m of ctx.metrics ?? []) {
    const family = Object.keys(FAMILIES).find((f) => m.key.startsWith(f) && !m.key.slice(f.length).includes('.'));
    if (!family) continue;
    const name = m.label.includes(' – ') ? m.label.split(' – ').slice(1).join(' ') : m.label;
    for (const w of labelWords(name)) if (!SOFT_WORDS.has(w) && !FAMILIES[family]?.includes(w)) put(w, family);
  }
  return slots;
}

/** The kept comparison of a frame's mode: "dibanding" and the month it compares with ("desember 2024"). */
const isComparison = (m: string) => m === 'dibanding' || /\d{4}$/.test(m);
const compareWords = (w: QuestionWords) => w.modifiers.some((m) => COMPARE.has(m)) || w.compareBase !== null;

/** The frame of a question understood from these words. */
function frameOf(question: Question, words: QuestionWords, ctx: AskContext): Frame | null {
  if (!ANSWERED.has(question.kind)) return null;
  const q = question as Question & { month?: MonthIndex; days?: { from: number; to: number } | null };
  let period: string;
  let focusMonth: MonthIndex;
  const mode = words.modifiers.filter((m) => !COMPARE.has(m));
  if (question.kind === 'compare') {
    period = monthLabel(question.month).toLowerCase();
    focusMonth = question.month;
    mode.push('dibanding', monthLabel(question.base).toLowerCase());
  } else if (q.days) {
    period = daysText({ ...q.days, label: '' });
    focusMonth = monthOfWallClock(q.days.to * 86_400_000);
  } else if (question.kind === 'trend') {
    period = `${question.to - question.from + 1} bulan`;
    focusMonth = question.to;
    mode.push('tren');
  } else if (question.kind === 'total') {
    period = /^januari – /i.test(question.label)
      ? `sampai ${monthLabel(question.to).toLowerCase()}`
      : question.label.toLowerCase().replace(/^tahun /, '');
    focusMonth = question.to;
  } else if ((question.kind === 'agents' || question.kind === 'agent') && question.from !== question.to) {
    period = words.periods.join(' ');
    focusMonth = question.to;
  } else {
    const month = q.month ?? (question.kind === 'agents' || question.kind === 'agent' ? question.to : ctx.currentMonth);
    const relative = 'relative' in question && question.relative === true;
    period = relative ? (month === ctx.currentMonth ? 'bulan ini' : 'bulan lalu') : monthLabel(month).toLowerCase();
    focusMonth = month;
  }
  return { subject: words.content, mode: [...new Set(mode)], period, focusMonth };
}

/** "minggu itu", "bulan tersebut": the period talked about. */
const THAT_PERIOD = /\b(minggu|pekan|bulan|hari|tanggal|periode) (itu|tersebut|yang sama|yg sama)\b/;

/** A question asked in a conversation, given what it remembers of the turn before. */
export function askInConversation(text: string, ctx: AskContext, previous: Frame | null): Turn {
  // A pasted page is refused (by parseQuestion) before any word of it is looked up.
  if (questionTooLong(text)) return { question: parseQuestion(text, ctx), frame: null };
  const normalized = ` ${normalizeQuestion(text)} `;
  const focused: AskContext = previous ? { ...ctx, focusMonth: previous.focusMonth } : ctx;
  const asked = previous ? normalized.replace(THAT_PERIOD, ` ${previous.period} `) : normalized;
  const words = questionWords(asked, focused);
  const standalone = () => {
    const question = parseQuestion(asked, focused);
    return { question, frame: frameOf(question, words, ctx) };
  };
  if (words.unknown.length) return standalone();
  const marked = asked.split(' ').some((w) => FOLLOW_UP_WORDS.has(w)) || /^ (yang|yg) /.test(normalized);
  const slots = slotsOf(ctx);
  // "yg WA aja", "twitter?": only words that fill a slot of the last question (and "tiket", "lewat").
  const slotOnly =
    words.content.some((w) => slots.has(w)) && words.content.every((w) => slots.has(w) || SOFT_WORDS.has(w));
  // Nothing that names a figure: "yg lewat sana?". "konsultasi" and "tiket" do name one (the total).
  const bare = words.content.every((w) => CONNECTIVES.has(w));
  const hasMode = words.modifiers.some(isMode) || words.compareBase !== null;

  if (!previous) {
    const agentsOnly = words.content.length > 0 && words.content.every((w) => slots.get(w)?.has('agent'));
    const nothing = words.content.length === 0;
    // "kalau yg WA aja?" as a first message: it narrows a question this chat no longer holds.
    const narrowsNothing = marked && slotOnly && !hasMode && !words.periods.length;
    if (
      (nothing && (hasMode || (marked && words.periods.length))) ||
      (agentsOnly && !hasMode && !words.periods.length) ||
      narrowsNothing
    )
      return { question: clarify(words, ctx), frame: null };
    return standalone();
  }

  const first = parseQuestion(asked, focused);
  // "bantuan", "segarkan", "kapan data diperbarui" mean the same after any question; merged into the
  // last one, "bantuan" read as the figure word 'satuan' and was refused (Agents Playground, issue 16).
  if ((first.kind === 'help' && asksForHelp(asked)) || first.kind === 'refresh' || first.kind === 'freshness')
    return { question: first, frame: null };
  // A question that names a figure or a table and stands on its own is answered as itself; one that
  // only fills a slot ("telepon?") builds on the last question unless it names its own period.
  const names = !bare || words.modifiers.some((m) => WHOLE_WORDS.some((set) => set.has(m)));
  const complete = ANSWERED.has(first.kind) && names && (!slotOnly || words.periods.length > 0);
  if (complete && !marked) return withPeriod(asked, words, focused, ctx, previous);

  // Merge: the new words replace the old ones of the same slot and add to the rest.
  const newSlots = new Set(words.content.flatMap((w) => [...(slots.get(w) ?? [])]));
  const subject = [
    ...previous.subject.filter(
      (w) => ![...(slots.get(w) ?? [])].some((s) => newSlots.has(s)) && !words.content.includes(w),
    ),
    ...words.content,
  ];
  const newPeriod = words.periods.length > 0;
  const newRank = words.modifiers.filter((m) => RANK.has(m));
  const mode = [
    ...previous.mode.filter((m) => {
      if (RANK.has(m)) return newRank.length === 0;
      // A new period or a new comparison ends the old comparison and the target question.
      // A new ranking ("menu yg paling byk?") ends the comparison too.
      if (isComparison(m) || m === 'target' || m === 'mencapai')
        return !newPeriod && !compareWords(words) && newRank.length === 0;
      return true;
    }),
    ...words.modifiers.filter((m) => !COMPARE.has(m) || words.compareBase === null),
  ];
  const period = newPeriod ? words.periods.join(' ') : previous.period;
  // The kept comparison ("dibanding desember 2024") follows the period: before it, the parser would
  // read its month as the question's and compare the other way round (held-out corpus, "kalau live chat?").
  const merged = [
    ...subject,
    ...mode.filter((m) => !isComparison(m)),
    period,
    ...mode.filter(isComparison),
    words.compareBase ?? '',
  ]
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  const mergedWords = questionWords(merged, focused);
  const question = parseQuestion(merged, focused);
  if (ANSWERED.has(question.kind)) return { question, frame: frameOf(question, mergedWords, ctx) };
  if (ANSWERED.has(first.kind) && !bare) return withPeriod(asked, words, focused, ctx, previous);
  return { question, frame: null };
}

/** A complete question that names no period keeps the conversation's period ("K/L brp tiket?"). */
function withPeriod(asked: string, words: QuestionWords, focused: AskContext, ctx: AskContext, previous: Frame): Turn {
  const text = words.periods.length ? asked : `${asked} ${previous.period}`;
  const question = parseQuestion(text, focused);
  return { question, frame: frameOf(question, questionWords(text, focused), ctx) };
}

/** What to ask back when a follow-up has nothing to follow. */
function clarify(words: QuestionWords, ctx: AskContext): Question {
  const latest = monthLabel(
    ctx.monthsWithData.filter((m) => m <= ctx.currentMonth).reduce((a, b) => Math.max(a, b), ctx.currentMonth - 1),
  ).toLowerCase();
  const agent = words.content.find((w) => (ctx.agents ?? []).some((a) => agentWord(a) === w));
  if (agent) {
    const name = (ctx.agents ?? []).find((a) => agentWord(a) === agent) ?? agent;
    return {
      kind: 'clarify',
      ask: `Tiket yang ditangani ${name} atau nilai kepuasan ${name}, dan untuk bulan apa?`,
      suggestions: [`tiket ${agent} ${latest}`, `kepuasan ${agent} ${latest}`],
      titles: [`Tiket ${name}`, `Kepuasan ${name}`],
    };
  }
  const named = words.content.filter((w) => !SOFT_WORDS.has(w));
  if (named.length && !words.periods.length && !compareWords(words)) {
    // A figure without its question ("yg WA aja?"): ask for the period, offering the latest months.
    const months = ctx.monthsWithData.filter((m) => m <= ctx.currentMonth).sort((a, b) => b - a);
    const [last = ctx.currentMonth - 1, before = last - 1] = months;
    const subject = named.join(' ');
    return {
      kind: 'clarify',
      ask: 'Pertanyaan sebelumnya tidak ada di percakapan ini. Untuk bulan apa?',
      suggestions: [
        `${subject} ${monthLabel(last).toLowerCase()}`,
        `${subject} ${monthLabel(before).toLowerCase()}`,
        `tren ${subject} 12 bulan`,
      ],
      titles: [monthLabel(last), monthLabel(before), 'Tren 12 bulan'],
    };
  }
  const period = words.periods.join(' ') || latest;
  const tail = words.compareBase ?? (compareWords(words) ? 'dibanding bulan sebelumnya' : '');
  const how = [...words.modifiers.filter((m) => !COMPARE.has(m)), tail].join(' ').trim();
  return {
    kind: 'clarify',
    ask: compareWords(words) ? 'Angka apa yang ingin dibandingkan?' : 'Angka apa yang dimaksud?',
    suggestions: ['konsultasi', 'whatsapp', 'pengunjung website'].map((what) =>
      [what, how, period].filter(Boolean).join(' '),
    ),
    titles: ['Konsultasi', 'WhatsApp', 'Pengunjung website'],
  };
}
