/**
 * Renders the BUILT Generate Report dialog as a person sees it, for looking at: headless Chromium at
 * the dialog's size (460 × 380, sheets-addon/src/entry.ts), google.script.run answered with what the
 * emulated add-on answers on the sample (test/addon/fakeAppsScript.ts). Writes
 *   dialog-open.png   the dialog just opened (months loaded)
 *   dialog-pdf.png    after "Unduh PDF" of January 2025, with its notices
 *   laporan-2025-01.pdf  the PDF the dialog's own script makes (in a browser-only V8 context)
 *
 *   npx tsx scripts/render-dialog.ts [out-dir] [extra Narasi text]
 *
 * The optional text is added as a January 2025 `Narasi` row (Evaluasi dan Saran), to see how the
 * PDF prints what agents type. Needs chromium (Debian: apt-get install chromium).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM, scriptRunStub, withHead } from '../bench/dialogOpen';
import type { CellValue } from '../core/workbook/cells';
import type { DeckPayload } from '../sheets-addon/src/deckPayload';
import { dialogDeckFile } from '../test/addon/dialogScript';
import { addonAndSample, spreadsheetWith } from '../test/addon/harness';

const [outArg, extra] = process.argv.slice(2);
const out = resolve(outArg ?? 'dist/dialog');
mkdirSync(out, { recursive: true });

const { built, raw } = await addonAndSample(join(out, 'addon'));
const workbook = extra
  ? { ...raw, Narasi: [...(raw.Narasi ?? []), ['2025-01', 'Evaluasi dan Saran', 'Catatan Agen', extra] as CellValue[]] }
  : raw;
const { env } = spreadsheetWith(workbook, built);
const answers: Record<string, unknown> = {};
for (const [name, args] of [
  ['getReportMonths', []],
  ['getDeckData', ['2025-01']],
] as const) {
  const outcome = env.scriptRun(name, ...args);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error}`);
  answers[name] = outcome.value;
}

// The server's answers as the page gets them; "</" escaped so that no text ends the script early.
const answer = `function(name,args,ok,fail){var a=${JSON.stringify(answers).replace(/<\//g, '<\\/')};if(name in a){if(ok)ok(a[name]);}else if(fail)fail({message:'tidak dijalankan di sini: '+name});}`;

function shot(name: string, html: string): void {
  const page = join(out, `${name}.html`);
  writeFileSync(page, html);
  const png = join(out, `${name}.png`);
  const run = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--hide-scrollbars',
      '--window-size=460,380',
      '--virtual-time-budget=60000',
      `--screenshot=${png}`,
      `file://${page}`,
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  console.log(`${run.status === 0 ? 'ok  ' : 'FAIL'} ${png}`);
}

const opened = withHead(built.dialog, scriptRunStub(answer));
shot('dialog-open', opened);
// The same page, "Unduh PDF" clicked once the months are there (a saved file is not followed here).
const clickPdf =
  "<script>window.addEventListener('load',function(){setTimeout(function(){HTMLAnchorElement.prototype.click=function(){};document.getElementById('month').value='2025-01';download('pdf');},50);});</script>";
shot('dialog-pdf', withHead(built.dialog, scriptRunStub(answer) + clickPdf));

const { deckFile, close } = dialogDeckFile(built.dialog);
const pdf = await deckFile(answers.getDeckData as DeckPayload, 'pdf').finally(close);
writeFileSync(join(out, pdf.name), pdf.bytes);
console.log(`ok   ${join(out, pdf.name)} (${pdf.bytes.length} bytes)${pdf.notices.map((n) => `\n     ${n}`).join('')}`);
