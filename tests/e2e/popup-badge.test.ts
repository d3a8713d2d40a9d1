/**
 * The toolbar: the badge counts the page's discrepancies (none on an off-topic page), and the
 * popup lists the page's findings grouped by verdict. The popup is opened as a tab; its
 * "active tab" is pointed at the news page, as clicking the toolbar button would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightTexts, launchWithExtension, screenshot, serveFixtures, waitFor, type ExtensionBrowser, type FixtureServer } from './browser';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

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

async function tabIdOf(url: string): Promise<number> {
  const id = await browser.sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`no tab at ${url}`);
  return id;
}

const badge = (tabId: number) => browser.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

describe('badge and popup', () => {
  it('counts the discrepancies on the badge and lists the findings in the popup', async () => {
    const page = await browser.context.newPage();
    const url = server.url('belarus-icc-news.html');
    await page.goto(url);
    const differ = await waitFor(() => highlightTexts(page, 'sourcelight-discrepancy'), (t) => t.length >= 3, 15_000);
    const tabId = await tabIdOf(url);
    expect(await waitFor(() => badge(tabId), (text) => text === String(differ.length), 10_000)).toBe(String(differ.length));

    const popup = await browser.context.newPage();
    // Clicking the toolbar button opens the popup over the page's tab: point "active tab" there.
    await popup.addInitScript(
      ({ id, pageUrl }) => {
        const tabs = (globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<unknown[]> } } }).chrome.tabs;
        const real = tabs.query.bind(tabs);
        tabs.query = async (q: object) => ((q as { active?: boolean }).active ? [{ id, url: pageUrl, title: 'news', active: true }] : real(q));
      },
      { id: tabId, pageUrl: url },
    );
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const text = await waitFor(() => popup.locator('body').innerText(), (t) => /Differs from the sources/.test(t), 10_000);
    expect(text).toMatch(new RegExp(`Differs from the sources\\s*\\(${differ.length}\\)`));
    expect(text).toMatch(/Agrees with the sources/);
    expect(text).not.toMatch(/cannot be checked/);
    expect(text).toContain('Poland referred Lukashenko to the ICC in October 2024.');
    // Differs comes first.
    expect(text.indexOf('Differs from the sources')).toBeLessThan(text.indexOf('Agrees with the sources'));
    await screenshot(popup, 'popup-findings');
    await popup.close();
    await page.close();
  });

  it('shows no badge on an off-topic page', async () => {
    const page = await browser.context.newPage();
    const url = server.url('off-topic.html');
    await page.goto(url);
    await page.waitForTimeout(2_000);
    expect(await badge(await tabIdOf(url))).toBe('');
    await page.close();
  });
});
