/**
 * Helpers for the reliability and security end-to-end tests: browser.ts's fixture server on the
 * hostile pages, with headers (a strict CSP) and pages generated at test time (the 10 MB page is
 * never committed), a plain browser without the extension for baselines, a recorder for every
 * error and console message in every world of a page, and a way to read SourceLight's status for
 * a tab. The extension itself is launched with tests/e2e/browser.ts.
 */
import { resolve } from 'node:path';
import type { CDPSession, Page, Worker } from 'playwright-core';
import { launchPlain, launchWithExtension, serveFixtures, type FixtureServer, type LaunchOptions, type PlainBrowser, type ServeOptions } from '../browser';

export type { Generated, ServedRequest } from '../browser';

export { launchPlain, type PlainBrowser };

/** The few extension APIs the tests call inside the browser (declared for the type checker; the calls run there). */
export interface ChromeApi {
  storage: { session: { get(keys: string | null): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string; id: string };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; create(p: { url: string }): Promise<{ id?: number }>; sendMessage(tabId: number, m: unknown, o?: { frameId?: number }): Promise<unknown> };
}
declare const chrome: ChromeApi;

export const HOSTILE_PAGES = resolve('tests/fixtures/hostile');

/** The hostile pages' server: browser.ts's fixture server on tests/fixtures/hostile/ (or `dir`). */
export type HostileServer = FixtureServer;

/**
 * Serves tests/fixtures/hostile/ on 127.0.0.1, plus `generated` pages (built on first request,
 * then cached), with extra response headers per path (`headers['strict-csp.html']`).
 */
export function serveHostile(options: ServeOptions & { dir?: string } = {}): Promise<HostileServer> {
  const { dir, ...rest } = options;
  return serveFixtures(dir ?? HOSTILE_PAGES, { emptyFavicon: true, ...rest });
}

/** Like browser.ts's launcher, with extra Chromium flags (a net log) and its options. */
export const launchExtensionWith = (extraArgs: string[], options?: LaunchOptions) => launchWithExtension(extraArgs, options);

export interface WorldMessage {
  /** `main` (the page's own scripts), `extension` (a content script's isolated world), or `other`. */
  world: 'main' | 'extension' | 'other';
  kind: 'exception' | 'console' | 'log';
  level: string;
  text: string;
}

export interface ErrorRecorder {
  /** Exceptions, console errors and warnings, and browser log entries (CSP violations), from every world of the page. */
  messages: WorldMessage[];
  /** What the page itself saw: Playwright's 'pageerror' and console 'error' events. */
  pageErrors: string[];
  cdp: CDPSession;
  /** Errors and warnings only (not debug or info). */
  problems(world?: WorldMessage['world']): WorldMessage[];
  detach(): Promise<void>;
}

interface ContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

/**
 * Records everything a page's console could show, attributed to the world it came from. Attach
 * before navigating. The content script's isolated world is named after the extension and has
 * its chrome-extension:// origin, so its exceptions (which Playwright's 'pageerror' does not
 * report) are caught here too.
 */
export async function recordErrors(page: Page): Promise<ErrorRecorder> {
  const cdp = await page.context().newCDPSession(page);
  const contexts = new Map<number, ContextDescription>();
  const messages: WorldMessage[] = [];
  const pageErrors: string[] = [];
  const worldOf = (id: number | undefined): WorldMessage['world'] => {
    const c = id === undefined ? undefined : contexts.get(id);
    if (!c) return 'other';
    if (c.origin.startsWith('chrome-extension://') || c.name === 'SourceLight') return 'extension';
    if (c.auxData?.isDefault) return 'main';
    return 'other';
  };
  cdp.on('Runtime.executionContextCreated', (e: { context: ContextDescription }) => contexts.set(e.context.id, e.context));
  cdp.on('Runtime.exceptionThrown', (e: { exceptionDetails: { executionContextId?: number; text: string; exception?: { description?: string } } }) => {
    const d = e.exceptionDetails;
    messages.push({ world: worldOf(d.executionContextId), kind: 'exception', level: 'error', text: `${d.text} ${d.exception?.description ?? ''}`.trim() });
  });
  cdp.on('Runtime.consoleAPICalled', (e: { type: string; executionContextId: number; args: { value?: unknown; description?: string }[] }) => {
    const text = e.args.map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? ''))).join(' ');
    messages.push({ world: worldOf(e.executionContextId), kind: 'console', level: e.type, text });
  });
  cdp.on('Log.entryAdded', (e: { entry: { level: string; text: string; source: string; url?: string } }) => {
    const { entry } = e;
    const world = entry.url?.startsWith('chrome-extension://') ? 'extension' : 'other';
    messages.push({ world, kind: 'log', level: entry.level, text: `[${entry.source}] ${entry.text}` });
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  const onPageError = (err: Error) => pageErrors.push(String(err?.stack ?? err));
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error') pageErrors.push(`console.error: ${m.text()}`);
  };
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  return {
    messages,
    pageErrors,
    cdp,
    problems: (world) =>
      messages.filter((m) => (m.level === 'error' || m.level === 'warning' || m.level === 'assert') && (world === undefined || m.world === world)),
    async detach() {
      page.off('pageerror', onPageError);
      page.off('console', onConsole);
      await cdp.detach().catch(() => {});
    },
  };
}

