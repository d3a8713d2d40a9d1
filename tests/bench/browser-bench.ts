/**
 * The extension in headless Chromium: main-thread cost on a page with and without it, and with
 * the floor extension (read the text once, test one regex), time to the last highlight, the
 * longest task it causes, and the service worker's heap.
 *
 * Each configuration runs in its own child process, because the e2e launch helper
 * (tests/e2e/browser.ts, reused as is) reads the extension folder from SOURCELIGHT_EXTENSION_DIR
 * once, when it is imported. The parent serves the generated pages on 127.0.0.1.
 *
 *   child: tsx tests/bench/browser-bench.ts --child '<json ChildSpec>'
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { startTrace, stopTrace, summarizeTasks, type TaskSummary } from './trace';
import { hotSpots, sourceMapResolver, type CpuProfile, type FrameResolver, type HotSpot } from './profile';

export type ConfigName = 'none' | 'floor' | 'floor-3-names' | 'sourcelight';

export interface BenchPage {
  name: string;
  /** Path on the bench server. */
  path: string;
  /** Expect highlights (wait for them to settle). */
  onTopic: boolean;
}

export interface ChildSpec {
  config: ConfigName;
  extensionDir: string;
  origin: string;
  pages: BenchPage[];
  runs: number;
  /** Traced loads per page. */
  tracedRuns: number;
  /** Write a CPU profile of one load of each page here (the page's renderer, CDP Profiler). */
  profileDir?: string;
  /** A source-mapped copy of the extension under test, to name its minified functions. */
  sourceMapDir?: string;
  /** Measure the service worker's heap at the end (once per configuration is enough). */
  heap?: boolean;
}

export interface PageRun {
  /** loadEventStart, ms from navigation start. */
  loadMs: number;
  /** rAF time of the last change to the sourcelight-* highlight sizes, ms after load; null when none. */
  lastHighlightAfterLoadMs: number | null;
  /** Ranges registered under sourcelight-* at the end (with many, only those near the viewport). */
  highlights: number;
  /**
   * When the content script finished checking the whole page (its status's checkedAt), ms after
   * load: every finding is ready then, painted or waiting to scroll into view. SourceLight only.
   */
  checkDoneAfterLoadMs: number | null;
  /** Performance.getMetrics, ms. */
  scriptMs: number;
  taskMs: number;
  /** PerformanceObserver('longtask') entries (> 50 ms) seen by the page, their durations. */
  longTasks: number[];
}

export interface PageResult {
  cold: PageRun;
  runs: PageRun[];
  /** One per traced load (a separate load each, so that tracing's overhead stays out of `runs`). */
  traces: TaskSummary[];
  /** With --profile: where the page's main thread spent its time during one load. */
  profile?: HotSpot[];
  /** With --profile, SourceLight only: the service worker during the same load. */
  swProfile?: HotSpot[];
}

export interface ConfigResult {
  config: ConfigName;
  pages: Record<string, PageResult>;
  /** Service worker heap (CDP Runtime.getHeapUsage on the worker target), bytes. */
  swHeap?: { usedBeforeGc: number; usedAfterGc: number; total: number; method: string } | { error: string };
}

/**
 * Injected before the page's own scripts (a string: tsx's name helpers must not leak into the
 * page). Records long tasks, and every change of the sourcelight-* highlight sizes with the
 * animation frame's time.
 */
