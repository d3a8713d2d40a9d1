/**
 * SourceLight makes no network request at all. Three independent records, while the content
 * script checks a fixture page (and its card is opened) and every extension page is opened as
 * a tab:
 *  1. Playwright's request events, which cover pages, frames and the extension's service worker;
 *  2. the fixture server's own access log;
 *  3. Chromium's net log (`--log-net-log`), which sees every request of every process, with the
 *     origin that initiated it: nothing may be initiated by the extension or by the fixture page
 *     (which has no subresources, so anything it "asks for" came from the content script).
 * chrome-extension:// loads of the extension's own files are not network and are allowed.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import pack from '../../../src/generated/fact-pack.json';
import { highlightPoint, highlightTexts, readCard, waitFor } from '../browser';
import { launchExtensionWith, serveHostile, type HostileServer } from './harness';

interface Seen {
  url: string;
  type: string;
  from: string;
}

interface NetLogRequest {
  url: string;
  initiator: string;
}

const PAGE = 'network-quiet.html';
const netLogPath = join(tmpdir(), `sourcelight-netlog-${process.pid}-${Date.now()}.json`);

let server: HostileServer;
let extensionId = '';
const seen: Seen[] = [];
let netLog: NetLogRequest[] = [];
const pagesOpened: string[] = [];
const cspAttempts: string[] = [];

/** Every URL_REQUEST the browser started, with its initiator ("not an origin" for the browser's own). */
async function readNetLog(path: string): Promise<NetLogRequest[]> {
  const log = JSON.parse(await readFile(path, 'utf8')) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; initiator?: string } }[];
  };
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === start && typeof e.params?.url === 'string')
    .map((e) => ({ url: e.params!.url!, initiator: e.params!.initiator ?? '' }));
}

beforeAll(async () => {
  server = await serveHostile();
  const record = (r: Request) => {
    const sw = r.serviceWorker();
    let from = 'unknown';
    try {
      from = sw ? `service worker ${sw.url()}` : `frame ${r.frame().url() || '(new)'}`;
    } catch {
      from = 'no frame';
    }
    seen.push({ url: r.url(), type: r.resourceType(), from });
  };
  // Recording from the context's first moment: the service worker loads its modules as it starts.
  const b = await launchExtensionWith([`--log-net-log=${netLogPath}`, '--net-log-capture-mode=Default'], {
    onContext: (context) => context.on('request', record),
  });
  extensionId = b.extensionId;
  try {
    // The content script on an on-topic page: gate, check in the background, paint, open a card.
    const page = await b.context.newPage();
    await page.goto(server.url(PAGE));
    const marks = await waitFor(() => highlightTexts(page, 'sourcelight-discrepancy'), (t) => t.length >= 2, 20_000);
    expect(marks.length, 'the page was checked').toBeGreaterThanOrEqual(2);
    const point = await highlightPoint(page, 'sourcelight-discrepancy', 0);
    await page.mouse.move(point!.x, point!.y);
    await page.mouse.click(point!.x, point!.y);
    expect(await waitFor(() => readCard(page), (c) => c !== null, 5000), 'the card opened').not.toBeNull();
    await page.waitForTimeout(500);
    await page.keyboard.press('Escape');

    // Every extension page, as a tab; each renders something into #app.
    const fact = pack.facts[0]!;
    const paths = [
      'popup.html',
      'options.html',
      'sidepanel.html',
      'training.html',
      'training.html?mode=presenter',
      'source-viewer.html',
      `source-viewer.html?source=${encodeURIComponent(fact.quote.source)}&fact=${encodeURIComponent(fact.id)}`,
    ];
    for (const path of paths) {
      const tab = await b.context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${path}`);
      await waitFor(() => tab.evaluate(() => document.getElementById('app')?.childElementCount ?? 0), (n) => n > 0, 10_000);
      await tab.waitForTimeout(800);
      pagesOpened.push(path);
      await tab.close();
    }
    // The side panel's own check and the popup's status query, so the background does real work.
    const ui = await b.context.newPage();
    await ui.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const reply = await ui.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ findings?: unknown[] }> } } }).chrome.runtime.sendMessage({
        type: 'check-text',
        text: 'Lukashenko won a fifth term in 2020.',
      }),
    );
    expect(reply.findings?.length).toBeGreaterThan(0);
    // Defence in depth: the manifest's CSP (`connect-src 'none'`) refuses a connection from the
    // service worker or an extension page before it reaches the network, so these attempts must
    // fail and leave no trace in any of the three records.
    const attempt = (u: string) =>
      fetch(u).then(
        () => 'fetched',
        (e: unknown) => `blocked: ${String(e)}`,
      );
    cspAttempts.push(await b.sw.evaluate(attempt, server.url('csp-probe-from-worker')));
    cspAttempts.push(await ui.evaluate(attempt, server.url('csp-probe-from-page')));
    await ui.waitForTimeout(500);
    await page.close();
  } finally {
    // The net log is written out when the browser exits.
    await b.close();
  }
  netLog = await readNetLog(netLogPath);
  await rm(netLogPath, { force: true });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('no network request from the extension', () => {
  it('opened every extension page', () => {
    expect(pagesOpened).toHaveLength(7);
  });

  it("the extension's CSP refuses connections from its service worker and pages", () => {
    expect(cspAttempts).toHaveLength(2);
    for (const a of cspAttempts) expect(a).toMatch(/^blocked/);
  });

  it("Playwright sees only the fixture page's own document and the extension's own files", () => {
    const own = `chrome-extension://${extensionId}/`;
    const page = server.url(PAGE);
    const unexpected = seen.filter((r) => !r.url.startsWith(own) && !(r.url === page && r.type === 'document'));
    expect(unexpected).toEqual([]);
    // The service worker's requests are visible to this recorder (its module chunks), so an
    // empty list above is not for want of looking.
    expect(seen.some((r) => r.from.startsWith('service worker'))).toBe(true);
    expect(seen.filter((r) => r.url === page)).toHaveLength(1);
  });

  it('the fixture server was asked for the page and nothing else', () => {
    expect(server.requests.map((r) => `${r.method} /${r.path}`)).toEqual([`GET /${PAGE}`]);
  });

  it("Chromium's net log has no request initiated by the extension or by the checked page", () => {
    expect(netLog.length, 'the net log recorded requests').toBeGreaterThan(0);
    const extensionOrigin = `chrome-extension://${extensionId}`;
    const byExtension = netLog.filter((r) => r.initiator.startsWith(extensionOrigin) || r.url.startsWith(extensionOrigin));
    expect(byExtension).toEqual([]);
    // The page has no subresources: a request it initiated would be the content script's.
    const byPage = netLog.filter((r) => r.initiator === server.origin);
    expect(byPage).toEqual([]);
    const toFixtureServer = netLog.filter((r) => r.url.startsWith(server.origin));
    expect(toFixtureServer.map((r) => r.url)).toEqual([server.url(PAGE)]);
    // Whatever else is in the log was started by the browser itself (update and account checks
    // of this Chromium build, which happen without the extension too), never by a page.
    const others = netLog.filter((r) => !r.url.startsWith(server.origin));
    for (const r of others) expect(r.initiator, r.url).toMatch(/^(not an origin|)$/);
  });
});