/**
 * Evaluates `expression` in a fresh isolated world of the page's main frame: for pages that
 * have replaced built-ins that Playwright's own main-world helpers rely on.
 */
export async function evaluateIsolated<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'sourcelight-test-probe' })) as {
      executionContextId: number;
    };
    const result = (await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true, awaitPromise: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (result.exceptionDetails) throw new Error(`${result.exceptionDetails.text} ${result.exceptionDetails.exception?.description ?? ''}`);
    return result.result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Evaluates `expression` in the page's own main world through the DevTools protocol, without
 * Playwright's helper script (which needs the built-ins a hostile page may have replaced).
 */
export async function evaluateMain<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const result = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: false })) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (result.exceptionDetails) throw new Error(`${result.exceptionDetails.text} ${result.exceptionDetails.exception?.description ?? ''}`);
    return result.result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Highlight texts per contract name, read from an isolated world (safe on pages that broke their built-ins). */
export function isolatedHighlights(page: Page): Promise<Record<string, string[]>> {
  return evaluateIsolated(
    page,
    `(() => {
      const out = {};
      for (const name of ['sourcelight-agree', 'sourcelight-discrepancy', 'sourcelight-related']) {
        const h = CSS.highlights.get(name);
        out[name] = h ? Array.from(h, (r) => r.toString().replace(/\\s+/g, ' ').trim()) : [];
      }
      return out;
    })()`,
  );
}

/** Centre of the first line box of highlight `name`'s range `index`, read from an isolated world. */
export function isolatedPoint(page: Page, name: string, index = 0): Promise<{ x: number; y: number } | null> {
  return evaluateIsolated(
    page,
    `(() => {
      const h = CSS.highlights.get(${JSON.stringify(name)});
      const range = h ? Array.from(h)[${index}] : undefined;
      const rect = range && range.getClientRects()[0];
      return rect ? { x: rect.left + Math.min(rect.width / 2, 60), y: rect.top + rect.height / 2 } : null;
    })()`,
  );
}

/**
 * A fingerprint of the page's DOM (tags, attributes, text; shadow roots included), leaving out
 * SourceLight's own card host: equal with and without the extension when it changed nothing.
 * Read iteratively from an isolated world, so deep trees and broken built-ins do not matter.
 */
