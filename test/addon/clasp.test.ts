/**
 * clasp 3 from the repository: the committed `.clasp.json.example` and `.claspignore`, copied into a
 * temporary project with a fresh build, as `npm run addon:push` uses them. clasp's own offline file
 * listing (`show-file-status --json`) must be exactly the built files; `push` must stop at clasp's
 * login check. HOME points at an empty folder, so no developer login is read and nothing is sent.
 * clasp takes seconds to start, so its three runs go at once.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddon } from '../../sheets-addon/build';
import {
  type ClaspRun,
  claspFileListing,
  type FileListing,
  PUSHED_FILES,
  REPO_ROOT,
  runClasp,
} from '../../sheets-addon/clasp';

let project: string;
let listing: FileListing;
let oldLayout: ClaspRun;
let push: ClaspRun;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'djpk-clasp-'));
  const home = join(project, 'home');
  const old = join(project, 'sheets-addon');
  await mkdir(home);
  await mkdir(old);
  await copyFile(join(REPO_ROOT, '.clasp.json.example'), join(project, '.clasp.json'));
  await copyFile(join(REPO_ROOT, '.claspignore'), join(project, '.claspignore'));
  await buildAddon(join(project, 'dist/addon'));
  // A file that is not part of the build, as an editor or an old tool may leave one.
  await writeFile(join(project, 'dist/addon/catatan.js'), 'function bukanBagianAddOn() {}\n');
  // The layout the README described before: a project file in sheets-addon/ pointing one level up.
  await writeFile(join(old, '.clasp.json'), JSON.stringify({ scriptId: 'x', rootDir: '../dist/addon' }));
  [listing, oldLayout, push] = await Promise.all([
    claspFileListing({ cwd: project, project: '.clasp.json', home }),
    runClasp(['show-file-status', '--json'], { cwd: old, project: '.clasp.json', home }),
    runClasp(['push', '--force'], { cwd: project, project: '.clasp.json', home }),
  ]);
});
afterAll(() => rm(project, { recursive: true, force: true }));

describe('clasp push from the repository', () => {
  it('the example project file names dist/addon, inside the project, as clasp 3 requires', async () => {
    const config = JSON.parse(await readFile(join(REPO_ROOT, '.clasp.json.example'), 'utf8'));
    expect(config).toEqual({ scriptId: expect.any(String), rootDir: 'dist/addon' });
    expect(JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')).scripts['addon:push']).toBe(
      'tsx sheets-addon/push.ts',
    );
  });

  it("clasp's own listing is exactly the built appsscript.json, Code.js and GenerateDialog.html; .claspignore keeps any other file out", () => {
    expect(listing.filesToPush).toEqual([...PUSHED_FILES].sort());
    expect(listing.untrackedFiles).toEqual(['dist/addon/catatan.js']);
  });

  it('clasp 3 refuses the old layout (sheets-addon/.clasp.json with rootDir ../dist/addon)', () => {
    expect(oldLayout.status).not.toBe(0);
    expect(`${oldLayout.stdout}${oldLayout.stderr}`).toContain('escapes project root');
  });

  it('push goes as far as clasp asking for a login, and sends nothing without one', () => {
    expect(push.status).not.toBe(0);
    expect(`${push.stdout}${push.stderr}`.trim()).toBe('No credentials found.');
  });
});
