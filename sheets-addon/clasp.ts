/**
 * clasp 3 (the devDependency @google/clasp) run from the repository, for `npm run addon:push` and the
 * test that checks what it would push.
 *
 * The project file sits at the repository root (`.clasp.json`, from `.clasp.json.example`) with
 * `"rootDir": "dist/addon"`: clasp 3 refuses a `rootDir`/`srcDir` outside the folder of its project
 * file ("Security Error: srcDir … escapes project root", core/clasp.js initClaspInstance), so the old
 * `sheets-addon/.clasp.json` with `../dist/addon` can never push. `.claspignore` beside it keeps
 * every file of dist/addon out except the three the build writes; clasp matches its lines against
 * paths relative to `rootDir` (core/files.js getLocalFiles), and a line is a pattern, never a comment.
 *
 * `clasp show-file-status --json` lists what `push` would send without credentials or network: it
 * reads the project file and collects the local files (Files.collectLocalFiles) and needs only a
 * `scriptId` to be set, not a valid one.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** clasp's own entry point (its package `bin`), run with this Node. */
export const CLASP_BIN = `${REPO_ROOT}node_modules/@google/clasp/build/src/index.js`;

/** The files of the built add-on that clasp must push, relative to the project folder. */
export const PUSHED_FILES = ['dist/addon/Code.js', 'dist/addon/GenerateDialog.html', 'dist/addon/appsscript.json'];

export interface ClaspRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs clasp in `cwd` with the project file `project`. `home` replaces HOME so that a test never
 * reads a developer's clasp login (clasp looks for ~/.clasprc.json).
 */
export function runClasp(
  args: readonly string[],
  options: { cwd: string; project: string; home?: string },
): Promise<ClaspRun> {
  const env = { ...process.env, ...(options.home ? { HOME: options.home, USERPROFILE: options.home } : {}) };
  const child = spawn(process.execPath, [CLASP_BIN, '--project', options.project, ...args], { cwd: options.cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export interface FileListing {
  readonly filesToPush: string[];
  readonly untrackedFiles: string[];
}

/** What clasp would push (`show-file-status --json`), sorted, with the files it leaves untracked. */
export async function claspFileListing(options: { cwd: string; project: string; home?: string }): Promise<FileListing> {
  const run = await runClasp(['show-file-status', '--json'], options);
  const lines = run.stdout.trim().split('\n');
  const json = lines[lines.length - 1] ?? '';
  if (run.status !== 0 || !json.startsWith('{'))
    throw new Error(`clasp show-file-status gagal (kode ${run.status}): ${(run.stderr || run.stdout).trim()}`);
  const listing = JSON.parse(json) as FileListing;
  return { filesToPush: [...listing.filesToPush].sort(), untrackedFiles: listing.untrackedFiles };
}
