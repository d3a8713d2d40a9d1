/**
 * Shared end-to-end helpers: headless Debian Chromium with the built extension loaded, and the
 * fixture pages served over HTTP on 127.0.0.1 (content scripts do not run on file:// URLs by
 * default). Build first: `npm run build:pack && npx wxt build`. By default the extension is
 * loaded with access to every site granted (see LaunchOptions); the shipped build has none.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';

/** The unpacked build to load; SOURCELIGHT_EXTENSION_DIR points elsewhere (another browser target, a scratch build). */
export const EXTENSION_DIR = resolve(process.env.SOURCELIGHT_EXTENSION_DIR ?? '.output/chrome-mv3');
export const FIXTURE_PAGES = resolve('tests/fixtures/pages');
export const ARTIFACTS = resolve('tests/artifacts');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's service worker. */
  sw: Worker;
  /** The id Chromium gave the unpacked extension (it depends on the absolute path). */
  extensionId: string;
  close(): Promise<void>;
}

/** Flags for this closed network: no sandbox as root, no GPU, no background connections. */
export const QUIET_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium in a fresh profile with these flags; the profile is removed on close. */
async function launch(args: string[], onContext?: (context: BrowserContext) => void): Promise<PlainBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'sourcelight-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...QUIET_ARGS, ...args],
  });
  onContext?.(context);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** The same Chromium and flags, no extension: what a page does on its own. */
export const launchPlain = (): Promise<PlainBrowser> => launch([]);

export interface LaunchOptions {
  /**
   * Whether the reader has granted SourceLight access to every site (default true). The shipped
   * manifest asks for none; Chromium grants the host permissions an unpacked extension's
   * manifest requires at load, so a copy of the build with `host_permissions: ["<all_urls>"]`
   * stands in for the reader's grant, without a permission dialog a test cannot answer. The
   * background's own sync (src/background/features/content-script-sync.ts) then registers the
   * content script, exactly as after a real grant. `false` loads the build as shipped.
   */
  granted?: boolean;
  /**
   * Called with the browser context as soon as it exists, before the service worker starts its
   * work: where a recorder must see everything (the service worker's first module loads).
   */
  onContext?: (context: BrowserContext) => void;
}

/** The id the background registers the content script under. */
export const CONTENT_SCRIPT_ID = 'sourcelight-content';

/** A copy of `dir` whose manifest requires access to every site; removed by the caller. */
async function grantedCopy(dir: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'sourcelight-granted-'));
  await cp(dir, copy, { recursive: true });
  const file = join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = ['<all_urls>'];
  await writeFile(file, JSON.stringify(manifest, null, 2));
  return copy;
}

/** The ids and matches of the content scripts the extension has registered, read in its service worker. */
export function registeredContentScripts(sw: Worker): Promise<{ id: string; matches?: string[]; css?: string[] }[]> {
  type Scripting = { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; css?: string[] }[]> };
  return sw.evaluate(async () => {
    const scripting = (globalThis as unknown as { chrome: { scripting: Scripting } }).chrome.scripting;
    return (await scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches, ...(s.css ? { css: s.css } : {}) }));
  });
}

/**
 * Launches Chromium with only our extension, in a fresh profile, and waits for its service
 * worker and, when access is granted, for the content script's registration, so that pages a
 * test opens next get it. `extraArgs` adds Chromium flags (a net log, say).
 */
