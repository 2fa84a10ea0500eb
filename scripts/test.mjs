// `npm test`: Biome and tsc (`npm run check`), then the whole vitest suite once under America/New_York (twelve hours from
// WIB, so a figure that leaked the machine's zone moves a day), then the zone-sensitive files
// (`*.tz.test.ts`: clocks, dates, periods, schedules) again under UTC (Azure and containers) and
// Asia/Jakarta (Apps Script and the team's laptops). Source code never reads the machine's zone
// (test/hostZone.test.ts), which is why the other files need one zone only. Prints the time of
// each part and ends with one plain "N passed, N failed" line for CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ZONE_SENSITIVE = '.tz.test.ts'; // vitest's file filter: a substring of the path
const parts = [
  { zone: 'America/New_York', filter: [] },
  { zone: 'UTC', filter: [ZONE_SENSITIVE] },
  { zone: 'Asia/Jakarta', filter: [ZONE_SENSITIVE] },
];
const dir = mkdtempSync(join(tmpdir(), 'djpk-vitest-'));
let passed = 0;
let failed = 0;
let ok = true;
const times = [];

const checkStarted = performance.now();
process.stdout.write('== npm run check (Biome, tsc) ==\n');
const check = spawnSync('npm', ['run', '-s', 'check'], { stdio: 'inherit' });
times.push(`check: ${((performance.now() - checkStarted) / 1000).toFixed(1)} s`);
if (check.status !== 0) {
  process.stdout.write(`\n${times.join('\n')}\ncheck failed: tests not run\n`);
  process.exit(1);
}
for (const { zone, filter } of parts) {
  const outputFile = join(dir, `${zone.replace('/', '_')}.json`);
  const label = `TZ=${zone}: ${filter.length ? '*.tz.test.ts' : 'all tests'}`;
  process.stdout.write(`\n== ${label} ==\n`);
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      ...filter,
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${outputFile}`,
    ],
    { stdio: 'inherit', env: { ...process.env, TZ: zone } },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) ok = false;
  try {
    const result = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    times.push(`${label}: ${result.numTotalTests} tests, ${seconds.toFixed(1)} s`);
  } catch {
    ok = false;
    failed += 1;
    times.push(`${label}: no result, ${seconds.toFixed(1)} s`);
  }
}
const total = times.reduce((sum, line) => sum + Number(line.match(/([\d.]+) s$/)?.[1] ?? 0), 0);
process.stdout.write(
  `\n${times.join('\n')}\ntotal: ${total.toFixed(1)} s\ntests: ${passed} passed, ${failed} failed\n`,
);
process.exit(ok && failed === 0 ? 0 : 1);
