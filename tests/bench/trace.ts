/**
 * Chromium trace reading for the browser benchmark: collect a devtools.timeline trace through a
 * page's CDP session and find the page renderer's main-thread tasks, and which of them ran the
 * extension's code.
 */
import type { CDPSession } from 'playwright-core';
import type { FrameResolver } from './profile';

/** The timeline, plus V8's sampling profiler so that tasks can be attributed by the code they ran. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> & { frames?: { frame: string; url: string; processId?: number; parent?: string }[]; url?: string } };
}

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReturnAsStream',
  } as never);
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve as never));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) return [];
  const chunks: string[] = [];
  for (;;) {
    const r = (await cdp.send('IO.read', { handle: stream, size: 4 << 20 } as never)) as { data: string; eof: boolean; base64Encoded?: boolean };
    chunks.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data);
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream } as never).catch(() => {});
  const parsed = JSON.parse(chunks.join('')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

export interface TaskSummary {
  /** Top-level tasks on the page's main thread. */
  tasks: number;
  /** Longest task on the page's main thread, whatever ran in it (ms). */
  longestTaskMs: number;
  /** Tasks that ran code from a chrome-extension:// script. */
  extensionTasks: number;
  /** Longest of those (ms); 0 when none. */
  longestExtensionTaskMs: number;
  /** Summed duration of those tasks (ms). */
  extensionTaskMs: number;
  /** Extension tasks over 50 ms. */
  extensionTasksOver50: number;
  /** Tasks over 50 ms, whatever ran in them. */
  tasksOver50: number;
  /** Sampled time in extension code (self time, any frame from chrome-extension:// on the stack), ms. */
  extensionSampledMs: number;
  /**
   * Where the sampled extension time went, over the whole load: by the innermost extension
   * function on the stack (and the native or regex code it called, after →), ms, largest first.
   */
  extensionSampledTop: { fn: string; ms: number }[];
  /** The three longest extension tasks, ms. */
  longestExtensionTasks: number[];
  /** What the longest extension task spent its samples on (leaf function, sampled ms). */
  longestExtensionTaskTop: { fn: string; ms: number }[];
  /** The timeline events inside that task with the most time (self time, ms): layout, style, paint, messaging. */
  longestExtensionTaskEvents: { event: string; ms: number }[];
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number };
}

