import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { monthLabel } from '../../core/format/idDate';
import { type MonthIndex, parseIsoMonth, toIsoMonth, wibWallClock } from '../../core/period/yearMonth';
import type { CachedSource } from '../sources/cachedSource';
import { deckContentKey, wibDay, wibDayStart } from './contentKey';
import type { DeckBuildResult } from './deckBuild';
import { DeckBusyError, DeckLimitError, type DeckQueueLimits, DeckRenderer } from './deckRenderer';

/**
 * The month's deck served by the bot at /laporan/YYYY-MM.pptx|pdf behind an HMAC-signed, expiring
 * query: the card's links work for whoever has them until they expire, and nobody can forge or
 * stretch one. Files are built on the first request, in a worker thread with a time and memory
 * limit (deckRenderer.ts), and kept per month and CONTENT version (contentKey.ts): a reload of
 * unchanged data ("segarkan") costs no new render, and requests for a build under way share it.
 */

export type DeckFileFormat = 'pptx' | 'pdf';

export interface DeckLinkConfig {
  /** HMAC key; no links without it. */
  readonly secret: string | undefined;
  /** "https://bot.example.go.id": where Teams users reach the bot; no links without it. */
  readonly publicBaseUrl: string | undefined;
  readonly ttlSeconds: number;
  /** Limits of the deck builds (each in its own worker thread). */
  readonly render: DeckQueueLimits;
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

/** The month's links signed with `secret`, valid until `expires` (seconds since 1970). */
export function signedDeckLinks(secret: string, publicBaseUrl: string, month: MonthIndex, expires: number): DeckLinks {
  const iso = toIsoMonth(month);
  const base = publicBaseUrl.replace(/\/+$/, '');
  const link = (format: DeckFileFormat) =>
    `${base}/laporan/${iso}.${format}?exp=${expires}&sig=${signature(secret, iso, format, expires)}`;
  return { pptx: link('pptx'), pdf: link('pdf') };
}

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

type BuiltFiles = DeckBuildResult['files'];

interface BuiltDeck {
  /** The content version (contentKey.ts) the files are of. */
  readonly key: string;
  readonly files: Promise<BuiltFiles>;
  /** Set when the build reached a limit: the same content is not built again before then. */
  retryAt?: number;
}

/** How long a build that reached its limit answers with that, for the same content, before it is tried again. */
export const LIMIT_RETRY_MS = 10 * 60_000;

/** The one sentence a person gets when the month's deck reached a build limit. */
export function limitSentence(month: MonthIndex, error: DeckLimitError, limits: DeckQueueLimits): string {
  const limit =
    error.limit === 'time'
      ? `batas waktu ${String(limits.timeMs / 1000).replace('.', ',')} detik`
      : `batas memori ${limits.memoryMb} MiB`;
  return `Deck ${monthLabel(month)} tidak dapat dibuat karena melebihi ${limit}; periksa teks yang sangat panjang di tab Narasi atau buat deck dengan perintah npm run report -- --month ${toIsoMonth(month)} --format pptx,pdf.`;
}

export const BUSY_SENTENCE = 'Bot sedang membuat deck lain; coba lagi dalam satu menit.';

export class DeckLinkService {
  /** One built deck per month: the one of the newest content version. */
  private readonly built = new Map<MonthIndex, BuiltDeck>();
  private readonly renderer: DeckRenderer;
  readonly router: Router;

  constructor(
    private readonly config: DeckLinkConfig,
    private readonly source: CachedSource,
    private readonly now: () => number = Date.now,
    private readonly log: (event: Record<string, unknown>) => void = () => undefined,
  ) {
    this.renderer = new DeckRenderer(config.render);
    this.router = express.Router();
    this.router.get('/laporan/:file', (req, res) => {
      void this.serve(req, res);
    });
  }

  /** Signed links to the month's PPTX and PDF, or null when the bot has no public URL or no secret. */
  links(month: MonthIndex): DeckLinks | null {
    const { secret, publicBaseUrl } = this.config;
    if (!secret || !publicBaseUrl) return null;
    return signedDeckLinks(secret, publicBaseUrl, month, Math.floor(this.now() / 1000) + this.config.ttlSeconds);
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
    const m = parseIsoMonth(month) as MonthIndex;
    try {
      const started = Date.now();
      const files = await this.files(m);
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
      if (error instanceof DeckLimitError) {
        res.status(503).json({ error: limitSentence(m, error, this.config.render) });
        return;
      }
      if (error instanceof DeckBusyError) {
        res.status(503).set('retry-after', '60').json({ error: BUSY_SENTENCE });
        return;
      }
      this.log({ event: 'deck.error', month, error: error instanceof Error ? error.name : 'Error' });
      res.status(500).json({ error: 'Deck tidak dapat dibuat saat ini; coba lagi nanti' });
    }
  }

  /** Both files of the month for the current data, built once per content version. */
  private async files(month: MonthIndex): Promise<BuiltFiles> {
    const read = await this.source.read(false);
    const day = wibDay(wibWallClock(this.now()));
    const key = deckContentKey(read.raw, month, day);
    const cached = this.built.get(month);
    if (cached && cached.key === key && (cached.retryAt === undefined || this.now() < cached.retryAt))
      return cached.files;
    const iso = toIsoMonth(month);
    const version = key.slice(-12);
    const started = Date.now();
    const files = this.renderer.build({ raw: read.raw, month, now: wibDayStart(day) }).then((result) => {
      this.log({
        event: 'deck.built',
        month: iso,
        version,
        ms: Date.now() - started,
        workerMs: result.ms,
        heapUsedMb: result.heapUsedMb,
        heapLimitMb: result.heapLimitMb,
      });
      return result.files;
    });
    const entry: BuiltDeck = { key, files };
    this.built.set(month, entry);
    files.catch((error: unknown) => {
      if (this.built.get(month) !== entry) return;
      if (error instanceof DeckLimitError) {
        // The same content would reach the same limit: its link answers at once for a while.
        entry.retryAt = this.now() + LIMIT_RETRY_MS;
        this.log({ event: 'deck.limit', month: iso, version, limit: error.limit, ms: Date.now() - started });
      } else {
        // A failed build (or a refused one) is not kept: the next request tries again.
        this.built.delete(month);
      }
    });
    return files;
  }
}
