/** The shared stores against Azurite (Microsoft's storage emulator), through the real Azure SDKs. */
import { ContainerClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBot } from '../../bot/compose';
import { loadConfig } from '../../bot/config';
import { BlobChannelStore, BlobLedger } from '../../bot/post/blobStores';
import { startServer } from '../../bot/server';
import { startAzurite } from './azurite';
import { activity, ConnectorCapture } from './connectorCapture';

let azurite: Awaited<ReturnType<typeof startAzurite>>;
const connector = new ConnectorCapture();
beforeAll(async () => {
  azurite = await startAzurite();
  await connector.start();
}, 90_000);
afterAll(async () => {
  azurite?.stop();
  await connector.stop();
});

const DUE = Date.UTC(2025, 1, 5, 2, 0);

describe('BlobLedger (If-None-Match / If-Match on Azure Blob Storage)', () => {
  it('of concurrent claims exactly one wins; a sent record stays sent', async () => {
    const a = BlobLedger.fromConnectionString(azurite.connectionString, 'ledger-race');
    const b = BlobLedger.fromConnectionString(azurite.connectionString, 'ledger-race');
    const results = await Promise.all([
      a.claim('k|2025-01', 'a', DUE),
      b.claim('k|2025-01', 'b', DUE),
      a.claim('k|2025-01', 'a', DUE),
    ]);
    const won = results.filter((r) => r.outcome === 'claimed');
    expect(won).toHaveLength(1);
    const lease = won[0]?.outcome === 'claimed' ? won[0].lease : null;
    expect(lease).toMatchObject({ key: 'k|2025-01', attempt: 1 });
    if (lease) await a.update(lease, DUE + 1000, { state: 'sent', activityId: 'act-1' });
    expect(await b.claim('k|2025-01', 'b', DUE + 20 * 60_000)).toMatchObject({
      outcome: 'alreadySent',
      record: { state: 'sent', activityId: 'act-1' },
    });
  });

  it('an expired claim (a crash) is taken over by exactly one instance', async () => {
    const a = BlobLedger.fromConnectionString(azurite.connectionString, 'ledger-crash');
    const b = BlobLedger.fromConnectionString(azurite.connectionString, 'ledger-crash');
    expect(await a.claim('k', 'crashed', DUE)).toMatchObject({ outcome: 'claimed', lease: { attempt: 1 } });
    expect(await b.claim('k', 'b', DUE + 60_000)).toMatchObject({ outcome: 'inProgress' });
    const later = DUE + 11 * 60_000;
    const takeovers = await Promise.all([a.claim('k', 'a', later), b.claim('k', 'b', later)]);
    expect(takeovers.filter((r) => r.outcome === 'claimed')).toEqual([
      { outcome: 'claimed', lease: expect.objectContaining({ key: 'k', attempt: 2 }) },
    ]);
  });

  it('BlobChannelStore keeps the channel for every instance, and reads a record written by botbuilder-azure-blobs', async () => {
    const store = BlobChannelStore.fromConnectionString(azurite.connectionString, 'channels');
    expect(await store.get()).toBeNull();
    await store.save({ reference: { serviceUrl: 'http://x/' }, channelId: '19:c', learnedAt: 1 });
    const other = BlobChannelStore.fromConnectionString(azurite.connectionString, 'channels');
    expect(await other.get()).toEqual({ reference: { serviceUrl: 'http://x/' }, channelId: '19:c', learnedAt: 1 });
    await other.markInactive('403', 2);
    expect((await store.get())?.inactive).toEqual({ since: 2, reason: '403' });
    // What BlobsStorage of botbuilder-azure-blobs (the earlier store) wrote: the same blob, an eTag field.
    const container = new ContainerClient(azurite.connectionString, 'channels');
    const old = JSON.stringify({ reference: { serviceUrl: 'http://y/' }, channelId: '19:d', learnedAt: 3, eTag: '*' });
    await container.getBlockBlobClient('djpk-channel').upload(old, Buffer.byteLength(old));
    expect(await store.get()).toEqual({ reference: { serviceUrl: 'http://y/' }, channelId: '19:d', learnedAt: 3 });
  });

  it('two bot instances configured with the same storage post the monthly summary once', async () => {
    const env = {
      PORT: '0',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: 'bot-shared',
      DJPK_CHANNEL_ID: '19:general@thread.tacv2',
    };
    const instances = ['a', 'b'].map((owner) => composeBot(loadConfig(env), { now: () => DUE, owner }));
    const server = await startServer(loadConfig(env), instances[0] as ReturnType<typeof composeBot>);
    const install = activity(connector.url, {
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'bot-1' }],
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' },
      channelData: {
        tenant: { id: 'tenant-1' },
        team: { id: '19:team@thread.tacv2', name: 'Tim DJPK' },
        channel: { id: '19:general@thread.tacv2' },
      },
    });
    await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(install),
    });
    const before = connector.received.filter((r) => r.path === '/v3/conversations').length;
    const outcomes = await Promise.all(instances.map((bot) => bot.tick()));
    expect(outcomes.map((o) => o?.outcome).filter((o) => o === 'sent')).toHaveLength(1);
    expect(connector.received.filter((r) => r.path === '/v3/conversations').length - before).toBe(1);
    await server.close();
  });
});
