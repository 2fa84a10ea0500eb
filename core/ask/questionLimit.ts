import { formatNumber } from '../format/idNumber';

/**
 * How much of a message the bot reads as a question. Teams lets a person send about 28 KB per
 * message (Microsoft Learn, "Limits and specifications for Microsoft Teams": chat and channel
 * posts, "approximately 28 KB"), while the bot's HTTP edge accepts bodies up to MAX_BODY_BYTES
 * (256 KB), so the text is cut to what Teams can send before anything else looks at it.
 */
export const MAX_QUESTION_CHARS = 28 * 1024;

/**
 * A question names a figure, a period and a way of asking in a dozen words; a chatty one in
 * thirty. Each word the vocabulary lacks costs a bounded fuzzy search, so the words looked at are
 * capped too: a pasted text gets one sentence back in milliseconds instead of seconds of matching.
 */
export const MAX_QUESTION_WORDS = 100;

/** Why a text is not read as a question (Indonesian, for "Belum bisa menjawab: …"), or null. */
export function questionTooLong(text: string): string | null {
  if (text.length > MAX_QUESTION_CHARS)
    return `pesan ini lebih dari ${formatNumber(MAX_QUESTION_CHARS)} karakter; tanyakan satu hal dengan singkat`;
  let words = 0;
  // Words as the parser splits them (runs of letters or digits: "1/1/1" is three), counted
  // without splitting the text, so a long message builds no array of its words.
  for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) if (++words > MAX_QUESTION_WORDS) break;
  return words > MAX_QUESTION_WORDS
    ? `pesan ini lebih dari ${MAX_QUESTION_WORDS} kata; tanyakan satu hal dengan singkat`
    : null;
}
