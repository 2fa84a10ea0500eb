import vm from 'node:vm';
import { MessageChannel } from 'node:worker_threads';
import type { DeckFile, DeckFileFormat } from '../../sheets-addon/dialog/deckFile';
import type { DeckPayload } from '../../sheets-addon/src/deckPayload';

export type DeckFileFn = (payload: DeckPayload, format: DeckFileFormat) => Promise<DeckFile>;

/**
 * The built Generate Report dialog's deck script (`DjpkDeck`), run in a fresh V8 context that has
 * only Web APIs a browser has: Node's Buffer, process and require stay out, so a renderer that
 * needs them fails here as it would in the dialog.
 */
export function dialogDeckFile(dialogHtml: string): { deckFile: DeckFileFn; close: () => void } {
  const scripts = [...dialogHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  const deckScript = scripts.find((s) => s.includes('var DjpkDeck='));
  if (!deckScript) throw new Error('no DjpkDeck script in the dialog');
  // JSZip schedules its work through a MessageChannel when there is one (as in every browser; without
  // it, 1 ms timers make the PPTX 5x slower). Its open ports keep Node running until close().
  const channels: MessageChannel[] = [];
  const context = vm.createContext({
    MessageChannel: class extends MessageChannel {
      constructor() {
        super();
        channels.push(this);
      }
    },
    URL,
    Blob,
    crypto: globalThis.crypto,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    atob,
    btoa,
    console,
  });
  vm.runInContext('var self = this, window = this;', context);
  vm.runInContext(deckScript, context, { filename: 'GenerateDialog.html' });
  return {
    deckFile: vm.runInContext('DjpkDeck.deckFile', context) as DeckFileFn,
    close: () => {
      for (const c of channels) {
        c.port1.close();
        c.port2.close();
      }
    },
  };
}
