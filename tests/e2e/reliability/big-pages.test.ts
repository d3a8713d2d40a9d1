/**
 * 10 MB pages, generated at test time: an HTML archive of 20,000 paragraphs, and a text/plain
 * file that is a single 10 MB text node without one blank line (one "paragraph").
 *
 * Attribution: long tasks (PerformanceObserver 'longtask', from an init script in the page's
 * world) are measured on a page that has finished loading and gone quiet, with SourceLight in
 * manual mode; the check is then started from the background ('check-tab-now'). Anything long
 * in that window is SourceLight's. Long animation frames ('long-animation-frame') split each
 * long task into script (before the frame's renderStart) and rendering (style, layout,
 * pre-paint and paint of the new highlights, which is Blink's work on SourceLight's behalf).
 * The automatic path (checking at document_idle while the page loads) is also run, against the
 * same page in Chromium without the extension.
 *
 * Bounds are generous because the machines have two shared cores; the measured values are
 * printed and written to tests/artifacts/reliability-big-pages.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, highlightTexts, launchWithExtension, waitFor, type ExtensionBrowser } from '../browser';
import { hugeHtml, hugeText, PERF_INIT_SCRIPT, type LongFrame, type LongTask } from './big-pages';
import {
  launchPlain,
  ON_TOPIC,
  recordErrors,
  reportedStatus,
  sendFromExtensionPage,
  serveHostile,
  type ChromeApi,
  type HostileServer,
  type PlainBrowser,
} from './harness';

declare const chrome: ChromeApi;

/** A task of SourceLight's script longer than this fails (the aim is 50 ms; slices are 8 ms). */
const SCRIPT_BOUND_MS = 200;
/** Rendering the marks on a 10 MB page is Blink's work; longer than this fails. */
const RENDER_BOUND_MS = 2000;
const CAP = 2_000_000;
/** While a 10 MB page loads, a task this long means the page froze. */
const FROZEN_MS = 5000;

const PAGES = [
  { path: 'huge.html', what: 'an HTML archive of 10 MB' },
  { path: 'huge.txt', what: 'a 10 MB text/plain wall of text (one text node, no blank line)' },
] as const;

let server: HostileServer;
let ext: ExtensionBrowser;
const measured: Record<string, unknown> = {};

beforeAll(async () => {
  server = await serveHostile({
    generated: {
      'huge.html': () => ({ body: hugeHtml(), type: 'text/html; charset=utf-8' }),
      'huge.txt': () => ({ body: hugeText(), type: 'text/plain; charset=utf-8' }),
    },
  });
  ext = await launchWithExtension();
  await ext.context.addInitScript(PERF_INIT_SCRIPT);
}, 120_000);

afterAll(async () => {
  await ext?.close();
  await server?.close();
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, 'reliability-big-pages.json'), JSON.stringify(measured, null, 2));
  console.log('[reliability] 10 MB pages:', JSON.stringify(measured, null, 2));
});

interface PerfWindow {
  longTasks: LongTask[];
  frames: LongFrame[];
  rafTicks: number;
}

/** Clears the page's records and starts a requestAnimationFrame counter. */
function resetPerf(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: unknown[]; __loaf: unknown[]; __ticks: number; __ticking?: boolean };
    w.__longTasks.length = 0;
    w.__loaf.length = 0;
    w.__ticks = 0;
    if (!w.__ticking) {
      w.__ticking = true;
      const tick = () => {
        w.__ticks++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }
  });
}

function readPerf(page: Page): Promise<PerfWindow> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: LongTask[]; __loaf: LongFrame[]; __ticks: number };
    return { longTasks: [...w.__longTasks], frames: [...w.__loaf], rafTicks: w.__ticks };
  });
}

/** Waits until the page has had no long task for `quietMs` (it has finished laying itself out). */
async function settle(page: Page, quietMs = 2500, maxMs = 90_000): Promise<void> {
  let last = -1;
  let since = Date.now();
  for (const end = Date.now() + maxMs; Date.now() < end; ) {
    const n = await page.evaluate(() => (window as unknown as { __longTasks: unknown[] }).__longTasks.length);
    if (n !== last) {
      last = n;
      since = Date.now();
    }
    if (Date.now() - since >= quietMs) return;
    await page.waitForTimeout(250);
  }
}

/**
 * Each long task split into script and rendering: the part from its frame's renderStart on
 * (rAF callbacks, style, layout, pre-paint, paint, commit) is rendering; the rest is script. A
 * task no long frame overlaps counts as script throughout, which can only overstate it.
 */
function split(win: PerfWindow): { start: number; duration: number; script: number; render: number }[] {
  return win.longTasks.map((t) => {
    const end = t.start + t.duration;
    const overlap = (f: LongFrame) => Math.min(end, f.start + f.duration) - Math.max(t.start, f.start);
    const frame = win.frames.filter((f) => overlap(f) > 0).sort((a, b) => overlap(b) - overlap(a))[0];
    const renderFrom = frame && frame.renderStart > 0 ? frame.renderStart : Infinity;
    const render = Math.min(t.duration, Math.max(0, end - Math.max(t.start, renderFrom)));
    return { start: t.start, duration: t.duration, script: t.duration - render, render };
  });
}