export async function launchWithExtension(extraArgs: string[] | LaunchOptions = [], options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const args = Array.isArray(extraArgs) ? extraArgs : [];
  const { granted = true, onContext } = Array.isArray(extraArgs) ? options : extraArgs;
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build:pack && npx wxt build\` first.`);
  }
  const copy = granted ? await grantedCopy(EXTENSION_DIR) : undefined;
  const dir = copy ?? EXTENSION_DIR;
  const removeCopy = () => (copy ? rm(copy, { recursive: true, force: true }).catch(() => {}) : Promise.resolve());
  try {
    // Without --disable-extensions-except, Playwright disables extensions and no worker appears.
    const browser = await launch([`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...args], onContext);
    const close = async () => {
      await browser.close();
      await removeCopy();
    };
    try {
      const { context } = browser;
      const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
      if (granted) {
        const scripts = await waitFor(
          () => registeredContentScripts(sw).catch(() => []),
          (list) => list.some((s) => s.id === CONTENT_SCRIPT_ID),
          15_000,
          100,
        );
        if (!scripts.some((s) => s.id === CONTENT_SCRIPT_ID)) throw new Error(`the background did not register ${CONTENT_SCRIPT_ID} within 15 s`);
      }
      return { context, sw, extensionId: new URL(sw.url()).host, close };
    } catch (err) {
      await close();
      throw err;
    }
  } catch (err) {
    await removeCopy();
    throw err;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  /** Every request the server received, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

export interface ServedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

/** A page made at test time (the 10 MB page is never committed). */
export interface Generated {
  body: string | Buffer;
  type: string;
  headers?: Record<string, string>;
}

export interface ServeOptions {
  /** Pages by path, built on their first request and then cached. */
  generated?: Record<string, () => Generated>;
  /** Extra response headers by path (`headers['strict-csp.html']`). */
  headers?: Record<string, Record<string, string>>;
  /**
   * Answer /favicon.ico with an empty 204 rather than a 404: Chromium asks for it by itself where
   * a page names no icon (text/plain pages), and a test that records errors would see the 404.
   */
  emptyFavicon?: boolean;
}

/** Serves `dir` read-only on a random port of 127.0.0.1, logging every request. */
export async function serveFixtures(dir = FIXTURE_PAGES, options: ServeOptions = {}): Promise<FixtureServer> {
  const root = resolve(dir);
  const cache = new Map<string, Generated>();
  const requests: ServedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const extra = options.headers?.[path] ?? {};
    if (options.emptyFavicon && path === 'favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const make = options.generated?.[path];
    if (make) {
      let page = cache.get(path);
      if (!page) cache.set(path, (page = make()));
      res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store', ...extra, ...page.headers }).end(page.body);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...extra }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** The text of every range registered under `name` in the page's `CSS.highlights`, in order. */
export async function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(n);
    return h ? [...h].map((r) => (r as Range).toString().replace(/\s+/g, ' ').trim()) : [];
  }, name);
}

/** Polls until `fn` gives a value `ok` accepts, or the timeout passes (then returns the last value). */
export async function waitFor<T>(fn: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000, everyMs = 150): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await fn();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, everyMs));
    value = await fn();
  }
  return value;
}

/** Centre of the first line box of the first range under highlight `name`, in viewport px. */
export async function highlightPoint(page: Page, name: string, index = 0): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ([n, i]) => {
      const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(n as string);
      const range = h ? ([...h][i as number] as Range | undefined) : undefined;
      const rect = range?.getClientRects()[0];
      return rect ? { x: rect.left + Math.min(rect.width / 2, 60), y: rect.top + rect.height / 2 } : null;
    },
    [name, index] as const,
  );
}

interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface CardSnapshot {
  /** Visible text of the card. */
  text: string;
  links: { href: string; text: string }[];
}

/**
 * What the card shows, read through the DevTools protocol: its shadow root is closed, so page
 * scripts (and Playwright's locators) cannot see into it, but DOM.getDocument with pierce can.
 * Null when no card is open.
 */
export async function readCard(page: Page): Promise<CardSnapshot | null> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = find(root, (n) => n.localName === 'sourcelight-card');
    const shadow = host?.shadowRoots?.[0];
    const card = shadow && find(shadow, (n) => n.localName === 'div' && attr(n, 'class')?.split(' ').includes('card') === true);
    if (!card) return null;
    const links: CardSnapshot['links'] = [];
    const walk = (n: CdpNode) => {
      if (n.localName === 'a') links.push({ href: attr(n, 'href') ?? '', text: textOf(n) });
      for (const c of n.children ?? []) walk(c);
    };
    walk(card);
    return { text: textOf(card), links };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

function attr(n: CdpNode, name: string): string | undefined {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1];
  return undefined;
}

function find(n: CdpNode, pred: (n: CdpNode) => boolean): CdpNode | undefined {
  if (pred(n)) return n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
    const hit = find(c, pred);
    if (hit) return hit;
  }
  return undefined;
}

function textOf(n: CdpNode): string {
  if (n.nodeType === 3) return n.nodeValue ?? '';
  if (n.localName === 'style') return '';
  const inner = (n.children ?? []).map(textOf).join('');
  return ['p', 'li', 'h2', 'h3', 'blockquote', 'figcaption', 'div', 'section'].includes(n.localName ?? '') ? `${inner}\n` : inner;
}

/** Saves a screenshot to tests/artifacts/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
