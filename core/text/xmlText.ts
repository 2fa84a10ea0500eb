/**
 * Text every output can carry. XML 1.0 (§2.2, production Char) allows tab, LF, CR and the code
 * points from U+0020 on, except the surrogates and U+FFFE/U+FFFF: a NUL, a vertical tab from
 * `=CHAR(11)` or a lone surrogate in a cell makes a PPTX slide or an XLSX sheet that Office and
 * every strict parser refuse. The workbook boundary (parseTab, quoteText) cleans text once, so
 * the renderers never see such a character.
 */

/**
 * Any character XML 1.0 forbids. In unicode mode a valid surrogate pair is one code point, so
 * `\p{Cs}` matches only a lone surrogate.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it finds
const FORBIDDEN = /[\0-\x08\v\f\x0E-\x1F\uFFFE\uFFFF\p{Cs}]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it replaces
const FORBIDDEN_ALL = /[\0-\x08\v\f\x0E-\x1F\uFFFE\uFFFF\p{Cs}]/gu;

/** True when `text` holds a character XML 1.0 forbids. */
export const hasXmlForbidden = (text: string): boolean => FORBIDDEN.test(text);

export interface CleanText {
  readonly text: string;
  /** How many characters were removed or replaced. */
  readonly count: number;
  /** The first one, as "U+000B". */
  readonly first: string;
  /** How many of them became line breaks. */
  readonly lineBreaks: number;
}

const codePoint = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * `text` with what XML 1.0 forbids removed: a vertical tab or form feed (a line or page break
 * pasted from Word or PowerPoint) becomes a line break, a lone surrogate becomes U+FFFD (what a
 * UTF-8 encoder writes for it), any other such character is dropped. Null when nothing is.
 */
export function cleanXmlText(text: string): CleanText | null {
  if (!FORBIDDEN.test(text)) return null;
  let count = 0;
  let first = '';
  let lineBreaks = 0;
  const cleaned = text.replace(FORBIDDEN_ALL, (c) => {
    if (count++ === 0) first = codePoint(c);
    if (c === '\v' || c === '\f') {
      lineBreaks++;
      return '\n';
    }
    const code = c.charCodeAt(0);
    return code >= 0xd800 && code <= 0xdfff ? '\uFFFD' : '';
  });
  return { text: cleaned, count, first, lineBreaks };
}

/** `text` cleaned as `cleanXmlText` does, or itself. */
export const xmlSafeText = (text: string): string => cleanXmlText(text)?.text ?? text;
