/**
 * The content script in real Chromium with the built extension: the background seeds its
 * database, the fixture news page gets its agreeing and differing sentences painted under the
 * contract names, the card opens on click and by keyboard, later paragraphs are checked, and
 * an off-topic page is left alone. Screenshots go to tests/artifacts/.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  highlightPoint,
  highlightTexts,
  launchWithExtension,
  readCard,
  registeredContentScripts,
  screenshot,
  serveFixtures,
  waitFor,
  type ExtensionBrowser,
  type FixtureServer,
} from './browser';

const AGREE = [
  'On 30 September 2024, Lithuania referred the situation in Belarus to the International Criminal Court.',
  'Hundreds of thousands of people have fled Belarus since the 2020 protests.',
];
const DIFFER = ['Poland referred Lukashenko to the ICC in October 2024.', 'Lukashenko won a fifth term in 2020.', 'Belarus is a State Party to the Rome Statute.'];

let browser: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// Close every page a test opened, passed or failed, so no tab outlives its test.
const pages: Page[] = [];
afterEach(async () => {
  await Promise.all(pages.splice(0).map((p) => p.close().catch(() => {})));
});

async function newPage(): Promise<Page> {
  const page = await browser.context.newPage();
  pages.push(page);
  return page;
}

async function openNews() {
  const page = await newPage();
  await page.goto(server.url('belarus-icc-news.html'));
  // Findings arrive after the background has matched; wait for the last one to be painted.
  await waitFor(
    () => highlightTexts(page, 'sourcelight-discrepancy'),
    (t) => t.length >= DIFFER.length,
    15_000,
  );
  return page;
}

describe('the service worker', () => {
  it('starts and seeds the sourcelight database from the bundled pack', async () => {
    const db = await waitFor(
      () =>
        browser.sw.evaluate(
          () =>
            new Promise<{ facts: number; packVersion: unknown }>((resolve, reject) => {
              const open = indexedDB.open('sourcelight');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const idb = open.result;
                if (!idb.objectStoreNames.contains('facts') || !idb.objectStoreNames.contains('meta')) {
                  idb.close();
                  resolve({ facts: 0, packVersion: undefined });
                  return;
                }
                const tx = idb.transaction(['facts', 'meta'], 'readonly');
                const count = tx.objectStore('facts').count();
                const version = tx.objectStore('meta').get('packVersion');
                tx.oncomplete = () => {
                  idb.close();
                  resolve({ facts: count.result, packVersion: (version.result as { value?: unknown } | undefined)?.value });
                };
                tx.onerror = () => reject(tx.error);
              };
            }),
        ),
      (v) => v.facts > 0 && typeof v.packVersion === 'string',
    );
    expect(db.facts).toBeGreaterThan(0);
    expect(db.packVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the news page', () => {
  it('paints the differing sentences under sourcelight-discrepancy and the agreeing ones under sourcelight-agree', async () => {
    const page = await openNews();
    const differ = await highlightTexts(page, 'sourcelight-discrepancy');
    const agree = await highlightTexts(page, 'sourcelight-agree');
    expect(differ).toEqual(DIFFER);
    for (const sentence of AGREE) expect(agree).toContain(sentence);
    // No sentence is both, and the page chrome (nav, aside, footer) is never marked.
    expect(agree.filter((s) => differ.includes(s))).toEqual([]);
    for (const s of [...agree, ...differ]) expect(s).not.toMatch(/Most read|Baltic Courier|pardons/);
    // Related findings are listed, not painted, by default.
    expect(await highlightTexts(page, 'sourcelight-related')).toEqual([]);
    // SourceLight added at most its card host to the page's DOM: none before a card opens.
    expect(await page.locator('sourcelight-card').count()).toBe(0);
    await screenshot(page, 'news-highlights');
  });

  it('opens the card on click, with the verdict, the detail, the quote and a source link; Esc closes it', async () => {
    const page = await openNews();
    const point = await highlightPoint(page, 'sourcelight-discrepancy', 0);
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    const card = await waitFor(() => readCard(page), (c) => c !== null, 5000);
    expect(card).not.toBeNull();
    expect(card!.text).toContain('Differs from the sources');
    // The detail that differs, with the page's value (the actor or the date, as the matcher finds).
    expect(card!.text).toMatch(/This page: (Poland|October 2024)/);
    expect(card!.text).toMatch(/Source: (Lithuania|30 September 2024)/);
    expect(card!.text).toMatch(/\u201c[^\u201d]+\u201d/);
    const article = card!.links.find((l) => /^https?:/.test(l.href));
    expect(article, 'a link to the original source').toBeDefined();
    expect(card!.links.some((l) => l.href.startsWith(`chrome-extension://${browser.extensionId}/source-viewer.html?source=`))).toBe(true);
    // The card sits beside the sentence, never over it.
    const geometry = await page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('sourcelight-discrepancy')!;
      const r = ([...h][0] as Range).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    const cardBox = await page.evaluate(() => {
      const host = document.querySelector('sourcelight-card')!;
      return { present: !!host, hostAttr: host.hasAttribute('data-sourcelight') };
    });
    expect(cardBox).toEqual({ present: true, hostAttr: true });
    expect(geometry.bottom).toBeGreaterThan(geometry.top);
    await screenshot(page, 'news-card-open');
    await page.keyboard.press('Escape');
    expect(await waitFor(() => readCard(page), (c) => c === null, 3000)).toBeNull();
  });

  it('moves between findings with Alt+Shift+N, opening each card', async () => {
    const page = await openNews();
    await page.keyboard.press('Alt+Shift+KeyN');
    const first = await waitFor(() => readCard(page), (c) => c !== null, 5000);
    expect(first).not.toBeNull();
    await page.keyboard.press('Alt+Shift+KeyN');
    const second = await waitFor(
      () => readCard(page),
      (c) => c !== null && c.text !== first!.text,
      5000,
    );
    expect(second!.text).not.toBe(first!.text);
    await screenshot(page, 'news-keyboard-card');
  });

  it('answers the background: get-status lists the findings, scroll-to-finding brings one into view and flashes it', async () => {
    const page = await openNews();
    await page.setViewportSize({ width: 1280, height: 400 });
    const send = (message: unknown) =>
      browser.sw.evaluate(
        async ([url, m]) => {
          const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
          // Without the tabs permission tab URLs are hidden: find the tab whose content script
          // reports this page's URL, then send it the message.
          for (const tab of await api.tabs.query({})) {
            try {
              const reply = (await api.tabs.sendMessage(tab.id!, { type: 'get-status' })) as { status?: { url?: string } };
              if (reply?.status?.url === url) return await api.tabs.sendMessage(tab.id!, m);
            } catch {
              // No content script in that tab.
            }
          }
          return null;
        },
        [page.url(), message] as const,
      );
    const { status } = (await send({ type: 'get-status' })) as { status: { state: string; findings: { verdict: string; sentence: string }[] } };
    expect(status.state).toBe('done');
    expect(status.findings.filter((f) => f.verdict === 'discrepancy').map((f) => f.sentence)).toEqual(DIFFER);
    const last = status.findings.map((f) => f.sentence).lastIndexOf(DIFFER[2]!);
    // The flash is brief; record what it marks as soon as it appears.
    await page.evaluate(() => {
      const w = window as unknown as { flashed?: string };
      const poll = setInterval(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('sourcelight-focus');
        if (h?.size) {
          w.flashed = ([...h][0] as Range).toString();
          clearInterval(poll);
        }
      }, 20);
    });
    expect(await send({ type: 'scroll-to-finding', index: last })).toEqual({ ok: true });
    const seen = await waitFor(
      () =>
        page.evaluate((sentence) => {
          const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get('sourcelight-discrepancy')!;
          const box = ([...h].find((r) => (r as Range).toString() === sentence) as Range).getBoundingClientRect();
          return { flashed: (window as unknown as { flashed?: string }).flashed, inView: box.top >= 0 && box.bottom <= innerHeight, scrolled: scrollY > 0 };
        }, DIFFER[2]!),
      (v) => v.flashed !== undefined,
      3000,
    );
    expect(seen).toEqual({ flashed: DIFFER[2], inView: true, scrolled: true });
  });

  it('checks paragraphs appended after load', async () => {
    const page = await openNews();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Belarus is a State Party to the Rome Statute, a reader wrote in the comments.';
      document.querySelector('article')!.append(p);
    });
    const differ = await waitFor(
      () => highlightTexts(page, 'sourcelight-discrepancy'),
      (t) => t.length > DIFFER.length,
      10_000,
    );
    expect(differ).toContain('Belarus is a State Party to the Rome Statute, a reader wrote in the comments.');
  });
});

describe('highlight styles', () => {
  /** The discrepancy line as the page renders it, and how many sheets SourceLight adopted there. */
  const look = (page: Page) =>
    page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('article p') ?? document.body, '::highlight(sourcelight-discrepancy)');
      return { line: style.textDecorationStyle, thickness: style.textDecorationThickness, sheets: document.adoptedStyleSheets.length };
    });

  it("come from the registered style file (no sheet adopted, no restyle of the page); a style changed later is adopted by open pages and registered for new ones", async () => {
    const page = await openNews();
    expect(await look(page)).toEqual({ line: 'wavy', thickness: '1.5px', sheets: 0 });

    const ui = await newPage();
    await ui.goto(`chrome-extension://${browser.extensionId}/options.html`);
    type Runtime = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const send = (settings: object) => ui.evaluate((m) => (globalThis as unknown as { chrome: Runtime }).chrome.runtime.sendMessage(m), { type: 'set-settings', settings });
    const styleFiles = async () => (await registeredContentScripts(browser.sw)).flatMap((s) => s.css ?? []);
    try {
      await send({ highlightStyle: 'high-contrast' });
      // The open page restyles itself with a sheet of its own, which wins over the file.
      expect(await waitFor(() => look(page), (l) => l.thickness === '2.5px', 5000)).toEqual({ line: 'wavy', thickness: '2.5px', sheets: 1 });
      // A page loaded now gets the new file, and again adopts nothing.
      await waitFor(styleFiles, (css) => css.includes('highlights/high-contrast.css'), 5000);
      const fresh = await openNews();
      expect(await look(fresh)).toEqual({ line: 'wavy', thickness: '2.5px', sheets: 0 });
    } finally {
      await send({ highlightStyle: 'default' });
      await waitFor(styleFiles, (css) => css.includes('highlights/default.css'), 5000);
    }
  });
});

describe('an off-topic page', () => {
  it('gets no highlights and no card host', async () => {
    const page = await newPage();
    await page.goto(server.url('off-topic.html'));
    // Give the content script the time it takes to check the news page.
    await page.waitForTimeout(2500);
    for (const name of ['sourcelight-agree', 'sourcelight-discrepancy', 'sourcelight-related']) {
      expect(await highlightTexts(page, name)).toEqual([]);
    }
    expect(await page.locator('sourcelight-card').count()).toBe(0);
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  });
});
