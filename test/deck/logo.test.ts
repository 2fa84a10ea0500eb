/**
 * The logo as an image, checked (issue 22, item 4): only a regular file, at most 8 MiB, whose
 * header is a whole PNG or JPEG of at most 4096 × 4096 pixels; anything else costs the logo
 * ("deck dibuat tanpa logo", one warning line), never the run, and never unbounded time or memory.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeflate, deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, type ServiceProfile } from '../../core/workbook/profile';
import { readLogo } from '../../formats/deck/deckFiles';
import { checkLogoImage, MAX_LOGO_PIXELS } from '../../formats/deck/logoImage';
import { pngFile } from '../../manifest/icons';
import { cli } from '../fixtures/cli';
import { SAMPLE_XLSX } from '../fixtures/sample';

const LOGO = fileURLToPath(new URL('../fixtures/logo.png', import.meta.url));

const png = pngFile;

/** A real, decodable RGBA PNG of side × side transparent pixels, compressed as a stream (≈ 0.5 MB for 12,000²). */
async function bigPng(side: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const row = Buffer.alloc(1 + side * 4);
  for (let y = 0; y < side; y++) if (!deflate.write(row)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  return png(side, side, 6, Buffer.concat(parts));
}

const profile = (logo: string): ServiceProfile => ({ ...DEFAULT_PROFILE, logo });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'djpk-logo-'));
});

describe('readLogo refuses what is not a small, whole PNG or JPEG, before decoding it', () => {
  it('a FIFO named logo.png: refused at once (it used to block the read forever)', async () => {
    const fifo = join(dir, 'fifo.png');
    execFileSync('mkfifo', [fifo]);
    const t0 = performance.now();
    const { logo, problem } = await readLogo(profile('fifo.png'), dir);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(logo).toBeNull();
    expect(problem).toBe(
      "Berkas logo 'fifo.png' (tab Profil Layanan) bukan berkas biasa (mis. FIFO, perangkat atau berkas sistem)",
    );
  });

  it('a logo.png linked to /dev/zero or into /proc: refused, nothing read', async () => {
    await symlink('/dev/zero', join(dir, 'zero.png'));
    await symlink('/proc/self/environ', join(dir, 'environ.png'));
    const rss = process.memoryUsage().rss;
    for (const name of ['zero.png', 'environ.png']) {
      const { logo, problem } = await readLogo(profile(name), dir);
      expect(logo).toBeNull();
      expect(problem).toMatch(/bukan berkas biasa/);
    }
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024);
  });

  it('a text file named logo.png, a cut PNG, a cut JPEG, a missing file: one reason each', async () => {
    const good = await readFile(LOGO);
    await writeFile(join(dir, 'teks.png'), 'ini bukan gambar, hanya teks\n');
    await writeFile(join(dir, 'potong.png'), good.subarray(0, good.length - 20));
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x10, 0x00, 0x20, 0x01, 0x01, 0x11, 0x00]),
      Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34]),
    ]);
    await writeFile(join(dir, 'potong.jpg'), jpeg);
    await writeFile(join(dir, 'utuh.jpg'), Buffer.concat([jpeg, Buffer.from([0xff, 0xd9])]));
    const problems = await Promise.all(
      ['teks.png', 'potong.png', 'potong.jpg', 'tidak-ada.png'].map(
        async (n) => (await readLogo(profile(n), dir)).problem,
      ),
    );
    expect(problems).toEqual([
      "Logo 'teks.png' (tab Profil Layanan) tidak dipakai: isinya bukan gambar PNG atau JPEG",
      "Logo 'potong.png' (tab Profil Layanan) tidak dipakai: berkas PNG-nya terpotong",
      "Logo 'potong.jpg' (tab Profil Layanan) tidak dipakai: berkas JPEG-nya terpotong",
      "Berkas logo 'tidak-ada.png' (tab Profil Layanan) tidak ditemukan",
    ]);
    expect((await readLogo(profile('utuh.jpg'), dir)).logo?.mime).toBe('image/jpeg');
    expect(
      (await readLogo(profile('../fixtures/logo.png'), fileURLToPath(new URL('.', import.meta.url)))).logo,
    ).toEqual({ bytes: good, mime: 'image/png' });
  });

  it('a 0.5 MB PNG of 12,000 × 12,000 pixels is refused by its header, in milliseconds', async () => {
    const big = await bigPng(12_000);
    expect(big.length).toBeLessThan(1024 * 1024);
    await writeFile(join(dir, 'besar.png'), big);
    const t0 = performance.now();
    const { logo, problem } = await readLogo(profile('besar.png'), dir);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(logo).toBeNull();
    expect(problem).toBe(
      "Logo 'besar.png' (tab Profil Layanan) tidak dipakai: gambarnya 12000 × 12000 piksel, lebih dari batas 4096 × 4096",
    );
    const side = (n: number) => checkLogoImage(png(n, n, 2, deflateSync(Buffer.alloc(1))));
    expect(side(MAX_LOGO_PIXELS).ok).toBe(true);
    expect(side(MAX_LOGO_PIXELS + 1).ok).toBe(false);
    expect(checkLogoImage(png(0, 10, 2, deflateSync(Buffer.alloc(1)))).ok).toBe(false);
  });
});

