import { type Answer, Answerer } from '../core/ask/answer';
import { askInConversation, type Frame, type Turn } from '../core/ask/conversation';
import type { Question } from '../core/ask/parseQuestion';
import { MAX_QUESTION_CHARS } from '../core/ask/questionLimit';
import { dateTimeNumeric } from '../core/format/idDate';
import { ReportBuilder } from '../core/metrics/report';
import { type MonthIndex, monthOfWallClock, toIsoMonth, wibWallClock } from '../core/period/yearMonth';
import { type AdaptiveCard, answerCard, answerSummary, answerText, askButton } from '../core/render/cards';
import { parseWorkbook } from '../core/workbook/workbook';
import type { CachedRead, CachedSource } from './sources/cachedSource';

/** How long a conversation remembers its last question, and how many conversations are remembered. */
export const CONVERSATION_TTL_MS = 30 * 60_000;
export const MAX_CONVERSATIONS = 2_000;

export interface AskOptions {
  /** The conversation (Teams `conversation.id`): follow-ups build on its last question. */
  readonly conversation?: string;
}

export interface BrainOptions {
  /** Signed links to a month's deck, or null when the bot has no public URL for them. */
  readonly deckLinks?: (month: MonthIndex) => { readonly pptx: string; readonly pdf: string } | null;
}

export interface Reply {
  readonly card: AdaptiveCard;
  /** The answer as data (figure, period, subject): for tests and logs; the card is rendered from it. */
  readonly answer?: Answer;
  /** The answer as plain text, for logs and clients without cards. */
  readonly text: string;
  /** One line for notifications (the activity's `summary`); the card is the message. */
  readonly summary: string;
}

/** A source as a person knows it: the file's name (never a server path) or the spreadsheet. */
export function sourceName(description: string): string {
  return description.split(/[\\/]/).pop() || description;
}

/**
 * Questions in, cards out; no Teams SDK here. The figures come from core's report on the cached
 * workbook, so they are the add-on's and the CLI's figures.
 */
export class Brain {
  private built: { readAt: number; answerer: Answerer; builder: ReportBuilder } | null = null;
  /**
   * The last question understood in each conversation (issue 16), oldest first: a Map keeps
   * insertion order, so the first entry is the one to forget when the map is full.
   */
  private readonly conversations = new Map<string, { frame: Frame; at: number }>();
  /** Replies by question text for the current data: the same questions come again and again. */
  private readonly replies = new Map<
    string,
    { readAt: number; minute: number; state: string; reply: Reply; frame: Frame | null }
  >();

  constructor(
    private readonly source: CachedSource,
    private readonly now: () => number = Date.now,
    private readonly options: BrainOptions = {},
  ) {}

  /** "unduh laporan …" and the monthly summary: the deck's links, or how to get the deck without them. */
  private withDeck(question: Question, answer: Answer, builder: ReportBuilder): Answer {
    if (question.kind !== 'download' && question.kind !== 'summary') return answer;
    if (!this.options.deckLinks || !builder.figures.monthsWithData().includes(question.month)) return answer;
    const links = this.options.deckLinks(question.month);
    if (!links)
      return {
        ...answer,
        sentences: [
          ...answer.sentences,
          `Tautan unduhan deck belum diaktifkan di bot (PUBLIC_BASE_URL dan DECK_LINK_SECRET). Deck PPTX/PDF dapat dibuat dengan menu Generate Report di Google Sheets atau perintah: npm run report -- --month ${toIsoMonth(question.month)} --format pptx,pdf`,
        ],
      };
    return {
      ...answer,
      links: [
        { title: 'Unduh PPTX', url: links.pptx },
        { title: 'Unduh PDF', url: links.pdf },
      ],
    };
  }

  private async answerer(force: boolean): Promise<{ read: CachedRead; answerer: Answerer; builder: ReportBuilder }> {
    const read = await this.source.read(force);
    if (!this.built || this.built.readAt !== read.readAt) {
      const builder = new ReportBuilder(parseWorkbook(read.raw, { now: wibWallClock(this.now()) }));
      this.built = { readAt: read.readAt, answerer: new Answerer(builder), builder };
    }
    return { read, answerer: this.built.answerer, builder: this.built.builder };
  }

  /** Months that have data (reads the workbook through the cache). */
  async monthsWithData(): Promise<MonthIndex[]> {
    const { builder } = await this.answerer(false);
    return builder.figures.monthsWithData();
  }

  /** The monthly summary card of a month: the same card as "ringkasan <bulan>". */
  async summary(month: MonthIndex): Promise<Reply> {
    return this.reply(() => ({ kind: 'summary', month }), false, `ringkasan ${month}`);
  }

