import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_MONTHLY_CRON, MonthlySchedule } from './post/schedule';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The project folder: the nearest parent with package.json (bot/ under tsx, dist/bot/ when built). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const SAMPLE = join(projectRoot(), 'sample', 'djpk-sample.xlsx');

/**
 * The bot's environment, validated at start-up. The Azure settings keep the names the Azure Bot
 * resource shows (MicrosoftAppId, MicrosoftAppTenantId, …); they are handed to the Teams SDK
 * explicitly, so its own variables (CLIENT_ID, TENANT_ID, …) never change what the bot does.
 */
export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /** Address to bind; default 127.0.0.1 in local mode, 0.0.0.0 (every interface) with an app ID. */
    HOST: z.string().trim().optional(),
    MicrosoftAppId: z.string().trim().default(''),
    MicrosoftAppPassword: z.string().default(''),
    /**
     * How the bot proves who it is, as Azure creates bots today: a single-tenant app registration
     * with a client secret, or a user-assigned managed identity. Azure creates no new multi-tenant
     * bots since 31 July 2025, so MultiTenant is refused with that reason.
     */
    MicrosoftAppType: z
      .enum(['SingleTenant', 'UserAssignedMSI'], {
        error: (issue) =>
          issue.input === 'MultiTenant'
            ? 'MultiTenant tidak didukung (Azure tidak lagi membuat bot multi-tenant sejak 31 Juli 2025); pilih SingleTenant atau UserAssignedMSI'
            : 'pilih SingleTenant atau UserAssignedMSI',
      })
      .default('SingleTenant'),
    /** The Microsoft Entra tenant (Directory ID) the bot is registered in; required with MicrosoftAppId. */
    MicrosoftAppTenantId: z.string().trim().default(''),
    DJPK_DATA_FILE: z.string().trim().optional(),
    GOOGLE_SHEETS_ID: z.string().trim().optional(),
    GOOGLE_APPLICATION_CREDENTIALS: z.string().trim().optional(),
    /** Only for tests and emulators: the Sheets API base URL. */
    GOOGLE_SHEETS_ROOT_URL: z.string().url().optional(),
    CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(300),
    /** Deadline of one Google Sheets read (token, calls and retries); then the last good data answers. */
    SHEETS_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(600).default(30),
    /** Only for tests: where inbound Bot Framework tokens' signing keys are published (OpenID metadata). */
    BOT_OPENID_METADATA_URL: z.string().url().optional(),
    /**
     * The Teams channel for the monthly post ("19:…@thread.tacv2"). When set, only this channel is
     * ever stored; when empty, an admin sets it with "atur kanal ringkasan" typed in the channel.
     */
    DJPK_CHANNEL_ID: z.string().trim().optional(),
    MONTHLY_POST_CRON: z
      .string()
      .trim()
      .default(DEFAULT_MONTHLY_CRON)
      .refine(
        (pattern) => {
          try {
            MonthlySchedule.validate(pattern);
            return true;
          } catch {
            return false;
          }
        },
        { message: 'pola cron tidak valid (contoh: "0 9 5 * *" = tanggal 5 pukul 09.00 WIB)' },
      ),
    /**
     * How long a monthly-post claim lives without renewal before another instance acts on it (a
     * crash); renewed every quarter of it while a post is prepared and sent.
     */
    MONTHLY_POST_LEASE_SECONDS: z.coerce.number().positive().default(600),
    /** How long one send to Teams may take before it counts as "tidak pasti" (at most half the lease). */
    MONTHLY_POST_SEND_TIMEOUT_SECONDS: z.coerce.number().positive().default(60),
    /** AAD object IDs allowed to run admin commands, comma-separated. */
    DJPK_ADMIN_IDS: z.string().default('').transform(list),
    /** Tenants the bot answers; empty: the bot's own tenant (MicrosoftAppTenantId). */
    ALLOWED_TENANT_IDS: z.string().default('').transform(list),
    /** Where the channel reference and the post ledger live (a folder shared by all instances). */
    DJPK_STATE_DIR: z.string().trim().default('.data'),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    /** Azure Blob Storage shared by several instances (else files in DJPK_STATE_DIR). */
    AZURE_STORAGE_CONNECTION_STRING: z.string().trim().optional(),
    AZURE_STORAGE_CONTAINER: z
      .string()
      .trim()
      .regex(/^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/, 'nama container Azure: huruf kecil, angka, tanda hubung (3–63)')
      .default('djpk-bot'),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(256 * 1024),
    /** Signed /laporan links to the month's deck: where Teams users reach the bot, and the HMAC key. */
    PUBLIC_BASE_URL: z.string().trim().url('URL http(s), mis. https://bot-djpk.example.go.id').optional(),
    DECK_LINK_SECRET: z.string().min(32, 'minimal 32 karakter acak').optional(),
    DECK_LINK_TTL_HOURS: z.coerce
      .number()
      .min(0.01)
      .max(24 * 31)
      .default(72),
    /**
     * One deck build (a worker thread, one at a time): its time limit and its JS heap limit. A build
     * that reaches one is answered with one sentence (HTTP 503), never a hung link.
     */
    DECK_RENDER_TIMEOUT_SECONDS: z.coerce.number().min(0.01).max(600).default(60),
    DECK_RENDER_MEMORY_MB: z.coerce.number().int().min(16).max(16_384).default(512),
  })
  .superRefine((c, ctx) => {
    if (c.GOOGLE_SHEETS_ID && !c.GOOGLE_APPLICATION_CREDENTIALS) {
      ctx.addIssue({
        code: 'custom',
        path: ['GOOGLE_APPLICATION_CREDENTIALS'],
        message: 'wajib diisi bila GOOGLE_SHEETS_ID dipakai',
      });
    }
    if (c.GOOGLE_SHEETS_ID && c.DJPK_DATA_FILE) {
      ctx.addIssue({
        code: 'custom',
        path: ['DJPK_DATA_FILE'],
        message: 'pilih salah satu: DJPK_DATA_FILE atau GOOGLE_SHEETS_ID',
      });
    }
    if (c.MicrosoftAppId && !c.MicrosoftAppPassword && c.MicrosoftAppType === 'SingleTenant') {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message:
          'wajib diisi bila MicrosoftAppId diisi (SingleTenant: client secret; managed identity: MicrosoftAppType=UserAssignedMSI)',
      });
    }
    if (c.HOST && !c.MicrosoftAppId && !/^(127(?:\.\d{1,3}){3}|::1|localhost)$/.test(c.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message: 'tanpa MicrosoftAppId (mode lokal tanpa autentikasi) hanya alamat loopback, mis. 127.0.0.1',
      });
    }
    if (c.MONTHLY_POST_SEND_TIMEOUT_SECONDS * 2 > c.MONTHLY_POST_LEASE_SECONDS) {
      ctx.addIssue({
        code: 'custom',
        path: ['MONTHLY_POST_SEND_TIMEOUT_SECONDS'],
        message: 'paling lama setengah MONTHLY_POST_LEASE_SECONDS',
      });
    }
    if (c.PUBLIC_BASE_URL && !c.DECK_LINK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['DECK_LINK_SECRET'], message: 'wajib diisi bila PUBLIC_BASE_URL diisi' });
    }
    if (c.MicrosoftAppId && !c.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `wajib diisi untuk ${c.MicrosoftAppType}: ID tenant Microsoft Entra (Directory ID) tempat bot Azure didaftarkan`,
      });
    }
  });

export type BotConfig = z.infer<typeof ConfigSchema> & {
  /** Without an app ID the bot runs unauthenticated, bound to 127.0.0.1 only. */
  readonly localMode: boolean;
  readonly dataFile: string;
  /** The address the server binds. */
  readonly host: string;
  /**
   * Tenants whose activities are answered: ALLOWED_TENANT_IDS, else the bot's own tenant. Empty
   * only in local mode (no app ID, loopback only), where every tenant is answered.
   */
  readonly answeredTenants: readonly string[];
};

/** A configuration problem: one line naming the variable. */
export class ConfigError extends Error {}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): BotConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'konfigurasi');
    throw new ConfigError(`Konfigurasi tidak valid: ${name}: ${issue?.message ?? 'tidak valid'}`);
  }
  const c = parsed.data;
  const localMode = c.MicrosoftAppId === '';
  return {
    ...c,
    localMode,
    dataFile: c.DJPK_DATA_FILE ?? SAMPLE,
    host: c.HOST || (localMode ? '127.0.0.1' : '0.0.0.0'),
    answeredTenants: c.ALLOWED_TENANT_IDS.length > 0 ? c.ALLOWED_TENANT_IDS : localMode ? [] : [c.MicrosoftAppTenantId],
  };
}