describe('CLI: a bad logo costs the logo, never the deck', () => {
  let data: string;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE_XLSX);
    workbook.getWorksheet('Profil Layanan')?.addRow(['Logo', 'logo.png']);
    data = join(dir, 'data.xlsx');
    await workbook.xlsx.writeFile(data);
  });

  async function run(logo: Uint8Array | string, format: 'pptx' | 'pdf') {
    const case_ = await mkdtemp(join(dir, 'kasus-'));
    await writeFile(join(case_, 'data.xlsx'), await readFile(data));
    await writeFile(join(case_, 'logo.png'), logo);
    const out = join(case_, 'out');
    await mkdir(out);
    const result = await cli(
      'report',
      '--data',
      join(case_, 'data.xlsx'),
      '--month',
      '2025-01',
      '--format',
      format,
      '--out-dir',
      out,
    );
    return { ...result, file: await readFile(join(out, `laporan-2025-01.${format}`)).catch(() => null) };
  }
  const warnings = (stderr: string) => stderr.split('\n').filter((l) => /^Peringatan: .*logo/i.test(l));

  it('a text file named logo.png is not embedded in the PPTX', async () => {
    const { code, stderr, file } = await run('<html>bukan gambar</html>', 'pptx');
    expect(code).toBe(0);
    expect(warnings(stderr)).toEqual([
      "Peringatan: Logo 'logo.png' (tab Profil Layanan) tidak dipakai: isinya bukan gambar PNG atau JPEG; deck dibuat tanpa logo.",
    ]);
    const zip = await JSZip.loadAsync(file ?? new Uint8Array());
    expect(Object.keys(zip.files).filter((n) => /^ppt\/media\/./.test(n))).toEqual([]);
  });

  it('a cut-off PNG with PDF: exit 0, the PDF without an image', async () => {
    const good = await readFile(LOGO);
    const { code, stderr, file } = await run(good.subarray(0, 60), 'pdf');
    expect(code).toBe(0);
    expect(warnings(stderr)).toEqual([
      "Peringatan: Logo 'logo.png' (tab Profil Layanan) tidak dipakai: berkas PNG-nya terpotong; deck dibuat tanpa logo.",
    ]);
    expect(file?.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file?.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it('a whole PNG whose pixel data is damaged: the renderer fails on it, the deck is made without it', async () => {
    const damaged = png(40, 30, 6, Buffer.from('bukan data zlib sama sekali, rusak'));
    expect(checkLogoImage(damaged).ok).toBe(true);
    const { code, stderr, file } = await run(damaged, 'pdf');
    expect(code).toBe(0);
    expect(warnings(stderr)).toEqual([
      'Peringatan: Logo (tab Profil Layanan) tidak dapat digambar; gambarnya rusak; deck dibuat tanpa logo.',
    ]);
    expect(file?.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
