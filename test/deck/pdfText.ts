/**
 * The text of each page of an uncompressed PDF written by pdfkit (`compress: false`), decoded
 * through the fonts' ToUnicode maps: a pure-JS reading of what a viewer would let a person select,
 * since pdftotext is not on CI machines. One line per text-showing operator.
 */
export function pdfPageTexts(pdf: Uint8Array): string[] {
  const source = Buffer.from(pdf).toString('latin1');
  const objects = new Map<number, string>();
  for (const m of source.matchAll(/(?:^|\n)(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(Number(m[1]), m[2] ?? '');
  const ref = (body: string, key: string): number | null => {
    const m = new RegExp(`/${key} (\\d+) 0 R`).exec(body);
    return m ? Number(m[1]) : null;
  };
  const stream = (n: number | null): string =>
    n === null ? '' : (/stream\n([\s\S]*?)\nendstream/.exec(objects.get(n) ?? '')?.[1] ?? '');
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (font: number): Map<number, string> => {
    let map = cmaps.get(font);
    if (map) return map;
    map = new Map();
    const text = stream(ref(objects.get(font) ?? '', 'ToUnicode'));
    for (const block of text.matchAll(/beginbfrange\n([\s\S]*?)endbfrange/g)) {
      for (const line of (block[1] ?? '').matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
        const start = Number.parseInt(line[1] ?? '0', 16);
        let code = start;
        for (const u of (line[3] ?? '').matchAll(/<([0-9a-f]+)>/gi)) map.set(code++, utf16(u[1] ?? ''));
      }
    }
    for (const block of text.matchAll(/beginbfchar\n([\s\S]*?)endbfchar/g)) {
      for (const line of (block[1] ?? '').matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi))
        map.set(Number.parseInt(line[1] ?? '0', 16), utf16(line[2] ?? ''));
    }
    cmaps.set(font, map);
    return map;
  };
  const pagesRoot = [...objects.values()].find((b) => /\/Type \/Pages/.test(b)) ?? '';
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(pagesRoot)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  return kids.map((page) => {
    const body = objects.get(page) ?? '';
    const resources = objects.get(ref(body, 'Resources') ?? -1) ?? '';
    const fonts = new Map<string, number>();
    for (const m of (/\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g))
      fonts.set(m[1] ?? '', Number(m[2]));
    const content = stream(ref(body, 'Contents'));
    const lines: string[] = [];
    let map = new Map<number, string>();
    for (const op of content.matchAll(/\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[^\]])*)\] TJ|<([0-9a-f]*)> Tj/gi)) {
      if (op[1] !== undefined) {
        map = cmapOf(fonts.get(op[1]) ?? -1);
        continue;
      }
      const hex = [...(op[2] ?? `<${op[3] ?? ''}>`).matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1] ?? '').join('');
      lines.push((hex.match(/.{4}/g) ?? []).map((code) => map.get(Number.parseInt(code, 16)) ?? '?').join(''));
    }
    return lines.join('\n');
  });
}

/** A text run of a page: what it says, where its baseline starts (points from the top-left), its size. */
export interface PdfRun {
  readonly text: string;
  readonly x: number;
  /** Baseline, points from the top of the page. */
  readonly y: number;
  readonly size: number;
}

/**
 * The text runs of each page with their positions, for pdfkit's content streams: pdfkit flips the
 * page (`1 0 0 -1 0 H cm`) and places each run with `1 0 0 1 x y Tm`, y from the bottom.
 */
export function pdfPageRuns(pdf: Uint8Array, pageHeight: number): PdfRun[][] {
  const texts = pdfPageTexts(pdf).map((t) => t.split('\n'));
  const source = Buffer.from(pdf).toString('latin1');
  const objects = new Map<number, string>();
  for (const m of source.matchAll(/(?:^|\n)(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(Number(m[1]), m[2] ?? '');
  const pagesRoot = [...objects.values()].find((b) => /\/Type \/Pages/.test(b)) ?? '';
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(pagesRoot)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  return kids.map((page, p) => {
    const body = objects.get(page) ?? '';
    const contents = Number(/\/Contents (\d+) 0 R/.exec(body)?.[1] ?? -1);
    const content = /stream\n([\s\S]*?)\nendstream/.exec(objects.get(contents) ?? '')?.[1] ?? '';
    const runs: PdfRun[] = [];
    let x = 0;
    let y = 0;
    let size = 0;
    let i = 0;
    for (const op of content.matchAll(/1 0 0 1 ([\d.-]+) ([\d.-]+) Tm|\/\w+ ([\d.]+) Tf|\] TJ|> Tj/g)) {
      if (op[1] !== undefined) {
        x = Number(op[1]);
        y = pageHeight - Number(op[2]);
      } else if (op[3] !== undefined) size = Number(op[3]);
      else runs.push({ text: texts[p]?.[i++] ?? '', x, y, size });
    }
    return runs;
  });
}
