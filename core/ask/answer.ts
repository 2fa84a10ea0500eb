import type { Chart, Table } from '../metrics/model';
import type { ReportBuilder } from '../metrics/report';
import type { Finding } from '../workbook/findings';
import { AskData } from './answers/context';
import { agentAnswer, agentsAnswer, channelHoursAnswer, daysAnswer } from './answers/days';
import { compareAnswer, figureAnswer, shareAnswer, targetAnswer } from './answers/figure';
import { clarifyAnswer, downloadAnswer, freshnessAnswer, helpAnswer, refreshAnswer } from './answers/meta';
import { rankAnswer } from './answers/rank';
import { regionAnswer } from './answers/region';
import { sectionAnswer } from './answers/sections';
import { totalAnswer, trendAnswer } from './answers/series';
import { summaryAnswer } from './answers/summary';
import type { Question } from './parseQuestion';

export { HELP_EXAMPLES } from './answers/context';

/** A bot answer as plain data; cards and text are rendered from it (core/render/cards). */
export interface Answer {
  readonly title: string;
  /** The data month(s) the figures are from: "Januari 2025". */
  readonly period: string | null;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly sentences: readonly string[];
  readonly chart: Chart | null;
  readonly table: Table | null;
  /** Open error findings of the month(s), for the card footer. */
  readonly findings: readonly Finding[];
  /** Questions offered as buttons. */
  readonly suggestions: readonly string[];
  /** What each button shows, when the question is long and only part of it differs ("WhatsApp"). */
  readonly suggestionTitles?: readonly string[];
  /**
   * What was answered, for tests and logs: the metric key (or "section:<id>", "agents") and its
   * figure; null for help, refusals and months without data.
   */
  readonly answered: {
    readonly subject: string;
    readonly value: number | null;
    /** The metric key the value is, when the subject is a section ("section:layer2" → layer2.total). */
    readonly metric?: string;
  } | null;
  /** Links offered as buttons (the bot adds the deck's signed links). */
  readonly links?: readonly { readonly title: string; readonly url: string }[];
}

/** What the bot knows about its data source, for "kapan data terakhir diperbarui". */
export interface AnswerContext {
  /** "10/02/2025 10:00 WIB" */
  readonly sourceReadAt?: string;
}

/**
 * Answers a parsed question from the workbook's reports. Each kind of answer lives in its own
 * module under answers/ (figure, series, days, sections, summary, meta); this only dispatches.
 */
export class Answerer {
  private readonly data: AskData;

  constructor(builder: ReportBuilder) {
    this.data = new AskData(builder);
  }

  answer(question: Question, context: AnswerContext = {}): Answer {
    const data = this.data;
    switch (question.kind) {
      case 'help':
        return helpAnswer(question.suggestion);
      case 'refresh':
        return refreshAnswer();
      case 'freshness':
        return freshnessAnswer(data, context);
      case 'download':
        return downloadAnswer(data, question.month);
      case 'refuse':
        return data.refuse(question.reason, question.suggestions, question.nearMiss ?? null);
      case 'summary':
        return summaryAnswer(data, question.month);
      case 'section':
        return sectionAnswer(data, question.section, question.month, question.channel);
      case 'figure':
        return figureAnswer(data, question.metric, question.month);
      case 'share':
        return shareAnswer(data, question.metric, question.base, question.month);
      case 'days':
        return daysAnswer(data, question.metric, question.days);
      case 'agents':
        return agentsAnswer(data, question.from, question.to, question.days, question.least, question.channel);
      case 'agent':
        return agentAnswer(data, question.name, question.from, question.to, question.days, question.channel);
      case 'rank':
        return rankAnswer(data, question.family, question.least, question.month, question.channel);
      case 'region':
        return regionAnswer(data, question.region, question.top, question.month);
      case 'channelHours':
        return channelHoursAnswer(data, question.channel, question.outside, question.month, question.days);
      case 'target':
        return targetAnswer(data, question.metric, question.month);
      case 'clarify':
        return clarifyAnswer(question.ask, question.suggestions, question.titles);
      case 'compare':
        return compareAnswer(data, question.metric, question.month, question.base);
      case 'trend':
        return trendAnswer(data, question.metric, question.from, question.to);
      case 'total':
        return totalAnswer(data, question.metric, question.from, question.to, question.label);
    }
  }

  help(suggestion: string | null): Answer {
    return helpAnswer(suggestion);
  }
}
