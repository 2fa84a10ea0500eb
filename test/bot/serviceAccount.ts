import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts a local stand-in for the Sheets API; resolves with its root URL ("http://127.0.0.1:port/"). */
export async function listenLocal(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
}

/** A throw-away service-account key file, as GOOGLE_APPLICATION_CREDENTIALS names one. */
export async function serviceAccountKeyFile(tokenUri: string): Promise<string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyFile = join(await mkdtemp(join(tmpdir(), 'djpk-sa-')), 'key.json');
  await writeFile(
    keyFile,
    JSON.stringify({
      type: 'service_account',
      client_email: 'djpk-bot@example.iam.gserviceaccount.com',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
      token_uri: tokenUri,
    }),
  );
  return keyFile;
}
