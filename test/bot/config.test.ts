import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config';

describe('bot configuration', () => {
  it('defaults: local mode on the bundled sample, port 3978', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3978,
      host: '127.0.0.1',
      localMode: true,
      CACHE_TTL_SECONDS: 300,
      SHEETS_TIMEOUT_SECONDS: 30,
    });
    expect(config.dataFile).toMatch(/sample\/djpk-sample\.xlsx$/);
  });

  it.each([
    [{ PORT: 'delapan' }, 'Konfigurasi tidak valid: PORT:'],
    [
      { GOOGLE_SHEETS_ID: 'abc' },
      'Konfigurasi tidak valid: GOOGLE_APPLICATION_CREDENTIALS: wajib diisi bila GOOGLE_SHEETS_ID dipakai',
    ],
    [{ MicrosoftAppId: 'app' }, 'Konfigurasi tidak valid: MicrosoftAppPassword: wajib diisi bila MicrosoftAppId diisi'],
    [{ MicrosoftAppType: 'Single' }, 'Konfigurasi tidak valid: MicrosoftAppType:'],
    [{ SHEETS_TIMEOUT_SECONDS: '0' }, 'Konfigurasi tidak valid: SHEETS_TIMEOUT_SECONDS:'],
    [{ HOST: '0.0.0.0' }, 'Konfigurasi tidak valid: HOST: tanpa MicrosoftAppId'],
    [
      { MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' },
      'Konfigurasi tidak valid: MicrosoftAppTenantId: wajib diisi untuk SingleTenant: ID tenant Microsoft Entra (Directory ID) tempat bot Azure didaftarkan',
    ],
    // Single tenant is the default type: an app ID and a secret without the tenant are refused.
    [
      { MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' },
      'Konfigurasi tidak valid: MicrosoftAppTenantId: wajib diisi untuk SingleTenant',
    ],
    [
      { MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI' },
      'Konfigurasi tidak valid: MicrosoftAppTenantId: wajib diisi untuk UserAssignedMSI',
    ],
    [
      { MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: 't', MicrosoftAppType: 'MultiTenant' },
      'Konfigurasi tidak valid: MicrosoftAppType: MultiTenant tidak didukung (Azure tidak lagi membuat bot multi-tenant sejak 31 Juli 2025); pilih SingleTenant atau UserAssignedMSI',
    ],
  ])('%j is refused with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("the tenants answered: ALLOWED_TENANT_IDS, else the bot's own tenant; every tenant only in local mode", () => {
    const registered = { MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: 'tenant-djpk' };
    expect(loadConfig(registered).answeredTenants).toEqual(['tenant-djpk']);
    expect(loadConfig({ ...registered, ALLOWED_TENANT_IDS: 'x, y' }).answeredTenants).toEqual(['x', 'y']);
    expect(
      loadConfig({ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }),
    ).toMatchObject({
      MicrosoftAppType: 'UserAssignedMSI',
      answeredTenants: ['t'],
    });
    expect(loadConfig({}).answeredTenants).toEqual([]);
  });

  it('npm run bot (built JavaScript, built first when missing or stale) with a bad value stops with one line and a non-zero exit', async () => {
    const launcher = fileURLToPath(new URL('../../scripts/bot.mjs', import.meta.url));
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, [launcher], { env: { ...process.env, DJPK_DATA_FILE: '', ...env } }).catch(
        (e: { code: number; stderr: string }) => e,
      );
    for (const [env, line] of [
      [{ PORT: 'x' }, 'Konfigurasi tidak valid: PORT'],
      // Start-up of a single-tenant bot without its tenant: the setting is named.
      [
        { MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: '' },
        'Konfigurasi tidak valid: MicrosoftAppTenantId: wajib diisi untuk SingleTenant: ID tenant Microsoft Entra (Directory ID) tempat bot Azure didaftarkan',
      ],
    ] as const) {
      const error = await run(env);
      expect((error as { code: number }).code).toBe(1);
      expect((error as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
      expect((error as { stderr: string }).stderr).toContain(line);
    }
  });
});
