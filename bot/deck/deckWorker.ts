/**
 * The deck worker's entry (a worker thread, see deckRenderer.ts): builds one month's deck from the
 * request in workerData, posts the result and ends. Bundled as dist/bot/deckWorker.js.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { buildMonthDeck, type DeckBuildRequest, type DeckBuildResult } from './deckBuild';

const started = performance.now();
const files = await buildMonthDeck(workerData as DeckBuildRequest);
const heap = getHeapStatistics();
const result: DeckBuildResult = {
  files,
  ms: Math.round(performance.now() - started),
  heapUsedMb: Math.round(heap.used_heap_size / 1024 / 1024),
  heapLimitMb: Math.round(heap.heap_size_limit / 1024 / 1024),
};
parentPort?.postMessage(result);
