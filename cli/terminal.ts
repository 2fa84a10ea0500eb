/**
 * C0 controls except tab and newline (ESC, BEL, NUL, CR, backspace …), DEL, C1 controls, and the
 * bidirectional overrides: any of them in a cell could clear the screen, move the cursor or
 * reorder what the terminal shows. Removed, the cell's text stays readable and inert.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const inertText = (text: string): string => text.replace(CONTROL, '');
