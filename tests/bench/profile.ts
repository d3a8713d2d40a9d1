/**
 * CPU profiles of a piece of work in this process (node:inspector), and a short text summary of
 * where the time went: self and inclusive time per function. `npm run bench -- --profile` writes
 * the .cpuprofile files to tests/artifacts/ (open them in Chrome DevTools' Performance panel).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Session } from 'node:inspector/promises';
import { SourceMapConsumer } from 'source-map-js';

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber?: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Runs `work` under the V8 sampling profiler and returns the profile. */
export async function profile(work: () => void | Promise<void>, intervalUs = 200): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    await work();
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    return profile;
  } finally {
    session.disconnect();
  }
}

export interface HotSpot {
  fn: string;
  selfPct: number;
  totalPct: number;
  selfMs: number;
  totalMs: number;
}

/** Names a call frame; `resolve` may give a better name (minified extension code → its source). */
export type FrameResolver = (f: CallFrame) => string | undefined;

const plainLabel = (f: CallFrame) => {
  // A RegExp frame is named by its whole source; the topic gate's runs to kilobytes.
  const name = (f.functionName || '(anonymous)').replace(/^(RegExp: .{60}).+$/s, '$1…');
  return `${name} ${f.url.replace(/^.*\/(src|tests|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
};

/**
 * Resolves frames of chrome-extension:// scripts through the source maps of a second build of
 * the same code made with source maps on (`<dir>/**\/*.js.map`): "ask src/page/background-client.ts:31"
 * instead of "ue content.js:3".
 */
export function sourceMapResolver(dir: string): FrameResolver {
  const maps = new Map<string, { map: SourceMapConsumer; lines: string[] }>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js.map') && existsSync(p.replace(/\.map$/, ''))) {
        maps.set(relative(dir, p).replace(/\.map$/, ''), {
          map: new SourceMapConsumer(JSON.parse(readFileSync(p, 'utf8'))),
          lines: readFileSync(p.replace(/\.map$/, ''), 'utf8').split('\n'),
        });
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return (f) => {
    const m = /^chrome-extension:\/\/[^/]+\/(.+)$/.exec(f.url);
    const entry = m ? maps.get(m[1]!) : undefined;
    if (!entry) return undefined;
    let column = f.columnNumber ?? 0;
    // A profile points at `function ue(`; the source map names the identifier after it.
    const named = /^(?:async\s+)?function\s*\*?\s*([\w$]+)/.exec(entry.lines[f.lineNumber]?.slice(column, column + 80) ?? '');
    if (named) column += named[0].length - named[1]!.length;
    const pos = entry.map.originalPositionFor({ line: f.lineNumber + 1, column });
    if (!pos.source) return undefined;
    const source = pos.source.replace(/^.*?\/((?:src|extension)\/|node_modules\/)/, '$1');
    return `${pos.name || f.functionName || '(anonymous)'} ${source}:${pos.line}`;
  };
}

/** The functions with the most self time, with their inclusive time (share of all samples). */
export function hotSpots(p: CpuProfile, top = 15, resolve?: FrameResolver): HotSpot[] {
  const label = (f: CallFrame) => resolve?.(f) ?? plainLabel(f);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfById = new Map<number, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    // A sample lasts until the next one (timeDeltas[i] is the gap before sample i).
    const dt = p.timeDeltas[i + 1] ?? 0;
    selfById.set(id, (selfById.get(id) ?? 0) + dt);
    total += dt;
  });
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, t] of selfById) {
    const node = byId.get(id)!;
    const k = label(node.callFrame);
    self.set(k, (self.get(k) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = label(byId.get(cur)!.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + t);
    }
  }
  const pct = (t: number) => Math.round((t / (total || 1)) * 1000) / 10;
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, t]) => ({ fn, selfPct: pct(t), totalPct: pct(incl.get(fn) ?? t), selfMs: Math.round(t / 100) / 10, totalMs: Math.round((incl.get(fn) ?? t) / 100) / 10 }));
}

/** Inclusive share of the functions whose label matches `re` (e.g. /fuse/). */
export function inclusiveShare(p: CpuProfile, re: RegExp): number {
  const label = plainLabel;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let hit = 0;
  let total = 0;
  p.samples.forEach((id, i) => {
    // A sample lasts until the next one (timeDeltas[i] is the gap before sample i).
    const dt = p.timeDeltas[i + 1] ?? 0;
    total += dt;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      if (re.test(label(byId.get(cur)!.callFrame))) {
        hit += dt;
        break;
      }
    }
  });
  return Math.round((hit / (total || 1)) * 1000) / 10;
}
