/**
 * Hostile and unusual pages (tests/fixtures/hostile/): SourceLight never throws into the page,
 * never changes the page's DOM (beyond its one card host, while a card is open), and the page
 * behaves as it does without the extension. Each page is opened twice: in Chromium with the
 * extension, and in the same Chromium without it, for the baseline.
 *
 * "Never throws into the page" is checked in every world of the page: the page's own (Playwright's
 * 'pageerror' and console errors, which must match the baseline) and the content script's
 * isolated world (exceptions, console errors and warnings, browser log entries), which must
 * stay empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { highlightTexts, launchWithExtension, waitFor, type ExtensionBrowser } from '../browser';
import {
  domFingerprint,
  evaluateIsolated,
  evaluateMain,
  isolatedHighlights,
  isolatedPoint,
  launchPlain,
  ON_TOPIC,
  readCardAnyHost,
  recordErrors,
  reportedStatus,
  sendFromExtensionPage,
  serveHostile,
  type ErrorRecorder,
  type HostileServer,
  type PlainBrowser,
} from './harness';

const CSP = "default-src 'none'; style-src 'none'";

let ext: ExtensionBrowser;
let plain: PlainBrowser;
let server: HostileServer;

beforeAll(async () => {
  server = await serveHostile({ headers: { 'strict-csp.html': { 'content-security-policy': CSP } } });
  ext = await launchWithExtension();
  plain = await launchPlain();
});

afterAll(async () => {
  await ext?.close();
  await plain?.close();
  await server?.close();
});

interface Visit {
  page: Page;
  errors: ErrorRecorder;
}

/** Opens `path` with the extension and waits until the content script has reported on it. */
async function visit(path: string): Promise<Visit & { status: Awaited<ReturnType<typeof reportedStatus>> }> {
  const page = await ext.context.newPage();
  const errors = await recordErrors(page);
  await page.goto(server.url(path));
  const status = await waitFor(() => reportedStatus(ext.sw, server.url(path)), (s) => !!s && s.state !== 'checking', 20_000, 200);
  return { page, errors, status };
}

/** The same page without the extension: its own errors and DOM. */
async function baseline(path: string): Promise<{ pageErrors: string[]; main: string[]; dom: { nodes: number; hash: string } }> {
  const page = await plain.context.newPage();
  const errors = await recordErrors(page);
  await page.goto(server.url(path));
  await page.waitForTimeout(1000);
  const dom = await domFingerprint(page);
  const result = { pageErrors: [...errors.pageErrors], main: errors.problems('main').map((m) => m.text), dom };
  await errors.detach();
  await page.close();
  return result;
}

/** Nothing from the extension's world, the page's own errors as without it, and the same DOM. */
async function expectUntouched(v: Visit, path: string): Promise<void> {
  // Let late work (the mutation watcher, a repaint) finish before comparing.
  await v.page.waitForTimeout(800);
  const base = await baseline(path);
  expect(v.errors.problems('extension'), 'nothing from the content script reached the console').toEqual([]);
  expect(v.errors.pageErrors, "the page's own errors are the ones it has without SourceLight").toEqual(base.pageErrors);
  expect(v.errors.problems('main').map((m) => m.text)).toEqual(base.main);
  expect(await domFingerprint(v.page), 'the DOM is as without the extension').toEqual(base.dom);
}

async function done(v: Visit): Promise<void> {
  await v.errors.detach();
  await v.page.close();
}

