/**
 * SourceLight holds no access to sites until the reader grants it. The shipped build, loaded as
 * is: its manifest has no host permissions and no content script, nothing is registered, a page
 * about Belarus gets no content script and no marks, the background cannot even inject into it,
 * and the welcome page opened on install. Then a build with access to every site granted (the
 * stand-in for the reader's grant, see tests/e2e/browser.ts): the background registered the
 * content script on `<all_urls>` and the same page is marked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SCRIPT_ID,
  EXTENSION_DIR,
  highlightTexts,
  launchWithExtension,
  registeredContentScripts,
  serveFixtures,
  waitFor,
  type ExtensionBrowser,
  type FixtureServer,
} from './browser';

/** The two APIs the tests call in the service worker (the page's types know no `chrome`). */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
};

const MARKS = ['sourcelight-discrepancy', 'sourcelight-agree', 'sourcelight-related', 'sourcelight-focus'];

let server: FixtureServer;
beforeAll(async () => {
  server = await serveFixtures();
});
afterAll(async () => {
  await server?.close();
});

/** The execution contexts of the extension's isolated world in `page`, recorded from its first one on. */
async function watchExtensionWorlds(page: Page, extensionId: string): Promise<() => string[]> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: { origin: string; name: string; auxData?: { type?: string } } }) => {
    if (e.context.auxData?.type === 'isolated' && e.context.origin.includes(extensionId)) worlds.push(e.context.name);
  });
  await cdp.send('Runtime.enable');
  return () => [...worlds];
}

/** What SourceLight left on the page: marks under its names and elements carrying its attribute. */
async function ownTraces(page: Page): Promise<{ marks: number; ownElements: number }> {
  const marks = (await Promise.all(MARKS.map((m) => highlightTexts(page, m)))).flat().length;
  const ownElements = await page.locator('[data-sourcelight]').count();
  return { marks, ownElements };
}

describe('not granted: the build as shipped', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchWithExtension({ granted: false });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('declares no host access and no content script; every site is only optional', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting']));
    expect(JSON.stringify(manifest.permissions)).not.toMatch(/all_urls|:\/\//);
  });

  it('opened the welcome page on install, with the choice and the grant button', async () => {
    const welcomeUrl = `chrome-extension://${ext.extensionId}/options.html#welcome`;
    const page = await waitFor(
      async () => ext.context.pages().find((p) => p.url() === welcomeUrl),
      (p) => p !== undefined,
      15_000,
    );
    expect(page, 'a tab at options.html#welcome').toBeDefined();
    const welcome = page!.locator('[data-testid="welcome"]');
    await welcome.waitFor({ timeout: 10_000 });
    expect(await welcome.textContent()).toMatch(/needs your permission to read the sites you visit/);
    expect(await welcome.locator('button[data-action="grant-all"]').count()).toBe(1);
    // Automatic is the intended mode, and the page says it cannot start without access.
    expect(await page!.locator('[data-testid="access-missing"]').textContent()).toContain('Automatic checking needs access to sites');
  });

  it('registers no content script, and a page about Belarus gets none and no marks', async () => {
    expect(await registeredContentScripts(ext.sw)).toEqual([]);
    const page = await ext.context.newPage();
    try {
      const worlds = await watchExtensionWorlds(page, ext.extensionId);
      await page.goto(server.url('belarus-icc-news.html'));
      expect(await page.textContent('body')).toMatch(/Belarus/);
      // Long enough for a content script to have read, asked and painted (it takes well under a second here).
      await page.waitForTimeout(3000);
      expect(await ownTraces(page)).toEqual({ marks: 0, ownElements: 0 });
      expect(worlds(), 'no SourceLight isolated world in the page').toEqual([]);
      // Without access the background cannot even read the tab's address, and without the
      // reader's click (activeTab) it may not inject into it.
      const tabs = await ext.sw.evaluate(async () => (await chrome.tabs.query({})).map((t) => ({ id: t.id!, url: t.url })));
      const web = tabs.filter((t) => !t.url?.startsWith('chrome-extension://'));
      expect(web.length).toBeGreaterThan(0);
      expect(web.map((t) => t.url)).not.toContain(page.url());
      const injections = await ext.sw.evaluate(
        (ids) =>
          Promise.all(
            ids.map((tabId) =>
              chrome.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] }).then(
                () => 'injected',
                (e: Error) => e.message,
              ),
            ),
          ),
        web.map((t) => t.id),
      );
      for (const result of injections) expect(result).toMatch(/Cannot access|permission/i);
      expect(await ownTraces(page)).toEqual({ marks: 0, ownElements: 0 });
      expect(await registeredContentScripts(ext.sw)).toEqual([]);
    } finally {
      await page.close().catch(() => {});
    }
  });
});

describe('granted: access to every site', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchWithExtension({ granted: true });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('the background registered the content script and the highlight style file on <all_urls>, and the page is marked', async () => {
    const scripts = await registeredContentScripts(ext.sw);
    expect(scripts.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: CONTENT_SCRIPT_ID, matches: ['<all_urls>'] },
      { id: 'sourcelight-highlight-style', matches: ['<all_urls>'], css: ['highlights/default.css'] },
    ]);
    // Access was there from the start: no welcome page.
    expect(ext.context.pages().some((p) => p.url().includes('#welcome'))).toBe(false);
    const page = await ext.context.newPage();
    try {
      const worlds = await watchExtensionWorlds(page, ext.extensionId);
      await page.goto(server.url('belarus-icc-news.html'));
      const differ = await waitFor(
        () => highlightTexts(page, 'sourcelight-discrepancy'),
        (t) => t.length > 0,
        15_000,
      );
      expect(differ.length).toBeGreaterThan(0);
      expect(differ).toContain('Poland referred Lukashenko to the ICC in October 2024.');
      expect(worlds().length).toBeGreaterThan(0);
    } finally {
      await page.close().catch(() => {});
    }
  });
});
