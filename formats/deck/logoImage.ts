/**
 * The logo is checked as an image before any renderer decodes it: its header says what it is and
 * how many pixels it has, so a non-image named .png, a cut-off file or a 12,000 × 12,000 picture
 * (2.4 GiB once pdfkit splits its alpha channel) is refused in microseconds. Pure: no Node APIs.
 */

/** Largest logo file read (a crisp logo is tens of kilobytes). */
export const MAX_LOGO_BYTES = 8 * 1024 * 1024;
/** Largest logo side in pixels: far sharper than a 16:9 slide shows it, and bounded to decode. */
export const MAX_LOGO_PIXELS = 4096;

export interface ImageInfo {
  readonly mime: 'image/png' | 'image/jpeg';
  readonly width: number;
  readonly height: number;
}

export type ImageCheck =
  | { readonly ok: true; readonly image: ImageInfo }
  | { readonly ok: false; readonly why: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** PNG colour types and the bit depths each allows (PNG specification, 11.2.2 IHDR). */
const PNG_DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

const u32 = (b: Uint8Array, at: number): number =>
  ((b[at] ?? 0) * 0x1000000 + ((b[at + 1] ?? 0) << 16) + ((b[at + 2] ?? 0) << 8) + (b[at + 3] ?? 0)) >>> 0;
const u16 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const ascii = (b: Uint8Array, at: number, n: number): string => String.fromCharCode(...b.subarray(at, at + n));

const sized = (image: ImageInfo): ImageCheck =>
  image.width < 1 || image.height < 1
    ? { ok: false, why: 'ukuran gambarnya 0 piksel' }
    : image.width > MAX_LOGO_PIXELS || image.height > MAX_LOGO_PIXELS
      ? {
          ok: false,
          why: `gambarnya ${image.width} × ${image.height} piksel, lebih dari batas ${MAX_LOGO_PIXELS} × ${MAX_LOGO_PIXELS}`,
        }
      : { ok: true, image };

/** PNG: signature, IHDR first, every chunk whole, at least one IDAT (and PLTE for a palette), IEND last. */
function checkPng(b: Uint8Array): ImageCheck {
  if (b.length < 8 + 25 || ascii(b, 12, 4) !== 'IHDR' || u32(b, 8) !== 13)
    return { ok: false, why: 'berkas PNG-nya rusak (tanpa header IHDR)' };
  const width = u32(b, 16);
  const height = u32(b, 20);
  const depth = b[24] ?? 0;
  const colour = b[25] ?? 0;
  if (!PNG_DEPTHS[colour]?.includes(depth) || b[26] !== 0 || b[27] !== 0 || (b[28] ?? 2) > 1)
    return { ok: false, why: 'berkas PNG-nya memakai format yang tidak sah' };
  const size = sized({ mime: 'image/png', width, height });
  if (!size.ok) return size;
  let at = 8;
  let data = false;
  let palette = false;
  for (;;) {
    if (at + 12 > b.length) return { ok: false, why: 'berkas PNG-nya terpotong' };
    const length = u32(b, at);
    const type = ascii(b, at + 4, 4);
    if (at + 12 + length > b.length) return { ok: false, why: 'berkas PNG-nya terpotong' };
    if (type === 'IDAT') data = true;
    else if (type === 'PLTE') palette = true;
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!data || (colour === 3 && !palette)) return { ok: false, why: 'berkas PNG-nya tidak berisi gambar' };
  return size;
}

/** JPEG: SOI, whole segments up to the first SOF (its size) and SOS, and an EOI after the scan. */
function checkJpeg(b: Uint8Array): ImageCheck {
  let at = 2;
  let frame: ImageInfo | null = null;
  for (;;) {
    if (at + 4 > b.length || b[at] !== 0xff) return { ok: false, why: 'berkas JPEG-nya rusak atau terpotong' };
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = u16(b, at + 2);
    if (length < 2 || at + 2 + length > b.length) return { ok: false, why: 'berkas JPEG-nya terpotong' };
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): the frame header with the picture's size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const components = b[at + 9] ?? 0;
      if (length < 8 || ![1, 3, 4].includes(components))
        return { ok: false, why: 'berkas JPEG-nya memakai format yang tidak sah' };
      frame = { mime: 'image/jpeg', height: u16(b, at + 5), width: u16(b, at + 7) };
    }
    if (marker === 0xda) break;
    at += 2 + length;
  }
  if (!frame) return { ok: false, why: 'berkas JPEG-nya tidak berisi gambar' };
  // The scan ends with EOI (FF D9); a cut-off file lacks it (a few padding bytes may follow it).
  let end = b.length;
  while (end > at && (b[end - 1] === 0x00 || b[end - 1] === 0x0a || b[end - 1] === 0x0d || b[end - 1] === 0x20)) end--;
  if (b[end - 2] !== 0xff || b[end - 1] !== 0xd9) return { ok: false, why: 'berkas JPEG-nya terpotong' };
  return sized(frame);
}

/** What the bytes are, from their header: a PNG or JPEG within the caps, or why not. */
export function checkLogoImage(bytes: Uint8Array): ImageCheck {
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, why: 'berkasnya terlalu besar' };
  if (PNG_SIGNATURE.every((v, i) => bytes[i] === v)) return checkPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return checkJpeg(bytes);
  return { ok: false, why: 'isinya bukan gambar PNG atau JPEG' };
}
