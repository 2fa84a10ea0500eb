import vm from 'node:vm';
import { browserContext } from './dialogScript';
import type { FakeEnvironment } from './fakeAppsScript';

/** The few DOM elements the Generate Report page uses, with the properties it reads and sets. */
class PageElement {
  textContent = '';
  className = '';
  disabled = false;
  hidden = false;
  selected = false;
  href = '';
  download = '';
  children: PageElement[] = [];
  private ownValue = '';

  constructor(
    readonly tagName: string,
    readonly page: DialogPage,
  ) {}

  set innerHTML(html: string) {
    if (html !== '') throw new Error('the page only clears elements with innerHTML');
    this.children = [];
  }
  appendChild(child: PageElement): PageElement {
    this.children.push(child);
    return child;
  }
  /** A select's value is its selected option's (the first when none is selected), as in a browser. */
  get value(): string {
    if (this.tagName !== 'select') return this.ownValue;
    const option = this.children.find((o) => o.selected) ?? this.children[0];
    return option?.value ?? '';
  }
  set value(value: string) {
    if (this.tagName !== 'select') {
      this.ownValue = value;
      return;
    }
    for (const option of this.children) option.selected = option.value === value;
  }
  /** Clicking the download link: what a browser would save. */
  click(): void {
    const blob = this.page.blobs.get(this.href);
    if (this.tagName === 'a' && blob) this.page.downloads.push({ name: this.download, blob });
  }
}

export interface Download {
  readonly name: string;
  readonly blob: Blob;
}

/**
 * The BUILT Generate Report dialog as a browser runs it: both of its scripts (the deck renderers and
 * the page's own) in one V8 context with the page's elements, and google.script.run answered by the
 * emulator (`env.scriptRun`: a dialog execution under the wire's rules), later, as a server is.
 */
export class DialogPage {
  readonly downloads: Download[] = [];
  readonly blobs = new Map<string, Blob>();
  /** google.script.run calls the page made, by function name. */
  readonly calls: string[] = [];
  private readonly elements = new Map<string, PageElement>();
  private readonly context: vm.Context;
  private readonly close: () => void;
  private pending = 0;

  constructor(
    html: string,
    private readonly env: FakeEnvironment,
  ) {
    for (const [, tag, id] of html.matchAll(/<(\w+)[^>]*\sid="([^"]+)"/g))
      this.elements.set(id ?? '', new PageElement(tag ?? '', this));
    const blobs = this.blobs;
    let made = 0;
    /** URL.createObjectURL remembering each Blob, so that a click on the link can "save" it. */
    class PageURL extends URL {
      static override createObjectURL(blob: Blob): string {
        const url = `blob:dialog/${++made}`;
        blobs.set(url, blob);
        return url;
      }
      static override revokeObjectURL(url: string): void {
        blobs.delete(url);
      }
    }
    const { context, close } = browserContext({
      URL: PageURL,
      document: {
        getElementById: (id: string) => this.elements.get(id) ?? null,
        createElement: (tag: string) => new PageElement(tag, this),
      },
      google: { script: { run: this.runner(null, null), host: { close: () => undefined } } },
    });
    this.context = context;
    this.close = close;
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    for (const script of scripts) vm.runInContext(script, context, { filename: 'GenerateDialog.html' });
  }

  /** google.script.run with its handlers: every other property is a server function. */
  private runner(
    success: ((value: unknown) => void) | null,
    failure: ((error: { message: string }) => void) | null,
  ): Record<string, unknown> {
    return new Proxy(
      {},
      {
        get: (_, name) => {
          if (name === 'withSuccessHandler') return (fn: (value: unknown) => void) => this.runner(fn, failure);
          if (name === 'withFailureHandler')
            return (fn: (error: { message: string }) => void) => this.runner(success, fn);
          return (...args: unknown[]) => {
            this.calls.push(String(name));
            this.pending++;
            setTimeout(() => {
              this.pending--;
              const outcome = this.env.scriptRun(String(name), ...args);
              if (outcome.ok) success?.(outcome.value);
              else failure?.({ message: outcome.error });
            }, 0);
          };
        },
      },
    );
  }

  element(id: string): PageElement {
    const element = this.elements.get(id);
    if (!element) throw new Error(`no element #${id} in the dialog`);
    return element;
  }

  /** Runs `expression` in the page (a button's onclick). */
  click(expression: string): void {
    vm.runInContext(expression, this.context);
  }

  /** Waits until `done()` holds and no server call is pending (20 s at most). */
  async until(done: () => boolean): Promise<void> {
    const end = Date.now() + 20_000;
    while (!(done() && this.pending === 0)) {
      if (Date.now() > end) throw new Error(`the dialog did not finish: ${this.element('status').textContent}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  dispose(): void {
    this.close();
  }
}
