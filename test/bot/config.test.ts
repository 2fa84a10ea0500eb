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
      'Konfigurasi tidak valid: MicrosoftAppTenantId: wajib diisi untuk SingleTenant',
    ],
  ])('%j is refused with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('npm run bot (built JavaScript, built first when missing or stale) with a bad value stops with one line and a non-zero exit', async () => {
    const launcher = fileURLToPath(new URL('../../scripts/bot.mjs', import.meta.url));
    const error = await promisify(execFile)(process.execPath, [launcher], {
      env: { ...process.env, PORT: 'x', DJPK_DATA_FILE: '' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((error as { code: number }).code).toBe(1);
    expect((error as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
    expect((error as { stderr: string }).stderr).toContain('Konfigurasi tidak valid: PORT');
  });
});