/** Times (µs, trace clock) of the CPU samples on `pid`/`tid` whose stack holds extension code. */
function extensionSamples(events: TraceEvent[], pid: number, tid: number, resolve?: FrameResolver): { times: number[]; intervals: number[]; all: { t: number; dt: number; leaf: string }[]; where: Map<string, number> } {
  const profiles = new Map<string, { start: number; nodes: Map<number, ProfileNode>; samples: number[]; deltas: number[] }>();
  for (const e of events) {
    if (e.pid !== pid || !e.id) continue;
    const data = e.args?.data as { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    if (e.name === 'Profile' && e.tid === tid) profiles.set(e.id, { start: data?.startTime ?? e.ts, nodes: new Map(), samples: [], deltas: [] });
    else if (e.name === 'ProfileChunk') {
      const p = profiles.get(e.id);
      if (!p) continue;
      for (const n of data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
      p.samples.push(...(data?.cpuProfile?.samples ?? []));
      p.deltas.push(...(data?.timeDeltas ?? []));
    }
  }
  const times: number[] = [];
  const intervals: number[] = [];
  const all: { t: number; dt: number; leaf: string }[] = [];
  const where = new Map<string, number>();
  const resolved = (f: NonNullable<ProfileNode['callFrame']>) => resolve?.({ functionName: f.functionName ?? '', url: f.url ?? '', lineNumber: f.lineNumber ?? 0, columnNumber: f.columnNumber ?? 0 });
  for (const p of profiles.values()) {
    const isExt = new Map<number, boolean>();
    const ext = (id: number): boolean => {
      const known = isExt.get(id);
      if (known !== undefined) return known;
      const n = p.nodes.get(id);
      const v = !!n && ((n.callFrame?.url ?? '').startsWith('chrome-extension://') || (n.parent !== undefined && ext(n.parent)));
      isExt.set(id, v);
      return v;
    };
    let t = p.start;
    for (let i = 0; i < p.samples.length; i++) {
      const dt = p.deltas[i] ?? 0;
      t += dt;
      const leaf = p.nodes.get(p.samples[i]!)?.callFrame;
      const named = leaf && resolved(leaf);
      const label = clip(named ?? `${leaf?.functionName || '(anonymous)'} ${(leaf?.url ?? '').replace(/^chrome-extension:\/\/[^/]+\//, 'ext:')}`.trim());
      all.push({ t, dt: p.deltas[i + 1] ?? dt, leaf: label });
      if (ext(p.samples[i]!)) {
        times.push(t);
        intervals.push(p.deltas[i + 1] ?? dt);
        let id: number | undefined = p.samples[i]!;
        while (id !== undefined && !(p.nodes.get(id)?.callFrame?.url ?? '').startsWith('chrome-extension://')) id = p.nodes.get(id)?.parent;
        const inner = id === undefined ? undefined : p.nodes.get(id)?.callFrame;
        const innerName = inner && (resolved(inner) ?? `${inner.functionName || '(anonymous)'} ext`);
        const key = id === p.samples[i] ? label : `${clip(innerName ?? '?', 60)} → ${clip(label, 40)}`;
        where.set(key, (where.get(key) ?? 0) + (p.deltas[i + 1] ?? dt) / 1000);
      }
    }
  }
  return { times, intervals, all, where };
}

const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The renderer main thread of the frame loaded from `url`, and its tasks. */
export function summarizeTasks(events: TraceEvent[], url: string, resolve?: FrameResolver): TaskSummary | null {
  let pid: number | undefined;
  for (const e of events) {
    const frames = e.args?.data?.frames;
    if ((e.name === 'TracingStartedInBrowser' || e.name === 'TracingStartedInPage') && frames) {
      const main = frames.find((f) => !f.parent && f.url === url) ?? frames.find((f) => !f.parent && f.url.startsWith(url.split('#')[0]!));
      if (main?.processId) pid = main.processId;
    }
  }
  if (pid === undefined) {
    // Later navigations are announced by FrameCommittedInBrowser / CommitLoad.
    const commit = events.find((e) => (e.name === 'FrameCommittedInBrowser' || e.name === 'CommitLoad') && (e.args?.data?.url as string | undefined) === url);
    pid = (commit?.args?.data?.processId as number | undefined) ?? commit?.pid;
  }
  if (pid === undefined) return null;
  const tid = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid;
  if (tid === undefined) return null;
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts);
  const isTask = (e: TraceEvent) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
  const top: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of onThread) {
    if (!isTask(e)) continue;
    if (e.ts >= end) {
      top.push(e);
      end = e.ts + e.dur!;
    }
  }
  const fromExtension = (e: TraceEvent) => {
    const d = e.args?.data;
    const u = (d?.url ?? d?.scriptName ?? '') as string;
    return typeof u === 'string' && u.startsWith('chrome-extension://');
  };
  const extTaskIdx = new Set<number>();
  /** Index of the top-level task running at `ts`, or -1. */
  const taskAt = (ts: number): number => {
    let lo = 0;
    let hi = top.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = top[mid]!;
      if (ts < t.ts) hi = mid - 1;
      else if (ts > t.ts + t.dur!) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  for (const e of onThread) {
    if (isTask(e) || !fromExtension(e)) continue;
    const k = taskAt(e.ts);
    if (k >= 0) extTaskIdx.add(k);
  }
  const samples = extensionSamples(events, pid, tid, resolve);
  let sampled = 0;
  samples.times.forEach((ts, k) => {
    sampled += samples.intervals[k]! / 1000;
    const at = taskAt(ts);
    if (at >= 0) extTaskIdx.add(at);
  });
  const ms = (e: TraceEvent) => e.dur! / 1000;
  const ext = [...extTaskIdx].map((k) => top[k]!);
  const longest = ext.reduce<TraceEvent | undefined>((a, e) => (!a || e.dur! > a.dur! ? e : a), undefined);
  const inLongest = new Map<string, number>();
  if (longest) {
    for (const x of samples.all) if (x.t >= longest.ts && x.t <= longest.ts + longest.dur!) inLongest.set(x.leaf, (inLongest.get(x.leaf) ?? 0) + x.dt / 1000);
  }
  const inLongestEvents = new Map<string, number>();
  if (longest) {
    // Self time: an event's duration less its children's, so nested events are not counted twice.
    const within = onThread.filter((e) => e !== longest && e.ph === 'X' && e.dur !== undefined && e.ts >= longest.ts && e.ts + e.dur <= longest.ts + longest.dur!);
    const stack: { e: TraceEvent; child: number }[] = [];
    const close = (x: { e: TraceEvent; child: number }) => inLongestEvents.set(x.e.name, (inLongestEvents.get(x.e.name) ?? 0) + (x.e.dur! - x.child) / 1000);
    for (const e of within.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
      while (stack.length && e.ts >= stack.at(-1)!.e.ts + stack.at(-1)!.e.dur!) close(stack.pop()!);
      if (stack.length) stack.at(-1)!.child += e.dur!;
      stack.push({ e, child: 0 });
    }
    while (stack.length) close(stack.pop()!);
  }
  return {
    longestExtensionTaskEvents: [...inLongestEvents].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([event, v]) => ({ event, ms: round(v) })),
    longestExtensionTaskTop: [...inLongest].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([fn, v]) => ({ fn, ms: round(v) })),
    extensionSampledMs: round(sampled),
    extensionSampledTop: [...samples.where].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([fn, v]) => ({ fn, ms: round(v) })),
    longestExtensionTasks: ext.map(ms).sort((a, b) => b - a).slice(0, 3).map(round),
    tasks: top.length,
    longestTaskMs: round(Math.max(0, ...top.map(ms))),
    extensionTasks: ext.length,
    longestExtensionTaskMs: round(Math.max(0, ...ext.map(ms))),
    extensionTaskMs: round(ext.reduce((s, e) => s + ms(e), 0)),
    extensionTasksOver50: ext.filter((e) => ms(e) > 50).length,
    tasksOver50: top.filter((e) => ms(e) > 50).length,
  };
}

const round = (x: number) => Math.round(x * 10) / 10;
