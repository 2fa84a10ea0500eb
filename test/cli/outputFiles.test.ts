/**
 * Files (issue 12): real paths are compared, nothing is written through a symlink, and the
 * team's data (the workbook under any name, or any file of the CSV folder) is never written.
 */
import { copyFile, link, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../cli/errors';
import { writeOutputFile } from '../../cli/safeWrite';
import { cli } from '../fixtures/cli';
import { SAMPLE_XLSX } from '../fixtures/sample';

let dir: string;
let data: string;
let original: Buffer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'djpk-files-'));
  data = join(dir, 'data.xlsx');
  await copyFile(SAMPLE_XLSX, data);
  original = await readFile(data);
});

const expectRefused = (run: { code: number; stderr: string }, message: RegExp) => {
  expect(run.code).toBe(2);
  // Progress lines may come first; the refusal is the last line, and no stack trace.
  expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(/^Galat: /);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
};

describe('the data workbook is never written, under any name', () => {
  it.each(['html', 'xlsx', 'json'])('--out through a symlink to the workbook (%s)', async (format) => {
    const alias = join(dir, `alias-${format}.xlsx`);
    await symlink(data, alias);
    expectRefused(await cli('report', '--data', data, '--format', format, '--out', alias), /tautan simbolik/);
    expect((await readFile(data)).equals(original)).toBe(true);
  });

  it('--out as a hard link to the workbook, or a path through ..', async () => {
    const hard = join(dir, 'keras.xlsx');
    await link(data, hard);
    expectRefused(await cli('report', '--data', data, '--format', 'xlsx', '--out', hard), /menimpa berkas data tim/);
    await mkdir(join(dir, 'sub'), { recursive: true });
    const dotted = join(dir, 'sub', '..', 'data.xlsx');
    expectRefused(await cli('report', '--data', data, '--format', 'html', '--out', dotted), /menimpa berkas data tim/);
    expect((await readFile(data)).equals(original)).toBe(true);
  });

  it('--data given through a symlink: the real workbook is still protected', async () => {
    const viaLink = join(dir, 'lewat-tautan.xlsx');
    await symlink(data, viaLink);
    expectRefused(await cli('report', '--data', viaLink, '--format', 'xlsx', '--out', data), /menimpa berkas data tim/);
    expect((await readFile(data)).equals(original)).toBe(true);
  });
});

describe('no write through a planted symlink', () => {
  it('a symlink at <out-dir>/laporan-2025-01.html is not followed', async () => {
    const outDir = join(dir, 'out');
    await mkdir(outDir);
    const victim = join(dir, 'korban.txt');
    await writeFile(victim, 'jangan diubah');
    await symlink(victim, join(outDir, 'laporan-2025-01.html'));
    expectRefused(
      await cli('report', '--data', data, '--month', '2025-01', '--format', 'html', '--out-dir', outDir),
      /laporan-2025-01\.html adalah tautan simbolik/,
    );
    expect(await readFile(victim, 'utf8')).toBe('jangan diubah');
  });

  it('writeOutputFile refuses a symlink even if one appears after the check (O_NOFOLLOW)', async () => {
    const victim = join(dir, 'korban2.txt');
    await writeFile(victim, 'asli');
    const planted = join(dir, 'tanam.html');
    await symlink(victim, planted);
    await expect(writeOutputFile(planted, 'isi')).rejects.toBeInstanceOf(CliError);
    expect(await readFile(victim, 'utf8')).toBe('asli');
  });

  it('template --force does not write through a symlink', async () => {
    const victim = join(dir, 'korban3.xlsx');
    await writeFile(victim, 'asli');
    const planted = join(dir, 'template.xlsx');
    await symlink(victim, planted);
    expectRefused(await cli('template', '--out', planted, '--force'), /tautan simbolik/);
    expect(await readFile(victim, 'utf8')).toBe('asli');
  });
});

describe('the CSV data folder is never written', () => {
  it('--out folder/Tiket.csv and --out-dir folder are refused; the CSV is unchanged', async () => {
    const folder = join(dir, 'csv');
    await mkdir(folder);
    const tiket = 'Tanggal,Kanal\n06/01/2025,WhatsApp\n';
    await writeFile(join(folder, 'Tiket.csv'), tiket);
    expectRefused(
      await cli('report', '--data', folder, '--format', 'md', '--out', join(folder, 'Tiket.csv')),
      /di dalam folder data/,
    );
    expectRefused(
      await cli('report', '--data', folder, '--format', 'html', '--out-dir', folder),
      /di dalam folder data/,
    );
    expect(await readFile(join(folder, 'Tiket.csv'), 'utf8')).toBe(tiket);
    const elsewhere = join(dir, 'laporan.md');
    expect((await cli('report', '--data', folder, '--format', 'md', '--out', elsewhere)).code).toBe(0);
    expect(await readFile(elsewhere, 'utf8')).toContain('Laporan');
  });
});

describe('validate --out', () => {
  it('is refused through a symlink to the workbook and inside the CSV folder', async () => {
    const alias = join(dir, 'alias-validate.html');
    await symlink(data, alias);
    expectRefused(await cli('validate', '--data', data, '--format', 'html', '--out', alias), /tautan simbolik/);
    expectRefused(await cli('validate', '--data', data, '--format', 'json', '--out', data), /menimpa berkas data tim/);
    expect((await readFile(data)).equals(original)).toBe(true);
  });
});
