/**
 * Draws the app icons as PNG with no image library: color 192×192 (blue tile, three bars) and
 * outline 32×32 (white bars on transparent), as Teams requires. `npm run manifest` calls it.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file around a header (8-bit samples, no interlace) and compressed pixel data. */
export function pngFile(width: number, height: number, colourType: number, idat: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, colourType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** RGBA pixels → PNG (colour type 6, no interlace). */
export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number],
): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (width * 4 + 1) + 1 + x * 4);
    }
  }
  return pngFile(width, height, 6, deflateSync(raw));
}

/** Three rising bars, in a unit square, for both icons. */
const BARS = [
  { x0: 0.2, x1: 0.36, top: 0.55 },
  { x0: 0.42, x1: 0.58, top: 0.38 },
  { x0: 0.64, x1: 0.8, top: 0.2 },
];
const inBar = (u: number, v: number) => v <= 0.8 && BARS.some((b) => u >= b.x0 && u < b.x1 && v >= b.top);

export const colorIcon = (): Buffer =>
  encodePng(192, 192, (x, y) => (inBar(x / 192, y / 192) ? [242, 169, 0, 255] : [11, 79, 138, 255]));

export const outlineIcon = (): Buffer =>
  encodePng(32, 32, (x, y) => (inBar(x / 32, y / 32) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
