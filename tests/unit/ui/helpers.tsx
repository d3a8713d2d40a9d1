/** Rendering Preact components into happy-dom and faking the background, for the UI tests. */
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Finding, Verdict } from '../../../src/core/types';
import type { UiToBackground } from '../../../src/messaging/protocol';

export type Handlers = {
  [K in keyof UiToBackground]?: (payload: UiToBackground[K]['payload']) => unknown;
};

export interface SentMessage {
  type: keyof UiToBackground;
  [k: string]: unknown;
}

/**
 * Answers `browser.runtime.sendMessage` from `handlers` (a missing handler rejects the way
 * Chrome does when nothing listens) and records every message sent.
 */
export function fakeBackground(handlers: Handlers) {
  const sent: SentMessage[] = [];
  const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage') as unknown as {
    mockImplementation: (f: (m: unknown) => Promise<unknown>) => void;
  };
  spy.mockImplementation(async (m: unknown) => {
    const msg = m as SentMessage;
    sent.push(msg);
    const { type, ...payload } = msg;
    const h = handlers[type] as ((p: unknown) => unknown) | undefined;
    if (!h) throw new Error('Could not establish connection. Receiving end does not exist.');
    return h(payload);
  });
  return {
    sent,
    of<K extends keyof UiToBackground>(type: K): (UiToBackground[K]['payload'] & { type: K })[] {
      return sent.filter((m) => m.type === type) as never;
    },
  };
}

export function fakeActiveTab(url: string | undefined, id = 7) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id, url, index: 0, highlighted: true, active: true, pinned: false, incognito: false } as never]);
}

export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

export async function mount(vnode: VNode): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => {
    render(vnode, root);
  });
  await settle();
  return root;
}

export function unmountAll(): void {
  for (const el of Array.from(document.body.children)) {
    render(null, el);
    el.remove();
  }
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(() => {
    (el as HTMLElement).click();
  });
  await settle();
}

export async function typeInto(input: Element | null, text: string): Promise<void> {
  if (!input) throw new Error('no input');
  await act(() => {
    (input as HTMLInputElement).value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function submit(form: Element | null): Promise<void> {
  if (!form) throw new Error('no form');
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

export function byTestId(root: ParentNode, id: string): HTMLElement | null {
  return root.querySelector(`[data-testid="${id}"]`);
}

export function buttonByText(root: ParentNode, text: string | RegExp): HTMLButtonElement | undefined {
  return Array.from(root.querySelectorAll('button')).find((b) =>
    typeof text === 'string' ? b.textContent?.trim() === text : text.test(b.textContent ?? ''),
  );
}

let n = 0;
export function finding(verdict: Verdict, sentence: string, start = n * 100, extra: Partial<Finding> = {}): Finding {
  n += 1;
  return {
    sentence,
    start,
    end: start + sentence.length,
    verdict,
    facts: [`fact-${n}`],
    sources: [{ id: 'src-1', title: 'A report', publisher: 'Viasna', date: '2024-09-30', url: 'https://spring96.org/' }],
    details: [],
    explanation: `Explanation for ${verdict} ${n}.`,
    fact: {
      id: `fact-${n}`,
      claim: 'A claim.',
      quote: 'a quote',
      assertedBy: 'Viasna',
      asOf: '2024-09-30',
      caveats: [],
      sourceId: 'src-1',
    },
    ...extra,
  };
}

/**
 * A browser's `permissions` API for extension pages: `granted` origins (`<all_urls>` covers any
 * pattern), a prompt answered by `answer`, and the two events. fakeBrowser implements none of it.
 */
export function fakePermissions(granted: string[] = [], answer: (origins: string[]) => boolean = () => true) {
  const held = new Set(granted);
  const listeners = { added: new Set<(p: { origins: string[] }) => void>(), removed: new Set<(p: { origins: string[] }) => void>() };
  const event = (set: Set<(p: { origins: string[] }) => void>) => ({
    addListener: (f: (p: { origins: string[] }) => void) => void set.add(f),
    removeListener: (f: (p: { origins: string[] }) => void) => void set.delete(f),
    hasListener: (f: (p: { origins: string[] }) => void) => set.has(f),
  });
  const has = (o: string) => held.has('<all_urls>') || held.has(o);
  const api = {
    held,
    requests: [] as string[][],
    removals: [] as string[][],
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every(has)),
    getAll: vi.fn(async () => ({ origins: [...held], permissions: [] })),
    request: vi.fn(({ origins = [] }: { origins?: string[] }) => {
      api.requests.push(origins);
      const ok = origins.every(has) || answer(origins);
      if (ok && !origins.every(has)) {
        for (const o of origins) held.add(o);
        for (const f of listeners.added) f({ origins });
      }
      return Promise.resolve(ok);
    }),
    remove: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      api.removals.push(origins);
      const present = origins.filter((o) => held.has(o));
      for (const o of present) held.delete(o);
      if (present.length) for (const f of listeners.removed) f({ origins: present });
      return present.length > 0;
    }),
    onAdded: event(listeners.added),
    onRemoved: event(listeners.removed),
    /** The reader takes a grant back in the browser's settings. */
    revoke(origins: string[]) {
      for (const o of origins) held.delete(o);
      for (const f of listeners.removed) f({ origins });
    },
  };
  Object.assign(fakeBrowser, { permissions: api });
  return api;
}
