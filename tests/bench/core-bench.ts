/**
 * The core's speed: sentences per second on on-topic news text with the shipped pack, the cost
 * per sentence as the fact base grows (synthetic packs), and plain fuse.js over every fact's
 * claim and quote as the baseline.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { createMatcher, type Matcher } from '../../src/core/matcher';
import type { SentenceSpan } from '../../src/core/types';
import type { FactPack } from '../../src/facts/schema';
import { validatePack } from '../../src/facts/validate-pack';
import { onTopicSentences, repeatTo } from './corpus';
import { profile, hotSpots, type CpuProfile, type HotSpot } from './profile';
import { syntheticPack } from './synthetic-pack';
import { median } from './stats';

export interface ThroughputResult {
  sentences: number;
  uniqueSentences: number;
  runs: number;
  /** Median over runs. */
  sentencesPerSecond: number;
  usPerSentence: number;
  /** Every run's sentences per second, for the spread. */
  perRun: number[];
  /** Process CPU time per sentence (user + system), median: less disturbed by other processes than wall time. */
  cpuUsPerSentence: number;
  /** The very first pass in this process over the unique sentences (JIT cold, word memos empty): µs per sentence. */
  firstPassUsPerSentence: number;
  /** A second fresh matcher's first pass (JIT warm, word memos empty), as a page's new sentences meet it: µs per sentence. */
  coldUsPerSentence: number;
  findingsPerPass: number;
}

export interface ScalingRow {
  facts: number;
  valid: boolean;
  buildMs: number;
  /** Ours, warm, median of runs over the repeated corpus. */
  usPerSentence: number;
  /** Ours on the baseline's sentence sample (same sentences as fuse), warm. */
  usPerSentenceOnSample: number;
  /** Relative to the shipped pack. */
  costVsShipped: number;
  fuseBuildMs: number;
  fuseUsPerSentence: number;
  fuseSampleSentences: number;
  /** fuse µs per sentence / ours, on the same sample. */
  speedupVsFuse: number;
}