describe('10 MB pages, checked on request once the page is quiet', () => {
  let ui: Page;

  beforeAll(async () => {
    ui = await ext.context.newPage();
    await ui.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await sendFromExtensionPage(ui, { type: 'set-settings', settings: { mode: 'manual' } });
  });

  afterAll(async () => {
    await sendFromExtensionPage(ui, { type: 'set-settings', settings: { mode: 'auto' } });
    await ui.close();
  });

  for (const { path, what } of PAGES) {
    it(`${what}: no long task of SourceLight's script, marks painted, frames keep coming`, async () => {
      const opened = ext.context.waitForEvent('page');
      const tabId = await ext.sw.evaluate((url) => chrome.tabs.create({ url }).then((t) => t.id!), server.url(path));
      const page = await opened;
      const errors = await recordErrors(page);
      await page.waitForLoadState('load', { timeout: 120_000 });
      await settle(page);

      // A quiet window first: with nothing running, nothing is long. This is what makes the
      // window after it attributable.
      await resetPerf(page);
      await page.waitForTimeout(1500);
      const quiet = await readPerf(page);

      await resetPerf(page);
      const t0 = Date.now();
      const reply = await sendFromExtensionPage<{ ok: boolean; error?: string }>(ui, { type: 'check-tab-now', tabId });
      expect(reply, 'the background reached the tab').toEqual({ ok: true });
      const marks = await waitFor(() => highlightTexts(page, 'sourcelight-discrepancy'), (t) => t.length > 0, 60_000, 300);
      const checkMs = Date.now() - t0;
      await page.waitForTimeout(1500);
      const during = await readPerf(page);
      const tasks = split(during);
      const status = await reportedStatus(ext.sw, server.url(path));

      const worstScript = Math.max(0, ...tasks.map((t) => t.script));
      const worstRender = Math.max(0, ...tasks.map((t) => t.render));
      measured[path] = {
        checkMs,
        quietLongTasks: quiet.longTasks,
        longTasksDuringCheck: tasks,
        longFramesDuringCheck: during.frames.filter((f) => f.duration > 50).map(({ start, duration, renderStart, blocking }) => ({ start, duration, renderStart, blocking })),
        worstScriptMs: worstScript,
        worstRenderMs: worstRender,
        rafTicksDuringCheck: during.rafTicks,
        windowMs: checkMs + 1500,
        marks: marks.length,
        textLength: status?.textLength,
      };

      expect(quiet.longTasks.length, 'the page was quiet before the check').toBeLessThanOrEqual(1);
      expect(marks.every((m) => m === ON_TOPIC.discrepancy)).toBe(true);
      expect(status?.state).toBe('done');
      // The text read stops at the cap; the page's first two million characters are checked.
      expect(status?.textLength).toBe(CAP);
      expect(worstScript, "SourceLight's longest stretch of script in one task (ms)").toBeLessThanOrEqual(SCRIPT_BOUND_MS);
      expect(worstRender, 'longest frame spent rendering the new marks (ms)').toBeLessThanOrEqual(RENDER_BOUND_MS);
      expect(during.rafTicks, 'animation frames kept coming during the check').toBeGreaterThanOrEqual(5);
      expect(errors.problems('extension')).toEqual([]);
      expect(errors.pageErrors).toEqual([]);
      await errors.detach();
      await page.close();
    }, 240_000);
  }
});

describe('10 MB pages, checked automatically while they load', () => {
  let plain: PlainBrowser;

  beforeAll(async () => {
    plain = await launchPlain();
    await plain.context.addInitScript(PERF_INIT_SCRIPT);
  });

  afterAll(async () => {
    await plain?.close();
  });

  for (const { path, what } of PAGES) {
    it(`${what}: read up to the cap and marked, nothing thrown; long tasks recorded against the page on its own`, async () => {
      const page = await ext.context.newPage();
      const errors = await recordErrors(page);
      await page.goto(server.url(path), { timeout: 120_000 });
      const marks = await waitFor(() => highlightTexts(page, 'sourcelight-discrepancy'), (t) => t.length > 0, 90_000, 500);
      await settle(page);
      const withExtension = split(await readPerf(page));
      const status = await reportedStatus(ext.sw, server.url(path));

      const bare = await plain.context.newPage();
      await bare.goto(server.url(path), { timeout: 120_000 });
      await settle(bare);
      const alone = split(await readPerf(bare));
      await bare.close();

      const total = (list: { duration: number }[]) => list.reduce((n, t) => n + t.duration, 0);
      measured[`${path} (automatic)`] = {
        withExtension: { count: withExtension.length, totalMs: total(withExtension), worstMs: Math.max(0, ...withExtension.map((t) => t.duration)), worstScriptMs: Math.max(0, ...withExtension.map((t) => t.script)) },
        withoutExtension: { count: alone.length, totalMs: total(alone), worstMs: Math.max(0, ...alone.map((t) => t.duration)), worstScriptMs: Math.max(0, ...alone.map((t) => t.script)) },
      };

      expect(marks.length).toBeGreaterThan(0);
      expect(status?.state).toBe('done');
      expect(status?.textLength).toBe(CAP);
      expect(errors.problems('extension')).toEqual([]);
      expect(errors.pageErrors).toEqual([]);
      // While the page loads, its own parsing and layout run alongside SourceLight and long tasks
      // cannot be told apart by whose they are: the test above is the one that attributes them.
      // Here the numbers are recorded, and only a frozen page (a task of seconds) fails. Typical
      // worst tasks on two shared cores: 90-330 ms (HTML) and 600-800 ms (text), with or without
      // the extension; once, under a load average of 4.5, a 2 s task with it.
      const worst = (list: { duration: number }[]) => Math.max(0, ...list.map((t) => t.duration));
      expect(worst(withExtension)).toBeLessThanOrEqual(Math.max(FROZEN_MS, worst(alone)));
      await errors.detach();
      await page.close();
    }, 300_000);
  }
});
