/**
 * How long the Generate Report dialog takes to open, measured on its built HTML: in headless
 * Chromium (navigation start → DOMContentLoaded of the page from a local file: reading, parsing the
 * HTML and running its scripts, the deck renderers and fonts included; no network) and in V8 alone
 * (compiling and running the page's scripts in a fresh context). google.script.run is a stub that
 * never answers, so only the opening is timed. Google's sandboxed frame adds its own load over the
 * network on top; that part is not measured here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { browserContext } from '../test/addon/dialogScript';

export const CHROMIUM = '/usr/bin/chromium';

/** google.script.run and google.script.host as a page script sees them; calls go to `answer`. */
export function scriptRunStub(answer = 'function(){}'): string {
  return `<script>var google={script:{host:{close:function(){}},run:(function(){
function runner(ok,fail){return new Proxy({},{get:function(_,name){
if(name==='withSuccessHandler')return function(f){return runner(f,fail);};
if(name==='withFailureHandler')return function(f){return runner(ok,f);};
return function(){var args=[].slice.call(arguments);setTimeout(function(){(${answer})(String(name),args,ok,fail);},0);};}});}
return runner(null,null);})()}};</script>`;
}

/** The dialog's HTML with `head` inserted first in its <head> (a stub, a timer). */
export function withHead(html: string, head: string): string {
  return html.replace('<head>', () => `<head>${head}`);
}

/** Milliseconds from navigation start to DOMContentLoaded of the page in headless Chromium, one cold start each. */
export function openInChromium(html: string, runs: number): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'dialog-open-'));
  try {
    const page = join(dir, 'dialog.html');
    const timer =
      "<script>document.addEventListener('DOMContentLoaded',function(){document.title='OPEN_MS='+performance.now();});</script>";
    writeFileSync(page, withHead(html, scriptRunStub() + timer));
    return Array.from({ length: runs }, () => {
      const out = spawnSync(
        CHROMIUM,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--dump-dom',
          `file://${page}`,
        ],
        { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024, cwd: dir },
      );
      const ms = /OPEN_MS=([\d.]+)/.exec(out.stdout ?? '')?.[1];
      if (!ms) throw new Error(`chromium gave no time: ${out.status} ${out.stderr?.slice(0, 500)}`);
      return Number(ms);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** google.script.run whose calls never answer. */
function idleRun(): unknown {
  const run: unknown = new Proxy(
    {},
    {
      get: (_, name) => (name === 'withSuccessHandler' || name === 'withFailureHandler' ? () => run : () => undefined),
    },
  );
  return run;
}

/** Milliseconds to compile and run the page's scripts in a fresh V8 context (each run compiles anew). */
export function openInV8(html: string, runs: number): number[] {
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  return Array.from({ length: runs }, () => {
    const { context, close } = browserContext({
      document: { getElementById: () => ({}), createElement: () => ({}) },
      google: { script: { run: idleRun() } },
    });
    const t0 = performance.now();
    for (const source of scripts) new vm.Script(source, { filename: 'GenerateDialog.html' }).runInContext(context);
    const ms = performance.now() - t0;
    close();
    return ms;
  });
}

export const stats = (times: readonly number[]): string => {
  const sorted = [...times].sort((a, b) => a - b);
  const f = (n: number | undefined) => `${(n ?? 0).toFixed(0)} ms`;
  return `min ${f(sorted[0])}, median ${f(sorted[Math.floor(sorted.length / 2)])}, max ${f(sorted[sorted.length - 1])}`;
};

/** Size and opening time of one dialog HTML, as the add-on bench prints them. */
export function dialogOpenReport(html: string, runs: number): string[] {
  const bytes = Buffer.byteLength(html);
  const lines = [
    `  GenerateDialog.html: ${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024 / 1024).toFixed(2)} MiB)`,
    `  dialog open in V8 (compile + run its scripts, ${runs} fresh contexts): ${stats(openInV8(html, runs))}`,
  ];
  if (existsSync(CHROMIUM))
    lines.push(
      `  dialog open in headless Chromium (navigation → DOMContentLoaded, ${runs} cold starts): ${stats(openInChromium(html, runs))}`,
    );
  else lines.push(`  headless Chromium: ${CHROMIUM} not installed, not measured`);
  return lines;
}

// npx tsx bench/dialogOpen.ts <GenerateDialog.html>…: the same figures for built dialogs (an older
// build beside the new, say), run in turns (file 1, file 2, file 1, …) so that a busy machine weighs
// on both alike.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2).map((file) => ({ file, html: readFileSync(file, 'utf8') }));
  const runs = 5;
  const times = files.map(() => ({ v8: [] as number[], chromium: [] as number[] }));
  for (let i = 0; i < runs; i++)
    for (const [k, { html }] of files.entries()) {
      times[k]?.v8.push(...openInV8(html, 1));
      if (existsSync(CHROMIUM)) times[k]?.chromium.push(...openInChromium(html, 1));
    }
  for (const [k, { file, html }] of files.entries()) {
    const bytes = Buffer.byteLength(html);
    console.log(`${file}: ${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024 / 1024).toFixed(2)} MiB)`);
    console.log(`  V8, compile + run its scripts (${runs} runs): ${stats(times[k]?.v8 ?? [])}`);
    console.log(
      `  headless Chromium, navigation → DOMContentLoaded (${runs} runs): ${stats(times[k]?.chromium ?? [])}`,
    );
  }
}
