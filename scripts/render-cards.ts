/**
 * Renders the bot's cards as Teams shows them in a chat (about 450 px wide) to PNG, for a person to
 * look at: the Adaptive Cards JavaScript renderer (`adaptivecards`, the SDK Microsoft's hosts build
 * on) in headless Chromium. Elements the renderer does not know (Teams' `Chart.*`) show their
 * fallback, as on a client without charts.
 *
 *   npx tsx scripts/render-cards.ts [out-dir] ["question" …]
 *
 * Answers come from the bundled sample with "now" = Monday 10 February 2025 (WIB). Needs chromium
 * (Debian: apt-get install chromium).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Brain } from '../bot/brain';
import { CachedSource } from '../bot/sources/cachedSource';
import { XlsxSource } from '../formats/xlsx/xlsxSource';

const WIDTH = 450;
const DEFAULT_QUESTIONS = [
  'top pemda januari 2025',
  'whatsapp januari 2025',
  'followers instagram januari 2025',
  'tren whatsapp 6 bulan',
  'kategori pengguna januari 2025',
  'followers tiktok januari 2025',
];

const require = createRequire(import.meta.url);
const sample = resolve(import.meta.dirname, '../sample/djpk-sample.xlsx');
const [outArg, ...asked] = process.argv.slice(2);
const out = resolve(outArg ?? 'dist/cards');
const questions = asked.length ? asked : DEFAULT_QUESTIONS;
mkdirSync(out, { recursive: true });
const renderer = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');
/** Teams' light theme, roughly: Segoe UI 14 px, its accent and attention colours. */
const hostConfig = {
  fontFamily: "'Segoe UI', 'DejaVu Sans', sans-serif",
  fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7' },
        attention: { default: '#C4314B' },
      },
    },
    attention: {
      backgroundColor: '#FDF3F4',
      foregroundColors: { default: { default: '#242424', subtle: '#616161' }, attention: { default: '#C4314B' } },
    },
  },
  actions: { actionsOrientation: 'horizontal', maxActions: 6, buttonSpacing: 8, spacing: 'default' },
};

const brain = new Brain(new CachedSource(new XlsxSource(sample), 3_600_000), () => Date.UTC(2025, 1, 10, 3));
let n = 0;
for (const question of questions) {
  const reply = await brain.ask(question, { conversation: `render-${n}` });
  n++;
  const name = `${String(n).padStart(2, '0')}-${question.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '')}`;
  writeFileSync(join(out, `${name}.json`), JSON.stringify(reply.card, null, 2));
  const html = `<!doctype html><meta charset="utf-8"><style>body{margin:0;background:#f5f5f5;font-family:'DejaVu Sans',sans-serif}
#q{width:${WIDTH - 24}px;margin:8px 12px 0;font-size:12px;color:#616161}#c{width:${WIDTH - 24}px;margin:4px 12px 12px;background:#fff;border-radius:6px;box-shadow:0 1px 2px #0002}</style>
<div id="q">› ${question.replace(/</g, '&lt;')}</div><div id="c"></div><script>${renderer}</script><script>
const card = new AdaptiveCards.AdaptiveCard();
card.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(hostConfig)});
card.parse(${JSON.stringify(reply.card)});
document.getElementById('c').appendChild(card.render());
</script>`;
  const page = join(out, `${name}.html`);
  writeFileSync(page, html);
  const shot = spawnSync(
    '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--hide-scrollbars',
      `--window-size=${WIDTH},1400`,
      `--screenshot=${join(out, `${name}.png`)}`,
      `file://${page}`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  console.log(`${shot.status === 0 ? 'ok  ' : 'FAIL'} ${join(out, `${name}.png`)}`);
}
