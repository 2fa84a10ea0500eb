// The npm registry reachable from this project's machines serves only the linux-x64 builds of
// packages with per-platform optional dependencies (biome, esbuild, duckdb …). npm then leaves the
// other platforms out of package-lock.json, and `npm ci` refuses the lock as incomplete. This puts
// their entries back as optional packages (npm skips them on install). Run after `npm install`:
// `npm run lock:fix`.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
    if (packages[`node_modules/${name}`] || packages[`${path}/node_modules/${name}`]) continue;
    packages[`node_modules/${name}`] = {
      version: range.replace(/^[\^~=]+/, ''),
      optional: true,
      ...(meta.dev ? { dev: true } : {}),
    };
    added++;
  }
}
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`lock-fix: ${added} optional platform entries added\n`);
