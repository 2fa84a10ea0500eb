import vm from 'node:vm';
import { MessageChannel } from 'node:worker_threads';
import type { DeckFile, DeckFileFormat } from '../../sheets-addon/dialog/deckFile';
import type { DeckPayload } from '../../sheets-addon/src/deckPayload';

export type DeckFileFn = (payload: DeckPayload, format: DeckFileFormat) => Promise<DeckFile>;

/**
 * A fresh V8 context that has only Web APIs a browser has, plus `extra` (a page's document, say):
 * Node's Buffer, process and require stay out, so code that needs them fails here as it would in
 * the dialog. `close()` ends the MessageChannels it handed out.
 */
export function browserContext(extra: Record<string, unknown> = {}): { context: vm.Context; close: () => void } {
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
    ...extra,
  });
  vm.runInContext('var self = this, window = this;', context);
  return {
    context,
    close: () => {
      for (const c of channels) {
        c.port1.close();
        c.port2.close();
      }
    },
  };
}

/** The built Generate Report dialog's deck script (`DjpkDeck`) alone, in a browser-only context. */
export function dialogDeckFile(dialogHtml: string): { deckFile: DeckFileFn; close: () => void } {
  const scripts = [...dialogHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  const deckScript = scripts.find((s) => s.includes('var DjpkDeck='));
  if (!deckScript) throw new Error('no DjpkDeck script in the dialog');
  const { context, close } = browserContext();
  vm.runInContext(deckScript, context, { filename: 'GenerateDialog.html' });
  return { deckFile: vm.runInContext('DjpkDeck.deckFile', context) as DeckFileFn, close };
}