export interface CoreResult {
  throughput: ThroughputResult;
  scaling: ScalingRow[];
  profiles?: { label: string; file: string; hotSpots: HotSpot[] }[];
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Checks `sentences` in passes until `minMs` have gone by (at least one pass); µs per sentence. */
function timeBoxed(matcher: Matcher, sentences: SentenceSpan[], minMs: number): number {
  let n = 0;
  const t = performance.now();
  do {
    matcher.checkSentences(sentences);
    n += sentences.length;
  } while (performance.now() - t < minMs);
  return ((performance.now() - t) * 1000) / n;
}

export interface CoreOptions {
  /** Sentences per throughput run. */
  sentences?: number;
  runs?: number;
  sizes?: number[];
  /** Least time per scaling run, ms. */
  minRunMs?: number;
  /** Least time for the fuse baseline at each size, ms. */
  fuseMinMs?: number;
  /** Write CPU profiles (.cpuprofile) of the core here, and summarise them in the result. */
  profileDir?: string;
  log?: (s: string) => void;
}

export async function runCoreBench(pack: FactPack, options: CoreOptions = {}): Promise<CoreResult> {
  const log = options.log ?? (() => {});
  const runs = options.runs ?? 5;
  const unique = onTopicSentences(pack);
  const corpus = repeatTo(unique, options.sentences ?? 20_000);

  // a. Throughput with the shipped pack.
  const first = createMatcher(pack);
  const firstMs = time(() => first.checkSentences(unique));
  first.checkSentences(corpus); // warm-up: JIT
  const cold = createMatcher(pack);
  const coldMs = time(() => cold.checkSentences(unique));
  const matcher = createMatcher(pack);
  const findingsPerPass = matcher.checkSentences(unique).length;
  matcher.checkSentences(corpus); // warm-up: the word memos
  const perRun: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    perRun.push(corpus.length / (time(() => matcher.checkSentences(corpus)) / 1000));
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / corpus.length);
  }
  const sps = median(perRun);
  const throughput: ThroughputResult = {
    sentences: corpus.length,
    uniqueSentences: unique.length,
    runs,
    sentencesPerSecond: Math.round(sps),
    usPerSentence: round(1e6 / sps, 2),
    perRun: perRun.map((x) => Math.round(x)),
    cpuUsPerSentence: round(median(cpu), 2),
    firstPassUsPerSentence: round((firstMs * 1000) / unique.length),
    coldUsPerSentence: round((coldMs * 1000) / unique.length),
    findingsPerPass,
  };
  log(`core: ${throughput.sentencesPerSecond} sentences/s (${throughput.usPerSentence} µs wall, ${throughput.cpuUsPerSentence} µs CPU), fresh matcher ${throughput.coldUsPerSentence} µs, first pass ${throughput.firstPassUsPerSentence} µs`);

  // b. Cost per sentence as the fact base grows, against plain fuse.js.
  const sizes = options.sizes ?? [pack.facts.length, 1_000, 10_000];
  const scaling: ScalingRow[] = [];
  // The baseline is slow (it runs a fuzzy search of every sentence against every fact): it gets an
  // evenly spread sample of the sentences, and ours is timed on the same sample for the ratio.
  const fuseSample = (facts: number) => {
    const want = facts <= 200 ? unique.length : facts <= 2_000 ? 40 : 12;
    const step = unique.length / want;
    return Array.from({ length: Math.min(want, unique.length) }, (_, i) => unique[Math.floor(i * step)]!);
  };
  const profiles: CoreResult['profiles'] = [];
  // Every size's matcher first, then the timed runs in rounds over all sizes: the machine is
  // shared, and a load that comes and goes then slows every size of a round alike. The cost
  // against the shipped pack is the median of each round's own ratio.
  const built = sizes.map((size) => {
    const p = syntheticPack(pack, size);
    let m!: Matcher;
    const buildMs = time(() => (m = createMatcher(p)));
    m.checkSentences(unique);
    return { size, p, m, buildMs, valid: validatePack(p).ok, perRun: [] as number[] };
  });
  for (let r = 0; r < runs; r++) for (const b of built) b.perRun.push(timeBoxed(b.m, unique, options.minRunMs ?? 500));
  for (const { size, p, m, buildMs, valid, perRun: perSize } of built) {
    const sample = fuseSample(size);
    const oursOnSample = median(Array.from({ length: runs }, () => timeBoxed(m, sample, 200)));
    let fuse!: Fuse<(typeof p.facts)[number]>;
    const fuseBuildMs = time(() => (fuse = new Fuse(p.facts, { keys: ['claim', 'quote.text'], includeScore: true, ignoreDiacritics: true, threshold: 0.4 })));
    fuse.search(sample[0]!.text); // warm-up
    let n = 0;
    const t = performance.now();
    do {
      for (const s of sample) fuse.search(s.text);
      n += sample.length;
    } while (performance.now() - t < (options.fuseMinMs ?? 1_000));
    const fuseUs = ((performance.now() - t) * 1000) / n;
    const row: ScalingRow = {
      facts: p.facts.length,
      valid,
      buildMs: round(buildMs),
      usPerSentence: round(median(perSize), 2),
      usPerSentenceOnSample: round(oursOnSample, 2),
      costVsShipped: 0,
      fuseBuildMs: round(fuseBuildMs),
      fuseUsPerSentence: Math.round(fuseUs),
      fuseSampleSentences: sample.length,
      speedupVsFuse: round(fuseUs / oursOnSample),
    };
    scaling.push(row);
    log(`core @ ${row.facts} facts: ${row.usPerSentence} µs/sentence, fuse ${row.fuseUsPerSentence} µs (×${row.speedupVsFuse})`);
    if (options.profileDir) {
      mkdirSync(options.profileDir, { recursive: true });
      const save = (name: string, label: string, prof: CpuProfile) => {
        const file = join(options.profileDir!, name);
        writeFileSync(file, JSON.stringify(prof));
        profiles.push({ label, file, hotSpots: hotSpots(prof, 15) });
      };
      save(`core-warm-${p.facts.length}.cpuprofile`, `core, warm, ${p.facts.length} facts`, await profile(() => void timeBoxed(m, unique, 1_500)));
      if (size === sizes[0]) {
        const fresh = createMatcher(p);
        save(`core-cold-${p.facts.length}.cpuprofile`, `core, cold (fresh matcher, first pass), ${p.facts.length} facts`, await profile(() => void fresh.checkSentences(unique)));
      }
    }
  }
  const base = built[0]!.perRun;
  scaling.forEach((row, k) => (row.costVsShipped = round(median(built[k]!.perRun.map((us, r) => us / base[r]!)), 2)));
  return { throughput, scaling, ...(options.profileDir ? { profiles } : {}) };
}
