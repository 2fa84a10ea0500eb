import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Azurite's well-known development account (public, documented by Microsoft). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** Starts Microsoft's storage emulator (the azurite npm package) on loopback, in memory. */
export async function startAzurite(): Promise<{ connectionString: string; stop: () => void }> {
  const port = await freePort();
  const bin = fileURLToPath(new URL('../../node_modules/azurite/dist/src/blob/main.js', import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      bin,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      '--inMemoryPersistence',
      '--silent',
      '--skipApiVersionCheck',
      '--loose',
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/${ACCOUNT}`;
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  // A busy machine can take tens of seconds to start it; a dead process fails at once.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`${url}?comp=list`)
      .then(() => true)
      .catch(() => false);
    if (up) break;
    if (exited !== undefined) throw new Error(`Azurite exited (${exited}) before it listened`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('Azurite did not start within 60 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=${url};`,
    stop: () => child.kill(),
  };
}