export function domFingerprint(page: Page): Promise<{ nodes: number; hash: string }> {
  return evaluateIsolated(
    page,
    `(() => {
      let h = 0x811c9dc5 >>> 0, nodes = 0;
      const add = (s) => { for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; } };
      const stack = [document.documentElement];
      while (stack.length) {
        const n = stack.pop();
        if (n.nodeType === 1) {
          if (n.hasAttribute('data-sourcelight')) continue;
          nodes++;
          add('<' + n.localName);
          for (const a of Array.from(n.attributes)) add(' ' + a.name + '=' + a.value);
          add('>');
          const kids = Array.from(n.shadowRoot ? [...n.shadowRoot.childNodes, ...n.childNodes] : n.childNodes);
          for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
        } else if (n.nodeType === 3) { nodes++; add('#' + n.data); }
        else if (n.nodeType === 11) { for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]); }
      }
      return { nodes, hash: h.toString(16) };
    })()`,
  );
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface CardSeen {
  /** Tag name of the host SourceLight put in the page. */
  host: string;
  text: string;
  /** Width of the card's box in CSS px: its own style sheet caps it at 380. */
  width: number;
}

/**
 * The open card, read through the DevTools protocol (its shadow root is closed), whatever
 * element hosts it: any element marked `data-sourcelight` with a shadow root. Null when none.
 */
export async function readCardAnyHost(page: Page): Promise<CardSeen | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const attr = (n: CdpNode, name: string) => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
      return undefined;
    };
    const find = (n: CdpNode, pred: (n: CdpNode) => boolean): CdpNode | undefined => {
      const stack = [n];
      while (stack.length) {
        const x = stack.pop()!;
        if (pred(x)) return x;
        stack.push(...(x.children ?? []), ...(x.shadowRoots ?? []));
      }
      return undefined;
    };
    const host = find(root, (n) => n.nodeType === 1 && attr(n, 'data-sourcelight') !== undefined && !!n.shadowRoots?.length);
    const shadow = host?.shadowRoots?.[0];
    const card = shadow && find(shadow, (n) => n.localName === 'div' && (attr(n, 'class') ?? '').split(' ').includes('card'));
    if (!host || !card) return null;
    const text: string[] = [];
    const walk = [card];
    while (walk.length) {
      const n = walk.pop()!;
      if (n.nodeType === 3) text.push(n.nodeValue ?? '');
      else if (n.localName !== 'style') walk.push(...[...(n.children ?? [])].reverse());
    }
    const box = (await cdp.send('DOM.getBoxModel', { backendNodeId: card.backendNodeId })) as { model: { width: number } };
    return { host: host.localName ?? '', text: text.join(' ').replace(/\s+/g, ' ').trim(), width: box.model.width };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export interface TabStatusLike {
  state: string;
  url: string;
  findings: { verdict: string; sentence: string }[];
  textLength: number;
  error?: string;
}

/**
 * What the content script on `url` last reported to the background (a summary, in
 * storage.session), with the findings the page itself holds, as the popup sees them; or null.
 */
export async function reportedStatus(sw: Worker, url: string): Promise<TabStatusLike | null> {
  return sw.evaluate(async (u) => {
    const all = (await chrome.storage.session.get(null)) as Record<string, Omit<TabStatusLike, 'findings'>>;
    const hit = Object.entries(all).find(([k, v]) => k.startsWith('tab-status:') && v?.url === u);
    if (!hit) return null;
    const tabId = Number(hit[0].slice('tab-status:'.length));
    const live = (await chrome.tabs.sendMessage(tabId, { type: 'get-status' }, { frameId: 0 }).catch(() => null)) as { status?: TabStatusLike } | null;
    return { ...hit[1], findings: live?.status?.findings ?? [] };
  }, url);
}

/** Sends a message to the background as an extension page would (from `page`, an open extension page). */
export function sendFromExtensionPage<T>(page: Page, message: unknown): Promise<T> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m) as Promise<T>, message as object);
}

/** A deterministic filler paragraph about nothing in particular (no Belarus/ICC term). */
export function fillerParagraph(i: number): string {
  const words = ['harbour', 'weather', 'market', 'council', 'railway', 'festival', 'library', 'orchard', 'bridge', 'museum', 'season', 'river', 'school', 'garden'];
  const parts: string[] = [];
  for (let s = 0; s < 4; s++) {
    const w = (k: number) => words[(i * 7 + s * 3 + k) % words.length];
    parts.push(`The ${w(0)} near the ${w(1)} opened again on day ${i} while the ${w(2)} committee discussed the ${w(3)} plans for the coming ${w(4)} in some detail.`);
  }
  return parts.join(' ');
}

/** Sentences the bundled pack is known to give a verdict on (see tests/e2e/content-script.test.ts). */
export const ON_TOPIC = {
  discrepancy: 'Lukashenko won a fifth term in 2020.',
  agree: 'On 30 September 2024, Lithuania referred the situation in Belarus to the International Criminal Court.',
  discrepancy2: 'Belarus is a State Party to the Rome Statute.',
} as const;
