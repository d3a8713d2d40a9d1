/**
 * An infinite-scroll page gone wild (tests/fixtures/hostile/infinite-scroll.html): 10,000 new
 * paragraphs a second for ten seconds, one in a thousand on topic. The page keeps rendering
 * frames (a requestAnimationFrame counter and the longest gap between two frames, against the
 * same page without the extension), SourceLight throws nothing, the on-topic paragraphs it can
 * read are marked, and a paragraph added after the storm is marked within seconds.
 *
 * The page ends up with 100,000 paragraphs (about 9 million characters); a full check reads a
 * page's first 2,000,000 characters (extract-text.ts's cap), so on-topic paragraphs appended
 * during the storm beyond that point are not marked: a known limit, asserted here so a change
 * to it is noticed. Paragraphs added once the page has calmed are checked block by block,
 * wherever they are.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, highlightTexts, launchWithExtension, waitFor, type ExtensionBrowser } from '../browser';
import { launchPlain, recordErrors, reportedStatus, serveHostile, type HostileServer, type PlainBrowser } from './harness';

const STORM_MS = 10_000;
const RATE = 10_000;
const PAGE = 'infinite-scroll.html';

let server: HostileServer;
let ext: ExtensionBrowser;
let plain: PlainBrowser;
const measured: Record<string, unknown> = {};

beforeAll(async () => {
  server = await serveHostile();
  ext = await launchWithExtension();
  plain = await launchPlain();
});

afterAll(async () => {
  await ext?.close();
  await plain?.close();
  await server?.close();
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, 'reliability-mutation-storm.json'), JSON.stringify(measured, null, 2));
  console.log('[reliability] mutation storm:', JSON.stringify(measured));
});

interface Storm {
  appended: number;
  frames: number;
  maxFrameGapMs: number;
  elapsedMs: number;
}

async function storm(page: Page): Promise<Storm> {
  await page.evaluate(() => {
    (window as unknown as { maxFrameGap: number }).maxFrameGap = 0;
  });
  const f0 = await page.evaluate(() => (window as unknown as { frames_: number }).frames_);
  const t0 = Date.now();
  const appended = await page.evaluate(([ms, rate]) => (window as unknown as { startFeed(ms: number, rate: number): Promise<number> }).startFeed(ms, rate), [STORM_MS, RATE] as const);
  const after = await page.evaluate(() => {
    const w = window as unknown as { frames_: number; maxFrameGap: number };
    return { frames: w.frames_, gap: w.maxFrameGap };
  });
  return { appended, frames: after.frames - f0, maxFrameGapMs: Math.round(after.gap), elapsedMs: Date.now() - t0 };
}

describe('10,000 mutations a second', () => {
  it('without the extension: the baseline the page manages on its own', async () => {
    const page = await plain.context.newPage();
    await page.goto(server.url(PAGE));
    await page.waitForTimeout(1000);
    measured.withoutExtension = await storm(page);
    expect((measured.withoutExtension as Storm).appended).toBe((STORM_MS / 1000) * RATE);
    await page.close();
  }, 120_000);

  it('with the extension: frames keep coming, nothing is thrown, readable on-topic paragraphs are marked', async () => {
    const page = await ext.context.newPage();
    const errors = await recordErrors(page);
    await page.goto(server.url(PAGE));
    await waitFor(() => highlightTexts(page, 'sourcelight-discrepancy'), (t) => t.length >= 1, 15_000);
    const during = await storm(page);
    measured.withExtension = during;
    expect(during.appended).toBe((STORM_MS / 1000) * RATE);
    const base = measured.withoutExtension as Storm | undefined;

    // Responsive: frames kept coming all through the storm. On two shared cores the page alone
    // manages 10 to 30 frames a second here, and it varies run to run; the bound is generous.
    expect(during.frames, 'animation frames during the 10 s storm').toBeGreaterThanOrEqual(20);
    expect(during.maxFrameGapMs, 'longest wait between two frames (ms)').toBeLessThanOrEqual(Math.max(2000, 2 * (base?.maxFrameGapMs ?? 0)));

    // Once the feed stops, the last full check completes and marks what it read.
    const onTopic = await page.evaluate(() => (window as unknown as { onTopic: string[] }).onTopic);
    const marks = await waitFor(
      () => highlightTexts(page, 'sourcelight-discrepancy'),
      (t) => t.filter((m) => m.startsWith('Update ')).length >= 10,
      30_000,
      500,
    );
    const stormMarks = marks.filter((m) => m.startsWith('Update '));
    const status = await reportedStatus(ext.sw, server.url(PAGE));
    measured.afterStorm = { onTopicAppended: onTopic.length, marked: stormMarks.length, lastMarked: stormMarks.at(-1), textLength: status?.textLength };
    // Every mark is one of the on-topic paragraphs, in order, from the first on.
    expect(stormMarks).toEqual(onTopic.slice(0, stormMarks.length));
    // The known limit: the page's first 2,000,000 characters are read.
    expect(status?.textLength).toBe(2_000_000);
    expect(stormMarks.length).toBeLessThan(onTopic.length);

    // A paragraph added after the storm, 9 million characters down the page, is checked on its own.
    await page.waitForTimeout(2000);
    const t0 = Date.now();
    await page.evaluate(() => (window as unknown as { addEntry(t: string): void }).addEntry('Late entry: Lukashenko won a fifth term in 2020.'));
    const late = await waitFor(
      () => highlightTexts(page, 'sourcelight-discrepancy'),
      (t) => t.includes('Late entry: Lukashenko won a fifth term in 2020.'),
      20_000,
      200,
    );
    measured.lateParagraphMarkedAfterMs = Date.now() - t0;
    expect(late).toContain('Late entry: Lukashenko won a fifth term in 2020.');

    expect(errors.problems('extension')).toEqual([]);
    expect(errors.pageErrors).toEqual([]);
    await errors.detach();
    await page.close();
  }, 180_000);
});
