import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildManifest, LOCAL_APP_ID } from '../../manifest/build';

/** Width, height and the RGBA pixel at (x, y) of a PNG this project wrote (8-bit RGBA, filter 0). */
function png(buffer: Buffer) {
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  const idat = buffer.indexOf('IDAT');
  const length = buffer.readUInt32BE(idat - 4);
  const raw = inflateSync(buffer.subarray(idat + 4, idat + 4 + length));
  const at = (x: number, y: number) => [
    ...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4),
  ];
  return { width, height, at };
}

describe('Teams app package', () => {
  it('the manifest validates against the official schema, offline', async () => {
    const { manifest, errors, zipPath } = await buildManifest('2b7c3c3e-8f1a-4d8e-9a44-6d2f1c0b9a11');
    expect(errors).toEqual([]);
    expect(manifest.id).toBe('2b7c3c3e-8f1a-4d8e-9a44-6d2f1c0b9a11');
    expect(manifest.bots?.[0]?.botId).toBe('2b7c3c3e-8f1a-4d8e-9a44-6d2f1c0b9a11');
    expect(manifest.bots?.[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots?.[0]?.commandLists?.[0]?.commands.map((c: { title: string }) => c.title)).toContain(
      'konsultasi Januari vs Desember',
    );

    const zip = await JSZip.loadAsync(await readFile(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const color = png(Buffer.from((await zip.file('color.png')?.async('uint8array')) ?? []));
    const outline = png(Buffer.from((await zip.file('outline.png')?.async('uint8array')) ?? []));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.at(0, 0)[3]).toBe(0); // transparent background
    expect(outline.at(23, 20)).toEqual([255, 255, 255, 255]); // white outline
  });

  it('the validator does catch a broken manifest', async () => {
    const { manifest } = await buildManifest(LOCAL_APP_ID);
    const broken = { ...manifest, bots: [{ ...manifest.bots?.[0], scopes: ['kantor'] }] } as typeof manifest;
    expect((await AppManifestUtils.validateAgainstSchema(broken)).join('\n')).toMatch(/scopes/);
  });

  it('an app ID that is not a GUID is refused', async () => {
    await expect(buildManifest('bukan-guid')).rejects.toThrow("MicrosoftAppId 'bukan-guid' bukan GUID");
  });
});
