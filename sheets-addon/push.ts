/**
 * npm run addon:push → builds dist/addon, prints clasp's own listing of what it will push (and stops
 * if that is not exactly the built files), then `clasp push --force` (the manifest is ours to
 * overwrite: it is built from sheets-addon/appsscript.json).
 *
 * The project file is `.clasp.json` at the repository root (git-ignored: it names the team's Apps
 * Script project). Without one, `.clasp.json.example` is used so that a fresh clone still shows the
 * listing and reaches clasp's login check; its placeholder scriptId names no project, so nothing can
 * be pushed with it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAddon } from './build';
import { claspFileListing, PUSHED_FILES, REPO_ROOT, runClasp } from './clasp';

const say = (line: string) => process.stderr.write(`${line}\n`);

export async function pushAddon(): Promise<number> {
  await buildAddon();
  const own = existsSync(`${REPO_ROOT}.clasp.json`);
  const project = own ? '.clasp.json' : '.clasp.json.example';
  if (!own) {
    say('Belum ada .clasp.json: memakai .clasp.json.example (scriptId contoh).');
    say('  Salin .clasp.json.example ke .clasp.json dan isi scriptId proyek Apps Script (docs/addon-install.md).');
  }
  const { filesToPush, untrackedFiles } = await claspFileListing({ cwd: REPO_ROOT, project });
  say(`clasp akan mengirim (${project}):`);
  for (const file of filesToPush) say(`  └─ ${file}`);
  const expected = [...PUSHED_FILES].sort();
  if (filesToPush.join('\n') !== expected.join('\n') || untrackedFiles.length > 0) {
    say(`Berhenti: clasp seharusnya mengirim tepat ${expected.join(', ')}.`);
    if (untrackedFiles.length) say(`  Berkas lain di dist/addon: ${untrackedFiles.join(', ')}`);
    return 1;
  }
  const push = await runClasp(['push', '--force'], { cwd: REPO_ROOT, project });
  process.stdout.write(push.stdout);
  process.stderr.write(push.stderr);
  if (push.status !== 0 && /No credentials found/i.test(`${push.stdout}${push.stderr}`))
    say('Belum login ke clasp: jalankan `npx clasp login`, lalu `npm run addon:push` lagi.');
  return push.status ?? 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await pushAddon();
