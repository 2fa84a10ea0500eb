// Runs the vitest suite under three time zones (the figures must not depend on the machine's
// zone) and ends with one plain "N passed, N failed" line for CI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const zones = ['UTC', 'Asia/Jakarta', 'America/New_York'];
const dir = mkdtempSync(join(tmpdir(), 'djpk-vitest-'));
let passed = 0;
let failed = 0;
let ok = true;
for (const zone of zones) {
  const outputFile = join(dir, `${zone.replace('/', '_')}.json`);
  process.stdout.write(`\n== TZ=${zone} ==\n`);
  const run = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile=${outputFile}`],
    { stdio: 'inherit', env: { ...process.env, TZ: zone } },
  );
  if (run.status !== 0) ok = false;
  try {
    const result = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
  } catch {
    ok = false;
    failed += 1;
  }
}
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
process.exit(ok && failed === 0 ? 0 : 1);