describe('a strict Content Security Policy page', () => {
  it('is served with the policy (the test would prove nothing otherwise)', async () => {
    const res = await fetch(server.url('strict-csp.html'));
    expect(res.headers.get('content-security-policy')).toBe(CSP);
  });

  it("still gets its highlights, styled, and a styled card: constructed sheets and CSS.highlights are not the page's to block", async () => {
    const page = await ext.context.newPage();
    // Init scripts run whatever the page's CSP; this one only listens for violations.
    await page.addInitScript(() => {
      const w = window as unknown as { violations: string[] };
      w.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const errors = await recordErrors(page);
    await page.goto(server.url('strict-csp.html'));
    const differ = await waitFor(() => highlightTexts(page, 'sourcelight-discrepancy'), (t) => t.length >= 2, 20_000);
    expect(differ).toEqual([ON_TOPIC.discrepancy, ON_TOPIC.discrepancy2]);
    expect(await highlightTexts(page, 'sourcelight-agree')).toEqual([ON_TOPIC.agree]);
    // The ::highlight() rules apply despite style-src 'none': the registered style file is the
    // browser's to inject (no sheet adopted here; the shadow-root test below adopts sheets).
    const look = await page.evaluate(() => {
      const p = document.querySelector('article p')!;
      const style = getComputedStyle(p, '::highlight(sourcelight-discrepancy)');
      return { sheets: document.adoptedStyleSheets.length, line: style.textDecorationLine, decoration: style.textDecorationStyle };
    });
    expect(look.sheets).toBe(0);
    expect(look.line).toContain('underline');
    expect(look.decoration).toBe('wavy');
    // The card opens, and its own style sheet (adopted in its shadow root) applies.
    const point = await isolatedPoint(page, 'sourcelight-discrepancy', 0);
    await page.mouse.click(point!.x, point!.y);
    const card = await waitFor(() => readCardAnyHost(page), (c) => c !== null, 5000);
    expect(card?.text).toContain('Differs from the sources');
    expect(card!.width).toBeLessThanOrEqual(400);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(errors.problems('extension')).toEqual([]);
    // Chromium logs a refused load as a console error: none may come from SourceLight.
    expect(errors.messages.filter((m) => /Refused to|Content Security Policy/i.test(m.text))).toEqual([]);
    await errors.detach();
    await page.close();
  });
});

describe('a page that replaces the built-ins and claims the card element name', () => {
  it('is checked as usual: the content script lives in an isolated world with its own built-ins', async () => {
    const v = await visit('redefined-builtins.html');
    expect(v.status?.state).toBe('done');
    const marks = await isolatedHighlights(v.page);
    expect(marks['sourcelight-discrepancy']).toEqual([ON_TOPIC.discrepancy, ON_TOPIC.discrepancy2]);
    expect(marks['sourcelight-agree']).toEqual([ON_TOPIC.agree]);
    // The page's traps were never sprung by SourceLight.
    expect(await evaluateMain(v.page, 'window.hostileCalls')).toBe(0);
    await expectUntouched(v, 'redefined-builtins.html');
    await done(v);
  });

  it("opens the card on a host the page cannot own: the page's sourcelight-card never runs for it", async () => {
    const v = await visit('redefined-builtins.html');
    await waitFor(() => isolatedHighlights(v.page), (h) => (h['sourcelight-discrepancy'] ?? []).length >= 2, 15_000);
    const point = await isolatedPoint(v.page, 'sourcelight-discrepancy', 0);
    await v.page.mouse.click(point!.x, point!.y);
    const card = await waitFor(() => readCardAnyHost(v.page), (c) => c !== null, 5000);
    expect(card?.text).toContain('Differs from the sources');
    // Creating a `sourcelight-card` ran the page's constructor (the page defined the name), so
    // that element was dropped for a plain host: had the card been built on it, the page's
    // ElementInternals would now hold the card's closed shadow root.
    expect(card?.host).not.toBe('sourcelight-card');
    expect(await evaluateMain(v.page, 'window.cardInternals ? String(window.cardInternals.shadowRoot) : "never constructed"')).toMatch(/^(null|never constructed)$/);
    // The page's element was never put in the document, so its connectedCallback never threw.
    // Keyboard navigation works too, and nothing was thrown anywhere.
    await v.page.keyboard.press('Escape');
    await v.page.keyboard.press('Alt+Shift+KeyN');
    expect(await waitFor(() => readCardAnyHost(v.page), (c) => c !== null, 5000)).not.toBeNull();
    expect(v.errors.problems('extension')).toEqual([]);
    expect(v.errors.pageErrors).toEqual([]);
    await done(v);
  });
});

describe('deep nesting', () => {
  it('5,000 levels (1,500 <div>s and 3,500 <span>s; more block boxes crash this Chromium by itself): the top and the deepest sentence are marked', async () => {
    const v = await visit('deep-nesting.html');
    expect(await evaluateMain(v.page, 'window.depth')).toBeGreaterThanOrEqual(5000);
    expect(await highlightTexts(v.page, 'sourcelight-discrepancy')).toEqual([ON_TOPIC.discrepancy2, ON_TOPIC.discrepancy]);
    await expectUntouched(v, 'deep-nesting.html');
    await done(v);
  });

  it('5,000 nested display: contents <div>s', async () => {
    const path = 'deep-nesting.html?divs=5000&spans=0&contents=1';
    const v = await visit(path);
    expect(await evaluateMain(v.page, 'window.depth')).toBeGreaterThanOrEqual(5000);
    expect(await highlightTexts(v.page, 'sourcelight-discrepancy')).toEqual([ON_TOPIC.discrepancy2, ON_TOPIC.discrepancy]);
    await expectUntouched(v, path);
    await done(v);
  });
});

describe('custom elements and shadow DOM', () => {
  it('marks text in open shadow roots, nested ones and slotted content; a closed root stays unread', async () => {
    const v = await visit('shadow-dom.html');
    expect(await highlightTexts(v.page, 'sourcelight-discrepancy')).toEqual([ON_TOPIC.discrepancy, 'Belarus is a State Party to the Rome Statute, the nested widget adds.']);
    expect(await highlightTexts(v.page, 'sourcelight-agree')).toEqual([ON_TOPIC.agree]);
    // The sentence in the closed shadow root is unreadable to any script, SourceLight included.
    expect(v.status?.findings.map((f) => f.sentence)).not.toContain('Poland referred Lukashenko to the ICC in October 2024.');
    // ::highlight() rules apply per tree, so the sheet is adopted into each shadow root that has a mark.
    const sheets = await v.page.evaluate(() => {
      const quote = document.querySelector('news-quote')!.shadowRoot!;
      const nested = quote.querySelector('nested-quote')!.shadowRoot!;
      return [quote.adoptedStyleSheets.length, nested.adoptedStyleSheets.length];
    });
    expect(sheets).toEqual([1, 1]);
    await expectUntouched(v, 'shadow-dom.html');
    await done(v);
  });

  it("reads a custom element's shadow root on a page whose own text never names the topic", async () => {
    const v = await visit('shadow-only.html');
    expect(await highlightTexts(v.page, 'sourcelight-discrepancy')).toEqual([ON_TOPIC.discrepancy]);
    await expectUntouched(v, 'shadow-only.html');
    await done(v);
  });

  it('opens the card for a sentence inside a shadow root', async () => {
    const v = await visit('shadow-dom.html');
    const point = await isolatedPoint(v.page, 'sourcelight-discrepancy', 0);
    expect(point).not.toBeNull();
    await v.page.mouse.click(point!.x, point!.y);
    const card = await waitFor(() => readCardAnyHost(v.page), (c) => c !== null, 5000);
    expect(card?.text).toContain('Differs from the sources');
    expect(v.errors.problems('extension')).toEqual([]);
    await done(v);
  });
});

describe('iframes', () => {
  it('marks the top document only (no all_frames), and breaks no frame: same-origin, srcdoc and cross-origin', async () => {
    const v = await visit('iframes.html');
    expect(await highlightTexts(v.page, 'sourcelight-discrepancy')).toEqual([ON_TOPIC.discrepancy]);
    const frames = v.page.frames().filter((f) => f !== v.page.mainFrame());
    expect(frames).toHaveLength(3);
    for (const frame of frames) {
      await frame.waitForLoadState('load');
      const state = await frame.evaluate(() => ({
        text: document.body?.innerText ?? '',
        marks: ['sourcelight-agree', 'sourcelight-discrepancy', 'sourcelight-related'].filter((n) => CSS.highlights.has(n)),
        sheets: document.adoptedStyleSheets.length,
      }));
      expect(state.text, frame.url()).toMatch(/Belarus is a State Party/);
      expect(state.marks, frame.url()).toEqual([]);
      expect(state.sheets, frame.url()).toBe(0);
    }
    await expectUntouched(v, 'iframes.html');
    await done(v);
  });
});

describe('contenteditable editors', () => {
  it('leaves drafts unmarked, and typing in them still works', async () => {
    const v = await visit('contenteditable.html');
    // The page's own sentence is marked; the drafts (editor, plaintext editor, textarea, input) are not.
    expect(await highlightTexts(v.page, 'sourcelight-discrepancy')).toEqual([ON_TOPIC.discrepancy]);
    await v.page.click('#editor p');
    await v.page.keyboard.press('End');
    await v.page.keyboard.type(' Lukashenko won a fifth term in 2020, I add.');
    await v.page.click('#plain');
    await v.page.keyboard.press('End');
    await v.page.keyboard.type(' And Belarus is a State Party to the Rome Statute.');
    // Alt+Shift+N in an editor belongs to the editor, not to SourceLight's finding navigation.
    await v.page.keyboard.press('Alt+Shift+KeyN');
    await v.page.keyboard.type('!');
    const state = await v.page.evaluate(() => ({
      editor: document.getElementById('editor')!.textContent,
      plain: document.getElementById('plain')!.textContent,
      focused: document.activeElement?.id,
    }));
    expect(state.editor).toContain('I wrote in my draft. Lukashenko won a fifth term in 2020, I add.');
    expect(state.plain).toMatch(/And Belarus is a State Party to the Rome Statute\.!?$/);
    expect(state.focused).toBe('plain');
    expect(await readCardAnyHost(v.page)).toBeNull();
    // After the mutation watcher's quiet time, still only the page's own sentence is marked.
    await v.page.waitForTimeout(1500);
    const inEditors = await v.page.evaluate(() => {
      const editors = [document.getElementById('editor')!, document.getElementById('plain')!];
      const all = ['sourcelight-agree', 'sourcelight-discrepancy', 'sourcelight-related'].flatMap((n) => [...((CSS.highlights.get(n) as Set<AbstractRange> | undefined) ?? [])]);
      return all.filter((r) => editors.some((e) => e.contains(r.startContainer))).length;
    });
    expect(inEditors).toBe(0);
    expect(await highlightTexts(v.page, 'sourcelight-discrepancy')).toEqual([ON_TOPIC.discrepancy]);
    expect(v.errors.problems('extension')).toEqual([]);
    expect(v.errors.pageErrors).toEqual([]);
    await done(v);
  });
});

describe('text in other scripts', () => {
  it('Cyrillic (Russian, Belarusian), Polish and Lithuanian: no crash, the English claim is marked', async () => {
    const v = await visit('other-scripts.html');
    expect(v.status?.state).toBe('done');
    expect(await highlightTexts(v.page, 'sourcelight-discrepancy')).toEqual([ON_TOPIC.discrepancy]);
    // The engine compares English claims; the pack's facts do not cover Russian, Belarusian,
    // Polish or Lithuanian wording, so those sentences get no mark rather than a wrong one.
    expect(v.status?.findings.map((f) => f.sentence)).toEqual([ON_TOPIC.discrepancy]);
    await expectUntouched(v, 'other-scripts.html');
    await done(v);
  });

  it('the background checks such sentences without error (they pass the topic gate)', async () => {
    const ui = await ext.context.newPage();
    await ui.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const sentences = [
      'Лукашенко выиграл пятый срок в 2020 году.',
      'Лукашэнка атрымаў пяты тэрмін у 2020 годзе.',
      'Łukaszenka wygrał piątą kadencję w 2020 roku.',
      'Lietuva 2024 m. rugsėjo 30 d. perdavė situaciją Baltarusijoje Tarptautiniam baudžiamajam teismui.',
      'Ł̸u̸k̸a̸ ‮reversed‬ 🇧🇾 Лукашенко\u200b/\u200bLukashenko.',
    ];
    let at = 0;
    const spans = sentences.map((text) => {
      const span = { text, start: at, end: at + text.length };
      at += text.length + 1;
      return span;
    });
    const reply = await sendFromExtensionPage<{ findings?: unknown[]; error?: string }>(ui, { type: 'check-sentences', sentences: spans });
    expect(reply.error).toBeUndefined();
    expect(reply.findings).toEqual([]);
    await ui.close();
  });
});

describe('what a hostile page can and cannot reach', () => {
  it('has no channel to the extension: no chrome.runtime messaging from the page, nothing listening to postMessage', async () => {
    const v = await visit('network-quiet.html');
    const reach = await v.page.evaluate(async () => {
      const c = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome;
      window.postMessage({ type: 'check-tab-now', tabId: 1 }, '*');
      window.postMessage({ type: 'set-settings', settings: { mode: 'manual' } }, '*');
      await new Promise((r) => setTimeout(r, 300));
      return { sendMessage: typeof c?.runtime?.sendMessage, connect: typeof c?.runtime?.connect };
    });
    expect(reach).toEqual({ sendMessage: 'undefined', connect: 'undefined' });
    // The posted messages changed nothing.
    const ui = await ext.context.newPage();
    await ui.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const settings = await sendFromExtensionPage<{ settings: { mode: string } }>(ui, { type: 'get-settings' });
    expect(settings.settings.mode).toBe('auto');
    await ui.close();
    await done(v);
  });

  it('can paint look-alike marks in the shared highlight registry, but no SourceLight card opens on them', async () => {
    const v = await visit('network-quiet.html');
    await waitFor(() => highlightTexts(v.page, 'sourcelight-discrepancy'), (t) => t.length >= 2, 15_000);
    const forged = await v.page.evaluate(() => {
      const p = [...document.querySelectorAll('article p')].find((x) => x.textContent!.startsWith('Read more'))!;
      const range = document.createRange();
      range.selectNodeContents(p.firstChild!);
      const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
      const Ctor = (window as unknown as { Highlight: new (...r: Range[]) => unknown }).Highlight;
      registry.set('sourcelight-forged-agree', new Ctor(range));
      registry.set('sourcelight-agree', new Ctor(range));
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 20, y: rect.top + rect.height / 2 };
    });
    await v.page.mouse.click(forged.x, forged.y);
    await v.page.waitForTimeout(800);
    expect(await readCardAnyHost(v.page)).toBeNull();
    expect(v.errors.problems('extension')).toEqual([]);
    await done(v);
  });

  it('cannot read the card: its shadow root is closed to page scripts', async () => {
    const v = await visit('network-quiet.html');
    await waitFor(() => highlightTexts(v.page, 'sourcelight-discrepancy'), (t) => t.length >= 2, 15_000);
    const point = await isolatedPoint(v.page, 'sourcelight-discrepancy', 0);
    await v.page.mouse.click(point!.x, point!.y);
    expect(await waitFor(() => readCardAnyHost(v.page), (c) => c !== null, 5000)).not.toBeNull();
    const seen = await v.page.evaluate(() => {
      const host = document.querySelector('[data-sourcelight]') as HTMLElement | null;
      return { host: !!host, shadowRoot: host?.shadowRoot ?? null, text: host?.textContent ?? '' };
    });
    expect(seen).toEqual({ host: true, shadowRoot: null, text: '' });
    // An isolated world of the test's own (like another extension) sees no more than the page.
    expect(await evaluateIsolated(v.page, `document.querySelector('[data-sourcelight]').shadowRoot === null`)).toBe(true);
    await done(v);
  });
});