const INIT_SCRIPT = `(() => {
  const b = (window.__bench = { hl: [], longtasks: [] });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longtasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  let last = 0;
  const tick = (t) => {
    const reg = CSS.highlights;
    let n = 0;
    if (reg) for (const [name, h] of reg) if (name.startsWith('sourcelight-')) n += h.size;
    if (n !== last) { b.hl.push({ t, n }); last = n; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Time after load the page is watched at least, and the quiet time that ends the watch. */
const MIN_WATCH_MS = 3_000;
const STABLE_MS = 1_500;
const MAX_WATCH_MS = 60_000;

async function loadOnce(context: BrowserContext, url: string, mode: { trace?: boolean; profile?: boolean; expectHighlights?: boolean; resolveFrame?: FrameResolver | undefined }): Promise<{ run: PageRun; trace?: TaskSummary | null; profile?: CpuProfile }> {
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  try {
    await page.addInitScript({ content: INIT_SCRIPT });
    await cdp.send('Performance.enable');
    if (mode.trace) await startTrace(cdp);
    if (mode.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const started = Date.now();
    let state: { hl: { t: number; n: number }[]; load: number; now: number; longtasks: number[] };
    for (;;) {
      state = await page.evaluate(() => {
        const b = (window as unknown as { __bench: { hl: { t: number; n: number }[]; longtasks: number[] } }).__bench;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return { hl: b.hl, longtasks: b.longtasks, load: nav?.loadEventStart ?? 0, now: performance.now() };
      });
      const lastChange = state.hl.length ? state.hl[state.hl.length - 1]!.t : state.load;
      const quiet = state.now - Math.max(lastChange, state.load);
      // On a page that should be marked, the watch goes on until the first highlight and then
      // until they stop changing; elsewhere a fixed time after load.
      const waiting = mode.expectHighlights && !state.hl.length;
      if ((!waiting && state.now - state.load >= MIN_WATCH_MS && quiet >= STABLE_MS) || Date.now() - started > MAX_WATCH_MS) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    let profile: CpuProfile | undefined;
    if (mode.profile) profile = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
    const trace = mode.trace ? summarizeTasks(await stopTrace(cdp), url, mode.resolveFrame) : undefined;
    const last = state.hl[state.hl.length - 1];
    const checkDoneAfterLoadMs = mode.expectHighlights ? await checkDoneAfterLoad(context, page, state.load) : null;
    const run: PageRun = {
      checkDoneAfterLoadMs,
      loadMs: round(state.load),
      lastHighlightAfterLoadMs: last ? round(last.t - state.load) : null,
      highlights: last?.n ?? 0,
      scriptMs: round(metric('ScriptDuration')),
      taskMs: round(metric('TaskDuration')),
      longTasks: state.longtasks.map(round),
    };
    return { run, trace, profile };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close().catch(() => {});
  }
}

interface WorkerSession {
  send<T>(method: string, params?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A CDP session on the extension's service worker. Playwright gives CDP sessions for pages and
 * frames only, so this attaches to the worker target from a page's session and talks to it
 * through Target.sendMessageToTarget.
 */
async function attachServiceWorker(context: BrowserContext): Promise<WorkerSession> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const close = async () => {
    await cdp.detach().catch(() => {});
    await page.close().catch(() => {});
  };
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!sw) throw new Error('no service worker target');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
    let id = 0;
    const pending = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
    cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (m.id !== undefined) pending.get(m.id)?.(m);
    });
    return {
      send: <T>(method: string, params: Record<string, unknown> = {}): Promise<T> =>
        new Promise((ok, fail) => {
          const i = ++id;
          pending.set(i, (m) => (m.error ? fail(new Error(m.error.message)) : ok(m.result as T)));
          void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method, params }) });
        }),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Heap of the extension's service worker: CDP Runtime.getHeapUsage, before and after a forced GC. */
async function serviceWorkerHeap(context: BrowserContext): Promise<NonNullable<ConfigResult['swHeap']>> {
  let sw: WorkerSession | undefined;
  try {
    sw = await attachServiceWorker(context);
    const before = await sw.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
    await sw.send('HeapProfiler.collectGarbage');
    const after = await sw.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
    return { usedBeforeGc: before.usedSize, usedAfterGc: after.usedSize, total: after.totalSize, method: 'CDP Runtime.getHeapUsage on the service_worker target (Target.attachToTarget from a page session)' };
  } catch (err) {
    return { error: String(err) };
  } finally {
    await sw?.close();
  }
}

async function child(spec: ChildSpec): Promise<ConfigResult> {
  process.env.SOURCELIGHT_EXTENSION_DIR = spec.extensionDir;
  const { launchWithExtension } = await import('../e2e/browser');
  // Only SourceLight registers its content script at run time, for granted origins; the floor and
  // blank extensions declare theirs (or none) in the manifest.
  const browser = await launchWithExtension({ granted: spec.config === 'sourcelight' });
  const resolveFrame: FrameResolver | undefined = spec.sourceMapDir ? sourceMapResolver(spec.sourceMapDir) : undefined;
  try {
    const url = (p: BenchPage) => `${spec.origin}/${p.path}`;
    const expectHighlights = (p: BenchPage) => spec.config === 'sourcelight' && p.onTopic;
    const result: ConfigResult = { config: spec.config, pages: {} };
    // The first load of each page is cold (the service worker builds its index on the first check).
    for (const p of spec.pages) result.pages[p.name] = { cold: (await loadOnce(browser.context, url(p), { expectHighlights: expectHighlights(p) })).run, runs: [], traces: [] };
    for (let r = 0; r < spec.runs; r++) {
      for (const p of spec.pages) result.pages[p.name]!.runs.push((await loadOnce(browser.context, url(p), { expectHighlights: expectHighlights(p) })).run);
    }
    // Traces are taken on separate loads so that tracing's overhead does not enter the metrics.
    for (let r = 0; r < spec.tracedRuns; r++) {
      for (const p of spec.pages) {
        const { trace } = await loadOnce(browser.context, url(p), { trace: true, expectHighlights: expectHighlights(p), resolveFrame });
        if (trace) result.pages[p.name]!.traces.push(trace);
      }
    }
    if (spec.profileDir) {
      mkdirSync(spec.profileDir, { recursive: true });
      for (const p of spec.pages) {
        // The page's renderer and, for SourceLight, its service worker, during the same load.
        const sw = spec.config === 'sourcelight' ? await attachServiceWorker(browser.context).catch(() => undefined) : undefined;
        if (sw) {
          await sw.send('Profiler.enable');
          await sw.send('Profiler.setSamplingInterval', { interval: 200 });
          await sw.send('Profiler.start');
        }
        const { profile } = await loadOnce(browser.context, url(p), { profile: true, expectHighlights: expectHighlights(p) });
        if (sw) {
          const { profile: swProfile } = await sw.send<{ profile: CpuProfile }>('Profiler.stop');
          await sw.close();
          writeFileSync(join(spec.profileDir, `browser-${spec.config}-${p.name}-service-worker.cpuprofile`), JSON.stringify(swProfile));
          result.pages[p.name]!.swProfile = hotSpots(swProfile, 20, resolveFrame);
        }
        if (!profile) continue;
        writeFileSync(join(spec.profileDir, `browser-${spec.config}-${p.name}.cpuprofile`), JSON.stringify(profile));
        result.pages[p.name]!.profile = hotSpots(profile, 20, resolveFrame);
      }
    }
    if (spec.config !== 'none' && spec.heap !== false) result.swHeap = await serviceWorkerHeap(browser.context);
    return result;
  } finally {
    await browser.close();
  }
}

/** The page's status as its content script reports it to the service worker: when its check ended, ms after load. */
async function checkDoneAfterLoad(context: BrowserContext, page: Page, load: number): Promise<number | null> {
  const sw = context.serviceWorkers()[0];
  if (!sw) return null;
  try {
    const origin = await page.evaluate(() => performance.timeOrigin);
    type Chrome = {
      tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: unknown, o: unknown): Promise<{ status?: { checkedAt?: string } } | undefined> };
    };
    const checkedAt = await sw.evaluate(async (url) => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
      if (tab?.id === undefined) return null;
      const reply = await chrome.tabs.sendMessage(tab.id, { type: 'get-status' }, { frameId: 0 });
      return reply?.status?.checkedAt ?? null;
    }, page.url());
    return checkedAt ? round(Date.parse(checkedAt) - (origin + load)) : null;
  } catch {
    return null;
  }
}

/** Runs one configuration in a child process and returns its result. */
export function runConfig(spec: ChildSpec): Promise<ConfigResult> {
  return new Promise((ok, fail) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', resolve('tests/bench/browser-bench.ts'), '--child', JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, SOURCELIGHT_EXTENSION_DIR: spec.extensionDir },
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('error', fail);
    proc.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) fail(new Error(`browser bench (${spec.config}) exited with ${code}: ${out.slice(-2000)}`));
      else ok(JSON.parse(line.slice('BENCH_RESULT '.length)) as ConfigResult);
    });
  });
}

const round = (x: number) => Math.round(x * 10) / 10;

if (process.argv[2] === '--child') {
  const spec = JSON.parse(process.argv[3]!) as ChildSpec;
  child(spec).then(
    (r) => {
      process.stdout.write(`BENCH_RESULT ${JSON.stringify(r)}\n`);
      process.exit(0);
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
