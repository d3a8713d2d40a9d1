/**
 * The side panel and the training page in real Chromium with the built extension: a pasted
 * draft is checked through the background, the findings appear under their sentences, a report
 * is exported as a real download, and a context-menu selection handed over through
 * storage.session is loaded. Build first: `npm run build:pack && npx wxt build`.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, screenshot, type ExtensionBrowser } from './browser';

const AGREE = 'On 30 September 2024, Lithuania referred Belarus to the International Criminal Court.';
const DIFFER = 'Poland referred Lukashenko to the ICC in October 2024.';
const DRAFT = `${AGREE}\n${DIFFER}\nThe weather in Vilnius was mild that week.`;

let b: ExtensionBrowser;

const KEY = 'sourcelight:pending-selection';

/** What the context menu does after opening the panel: write the hand-over in storage.session. */
function handOver(value: unknown): Promise<void> {
  return b.sw.evaluate(
    ([key, v]) => (globalThis as unknown as { chrome: { storage: { session: { set(x: object): Promise<void> } } } }).chrome.storage.session.set({ [key as string]: v }),
    [KEY, value] as const,
  );
}

function pending(): Promise<Record<string, unknown>> {
  return b.sw.evaluate((key) => (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get(key), KEY);
}

beforeAll(async () => {
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
});

async function openPanel(): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  await page.waitForSelector('[data-testid="draft"]');
  return page;
}

async function waitChecked(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="check-status"][data-phase="done"]', { timeout: 20_000 });
}

/** Verdicts of the finding cards under the sentence that contains `text`. */
async function verdictsOf(page: Page, text: string): Promise<string[]> {
  return page.$$eval(
    'li.sl-draft-sentence',
    (items, t) =>
      items
        .filter((li) => li.querySelector('blockquote')?.textContent?.includes(t))
        .flatMap((li) => Array.from(li.querySelectorAll('[data-testid="finding"]')).map((c) => c.getAttribute('data-verdict') ?? '')),
    text,
  );
}

describe('side panel', () => {
  it('checks a pasted draft and shows each finding under its sentence', async () => {
    const page = await openPanel();
    await page.locator('[data-testid="draft"]').focus();
    // insertText is what a paste produces: one input event with the whole text.
    await page.keyboard.insertText(DRAFT);
    await waitChecked(page);
    await screenshot(page, 'sidepanel-draft');

    expect(await verdictsOf(page, 'Poland referred Lukashenko')).toContain('discrepancy');
    expect(await verdictsOf(page, 'Lithuania referred Belarus')).toContain('agree');
    expect(await verdictsOf(page, 'The weather in Vilnius')).toEqual([]);
    const card = page.locator('li.sl-draft-sentence', { hasText: 'Poland referred Lukashenko' }).locator('[data-testid="finding"]').first();
    await expect(card.locator('.sl-badge').textContent()).resolves.toContain('Differs');
    const sourceLink = card.locator('.sl-sources a').first();
    await expect(sourceLink.getAttribute('href')).resolves.toMatch(/^https?:\/\//);
    await page.close();
  });

  it('exports the check as a Markdown and a JSON download', async () => {
    const page = await openPanel();
    await page.fill('[data-testid="draft"]', DRAFT);
    await waitChecked(page);

    const [md] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="markdown"]')]);
    expect(md.suggestedFilename()).toMatch(/^sourcelight-draft-\d{4}-\d{2}-\d{2}\.md$/);
    const mdText = await readFile((await md.path())!, 'utf8');
    expect(mdText).toContain('# Draft check');
    expect(mdText).toContain('✖ Differs');
    expect(mdText).toContain('> Poland referred Lukashenko to the ICC in October 2024.');
    expect(mdText).toMatch(/\*\*Fact pack:\*\* \d+\.\d+\.\d+/);

    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="json"]')]);
    const report = JSON.parse(await readFile((await json.path())!, 'utf8'));
    expect(report.origin).toBe('draft');
    expect(report.findings.some((f: { verdict: string; sentence: string }) => f.verdict === 'discrepancy' && f.sentence === DIFFER)).toBe(true);

    const [html] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="html"]')]);
    const htmlText = await readFile((await html.path())!, 'utf8');
    expect(htmlText).toMatch(/^<!doctype html>/);
    expect(htmlText).not.toMatch(/<script/i);
    await page.close();
  });

  it('loads a selection handed over by the context menu, before and while the panel is open', async () => {
    // An open panel takes the hand-over first; a page left open by a failed test must not.
    for (const p of b.context.pages()) if (p.url().includes('/sidepanel.html')) await p.close();
    await handOver({ text: DIFFER, url: 'https://news.example.com/story', at: new Date().toISOString() });
    const page = await openPanel();
    await waitChecked(page);
    await expect(page.inputValue('[data-testid="draft"]')).resolves.toBe(DIFFER);
    await expect(page.textContent('[data-testid="draft-origin"]')).resolves.toContain('https://news.example.com/story');
    expect(await verdictsOf(page, 'Poland referred Lukashenko')).toContain('discrepancy');
    // Read once: the hand-over is removed.
    await expect(pending()).resolves.toEqual({});

    await handOver({ text: AGREE, at: new Date().toISOString() });
    await page.waitForFunction((t) => (document.querySelector('[data-testid="draft"]') as HTMLTextAreaElement | null)?.value === t, AGREE);
    await waitChecked(page);
    expect(await verdictsOf(page, 'Lithuania referred Belarus')).toContain('agree');
    await page.close();
  });
});

describe('training page', () => {
  it('shows the demo article as a quiz, reveals a score, and steps through the presenter view', async () => {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/training.html`);
    await page.waitForSelector('[data-testid="quiz-item"]', { timeout: 20_000 });
    const items = await page.$$('[data-testid="quiz-item"]');
    expect(items.length).toBeGreaterThanOrEqual(12);
    await page.locator('[data-testid="quiz-item"]').first().getByLabel('Holds').check();
    await page.click('[data-action="reveal"]');
    await expect(page.textContent('[data-testid="quiz-score"]')).resolves.toMatch(/You got \d+ of \d+\./);
    await screenshot(page, 'training-quiz');

    await page.click('[data-mode="presenter"]');
    const pos = page.locator('[data-testid="presenter-position"]');
    await expect(pos.textContent()).resolves.toMatch(/^Finding 1 of \d+$/);
    await page.keyboard.press('ArrowRight');
    await expect(pos.textContent()).resolves.toMatch(/^Finding 2 of \d+$/);
    await screenshot(page, 'training-presenter');
    await page.close();
  });
});