  async ask(message: string, options: AskOptions = {}): Promise<Reply> {
    // Never more than Teams can send is looked at, parsed or kept as a cache key (the parser refuses it).
    const text = message.length > MAX_QUESTION_CHARS ? message.slice(0, MAX_QUESTION_CHARS + 1) : message;
    const force = /\b(segarkan|refresh|muat ulang|reload)\b/i.test(text);
    const id = options.conversation;
    const previous = id === undefined ? null : this.frameOf(id);
    return this.reply(
      (builder) =>
        askInConversation(
          text,
          {
            currentMonth: monthOfWallClock(wibWallClock(this.now())),
            monthsWithData: builder.figures.monthsWithData(),
            today: Math.floor(wibWallClock(this.now()) / 86_400_000),
            metrics: this.metricsOf(builder),
            agents: this.agentsOf(builder),
          },
          previous,
        ),
      force,
      // The same words mean another question after another one: the cache key carries the context.
      previous ? `${text}\u0000${JSON.stringify(previous)}` : text,
      (frame) => {
        if (id !== undefined && frame) this.remember(id, frame);
      },
    );
  }

  /** The conversation's last understood question, if it is recent. */
  private frameOf(conversation: string): Frame | null {
    const entry = this.conversations.get(conversation);
    if (!entry) return null;
    if (this.now() - entry.at > CONVERSATION_TTL_MS) {
      this.conversations.delete(conversation);
      return null;
    }
    return entry.frame;
  }

  private remember(conversation: string, frame: Frame): void {
    this.conversations.delete(conversation);
    this.conversations.set(conversation, { frame, at: this.now() });
    while (this.conversations.size > MAX_CONVERSATIONS) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
    }
  }

  /** How many conversations are remembered (tests: the memory is bounded). */
  get conversationCount(): number {
    return this.conversations.size;
  }

  private agents: { builder: ReportBuilder; list: string[] } | null = null;

  /** The agents named in the Tiket tab, for "tiket linna januari"; one list per data version. */
  private agentsOf(builder: ReportBuilder): string[] {
    if (this.agents?.builder !== builder) {
      const names = new Set<string>();
      for (const t of builder.wb.tiket) if (t.agen) names.add(t.agen);
      this.agents = { builder, list: [...names].sort() };
    }
    return this.agents.list;
  }

  private metrics: { builder: ReportBuilder; list: { key: string; label: string }[] } | null = null;

  /** The catalog's keys and labels, the parser's vocabulary; one list per data version. */
  private metricsOf(builder: ReportBuilder): { key: string; label: string }[] {
    if (this.metrics?.builder !== builder)
      this.metrics = { builder, list: builder.figures.defs().map((d) => ({ key: d.key, label: d.label })) };
    return this.metrics.list;
  }

  private async reply(
    questionOf: (builder: ReportBuilder) => Question | Turn,
    force: boolean,
    text: string,
    understood: (frame: Frame | null) => void = () => {},
  ): Promise<Reply> {
    try {
      const { read, answerer, builder } = await this.answerer(force);
      const key = text.trim().toLowerCase();
      const minute = Math.floor(this.now() / 60_000);
      const cached = this.replies.get(key);
      // Same data in the same state, same minute (the card says how old the data is): the same reply.
      const state = `${read.olderThanTtl}|${read.staleBecause ?? ''}`;
      if (!force && cached && cached.readAt === read.readAt && cached.minute === minute && cached.state === state) {
        understood(cached.frame);
        return cached.reply;
      }
      const updated = dateTimeNumeric(wibWallClock(read.readAt), true);
      const ageMinutes = Math.max(0, Math.round((this.now() - read.readAt) / 60_000));
      if (force && read.staleBecause)
        return problemReply(
          `Data tidak dapat dimuat ulang: ${read.staleBecause}. Jawaban tetap memakai data terakhir yang berhasil dibaca ${updated} WIB (${ageMinutes} menit lalu).`,
        );
      const asked = questionOf(builder);
      const { question, frame } = 'question' in asked ? asked : { question: asked, frame: null };
      understood(frame);
      const answer = this.withDeck(question, answerer.answer(question, { sourceReadAt: `${updated} WIB` }), builder);
      // The footer names the source as people know it (a file name, never a server path) and the data month.
      const name = sourceName(this.source.description);
      const dataMonth = answer.period ? ` · data ${answer.period}` : '';
      const source = read.staleBecause
        ? `Sumber: ${name}${dataMonth}, data terakhir yang berhasil dibaca ${updated} WIB (${ageMinutes} menit lalu). Spreadsheet tidak dapat dibaca sekarang: ${read.staleBecause}`
        : read.olderThanTtl
          ? `Sumber: ${name}${dataMonth}, data dibaca ${updated} WIB (${ageMinutes} menit lalu); sedang diperbarui`
          : `Sumber: ${name}${dataMonth}, diperbarui ${updated} WIB`;
      const reply = {
        card: answerCard(answer, { source }),
        text: answerText(answer),
        summary: answerSummary(answer),
        answer,
      };
      if (this.replies.size > 1000) this.replies.clear();
      this.replies.set(key, { readAt: read.readAt, minute, state, reply, frame });
      return reply;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return problemReply(`Maaf, data tidak dapat dibaca saat ini: ${reason}. Coba lagi nanti atau ketik "segarkan".`);
    }
  }
}

export function problemReply(message: string): Reply {
  return {
    card: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: message,
      body: [{ type: 'TextBlock', text: message, wrap: true, color: 'Attention' }],
      actions: [askButton('segarkan'), askButton('bantuan')],
    },
    text: message,
    summary: message,
  };
}
