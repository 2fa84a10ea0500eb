import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { ReportBuilder } from '../../core/metrics/report';
import { type MonthIndex, parseIsoMonth, toIsoMonth, wibWallClock } from '../../core/period/yearMonth';
import { parseWorkbook } from '../../core/workbook/workbook';
import { renderDeckFiles } from '../../formats/deck/deckFiles';
import type { CachedSource } from '../sources/cachedSource';

/**
 * The month's deck served by the bot at /laporan/YYYY-MM.pptx|pdf behind an HMAC-signed, expiring
 * query: the card's links work for whoever has them until they expire, and nobody can forge or
 * stretch one. Files are built on the first request and kept per month and data version.
 */

export type DeckFileFormat = 'pptx' | 'pdf';

export interface DeckLinkConfig {
  /** HMAC key; no links without it. */
  readonly secret: string | undefined;
  /** "https://bot.example.go.id": where Teams users reach the bot; no links without it. */
  readonly publicBaseUrl: string | undefined;
  readonly ttlSeconds: number;
}

export interface DeckLinks {
  readonly pptx: string;
  readonly pdf: string;
}

const CONTENT_TYPES: Record<DeckFileFormat, string> = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf',
};

const signature = (secret: string, month: string, format: DeckFileFormat, expires: number): string =>
  createHmac('sha256', secret).update(`laporan/${month}.${format}?exp=${expires}`).digest('base64url');

/** True when `sig` is the signature of this month, format and expiry, and the expiry is still ahead. */
export function verifyDeckQuery(
  secret: string,
  month: string,
  format: DeckFileFormat,
  exp: unknown,
  sig: unknown,
  nowMs: number,
): boolean {
  if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp)) return false;
  const expires = Number(exp);
  if (expires * 1000 <= nowMs) return false;
  const expected = Buffer.from(signature(secret, month, format, expires));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface BuiltDeck {
  readonly version: number;
  readonly files: Promise<Partial<Record<DeckFileFormat, Uint8Array>> | null>;
}

export class DeckLinkService {
  /** One built deck per month: the one of the newest data version. */
  private readonly built = new Map<string, BuiltDeck>();
  readonly router: Router;

  constructor(
    private readonly config: DeckLinkConfig,
    private readonly source: CachedSource,
    private readonly now: () => number = Date.now,
    private readonly log: (event: Record<string, unknown>) => void = () => undefined,
  ) {
    this.router = express.Router();
    this.router.get('/laporan/:file', (req, res) => {
      void this.serve(req, res);
    });
  }

  /** Signed links to the month's PPTX and PDF, or null when the bot has no public URL or no secret. */
  links(month: MonthIndex): DeckLinks | null {
    const { secret, publicBaseUrl } = this.config;
    if (!secret || !publicBaseUrl) return null;
    const iso = toIsoMonth(month);
    const expires = Math.floor(this.now() / 1000) + this.config.ttlSeconds;
    const base = publicBaseUrl.replace(/\/+$/, '');
    const link = (format: DeckFileFormat) =>
      `${base}/laporan/${iso}.${format}?exp=${expires}&sig=${signature(secret, iso, format, expires)}`;
    return { pptx: link('pptx'), pdf: link('pdf') };
  }

  private async serve(req: Request, res: Response): Promise<void> {
    const match = /^(\d{4}-\d{2})\.(pptx|pdf)$/.exec(String(req.params.file));
    const month = match?.[1];
    const format = match?.[2] as DeckFileFormat | undefined;
    const secret = this.config.secret;
    res.set('cache-control', 'private, no-store');
    if (!month || !format || parseIsoMonth(month) === null) {
      res.status(404).json({ error: 'Berkas tidak ditemukan' });
      return;
    }
    // Unsigned, expired, tampered or links switched off: 403 and no file.
    if (!secret || !verifyDeckQuery(secret, month, format, req.query.exp, req.query.sig, this.now())) {
      this.log({ event: 'deck.refused', month, format });
      res.status(403).json({ error: 'Tautan tidak sah atau sudah kedaluwarsa; minta tautan baru ke bot' });
      return;
    }
    try {
      const started = Date.now();
      const files = await this.files(month);
      const bytes = files?.[format];
      if (!bytes) {
        res.status(404).json({ error: `Data ${month} belum tersedia` });
        return;
      }
      res
        .status(200)
        .set('content-type', CONTENT_TYPES[format])
        .set('content-disposition', `attachment; filename="laporan-${month}.${format}"`)
        .set('x-content-type-options', 'nosniff')
        .send(Buffer.from(bytes));
      this.log({ event: 'deck.served', month, format, bytes: bytes.length, ms: Date.now() - started });
    } catch (error) {
      this.log({ event: 'deck.error', month, error: error instanceof Error ? error.name : 'Error' });
      res.status(500).json({ error: 'Deck tidak dapat dibuat saat ini; coba lagi nanti' });
    }
  }

  /** Both files of the month for the current data, built once per data version. */
  private async files(month: string): Promise<Partial<Record<DeckFileFormat, Uint8Array>> | null> {
    const read = await this.source.read(false);
    const cached = this.built.get(month);
    if (cached && cached.version === read.readAt) return cached.files;
    const files = (async () => {
      const m = parseIsoMonth(month) as MonthIndex;
      const wb = parseWorkbook(read.raw, { now: wibWallClock(this.now()) });
      const builder = new ReportBuilder(wb);
      if (!builder.figures.monthsWithData().includes(m)) return null;
      this.log({ event: 'deck.built', month, version: read.readAt });
      const { pptx, pdf } = await renderDeckFiles(
        builder.build(m),
        { narasi: wb.narasi, profile: wb.profile, logo: null },
        ['pptx', 'pdf'],
      );
      return { ...(pptx ? { pptx } : {}), ...(pdf ? { pdf } : {}) };
    })();
    this.built.set(month, { version: read.readAt, files });
    // A failed build is not kept: the next request tries again.
    files.catch(() => {
      if (this.built.get(month)?.files === files) this.built.delete(month);
    });
    return files;
  }
}
