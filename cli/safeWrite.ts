import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import { CliError } from './errors';

/** The team's data, by real path: a workbook file, or the folder of CSV files. */
export interface DataLocation {
  readonly real: string;
  readonly isFolder: boolean;
  readonly dev: number;
  readonly ino: number;
}

export async function dataLocation(data: string): Promise<DataLocation | null> {
  const info = await stat(data).catch(() => null);
  if (!info) return null;
  return { real: await realpath(data), isFolder: info.isDirectory(), dev: info.dev, ino: info.ino };
}

const inside = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/**
 * Where `target` really lands, after refusing what would write through a link or into the data:
 * an existing symlink at the target, the data file under any name (symlink, hard link, `..`), or
 * any file inside the CSV data folder. Creates the target's folder.
 */
export async function checkedTarget(target: string, data: DataLocation | null): Promise<string> {
  const absolute = resolve(target);
  const link = await lstat(absolute).catch(() => null);
  if (link?.isSymbolicLink())
    throw new CliError(
      `${target} adalah tautan simbolik; laporan tidak ditulis melalui tautan. Pilih nama berkas lain`,
    );
  const real = await realPathOf(absolute);
  if (data) {
    const sameFile = link !== null && link.dev === data.dev && link.ino === data.ino;
    if (sameFile || real === data.real) throw new CliError('--out tidak boleh menimpa berkas data tim');
    if (data.isFolder && inside(real, data.real))
      throw new CliError(
        `Laporan tidak boleh ditulis di dalam folder data ${data.real}; pilih folder lain untuk --out/--out-dir`,
      );
  }
  await mkdir(dirname(real), { recursive: true });
  return real;
}

/** The real path a not-yet-existing path would have: its nearest existing ancestor resolved. */
async function realPathOf(absolute: string): Promise<string> {
  const rest: string[] = [basename(absolute)];
  let folder = dirname(absolute);
  for (;;) {
    const real = await realpath(folder).catch(() => null);
    if (real !== null) return resolve(real, ...rest.reverse());
    const parent = dirname(folder);
    if (parent === folder) return absolute;
    rest.push(basename(folder));
    folder = parent;
  }
}

/** Refuses an --out-dir inside the CSV data folder before any work is done. */
export async function checkOutDir(outDir: string, data: DataLocation | null): Promise<void> {
  if (data?.isFolder && inside(await realPathOf(resolve(outDir)), data.real))
    throw new CliError(
      `Laporan tidak boleh ditulis di dalam folder data ${data.real}; pilih folder lain untuk --out/--out-dir`,
    );
}

/**
 * Writes a whole file without ever following a symlink at its name (O_NOFOLLOW), so a link
 * planted between the check and the write is refused too.
 */
export async function writeOutputFile(path: string, content: string | Uint8Array): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;
  const file = await open(path, flags, 0o644).catch((error: unknown) => {
    const code = error && typeof error === 'object' && 'code' in error ? error.code : '';
    if (code === 'ELOOP') throw new CliError(`${path} adalah tautan simbolik; laporan tidak ditulis melalui tautan`);
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(`Tidak ada izin menulis ${path}`);
    if (code === 'EISDIR') throw new CliError(`${path} adalah folder; sebutkan nama berkas`);
    throw error;
  });
  try {
    await file.writeFile(content);
  } finally {
    await file.close();
  }
}
