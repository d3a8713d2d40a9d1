/**
 * Cheap guards for the benchmark (`npm run bench`), without timings: the synthetic packs it
 * grows the fact base with are valid packs, their extra facts do not take the verdicts of real
 * sentences, and the built content script stays within its size budget.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/core/matcher';
import { buildEntityIndex } from '../../../src/core/entities';
import { fold, tokenize } from '../../../src/core/normalize';
import type { SentenceSpan } from '../../../src/core/types';
import type { FactPack } from '../../../src/facts/schema';
import { describeProblems, validatePack } from '../../../src/facts/validate-pack';
import { BUDGETS, evaluateBudgets } from '../../bench/budgets';
import { onTopicSentences } from '../../bench/corpus';
import { swapPool, syntheticPack } from '../../bench/synthetic-pack';
import { loadBundledPack, loadCases } from '../../eval/eval-lib';

let pack: FactPack;
let big: FactPack;

beforeAll(() => {
  pack = loadBundledPack();
  big = syntheticPack(pack, 10_000);
});

describe('synthetic fact packs', () => {
  it('grow the shipped pack to exactly 1,000 and 10,000 facts that pass validatePack, with new ids', () => {
    for (const [size, p] of [[1_000, syntheticPack(pack, 1_000)], [10_000, big]] as const) {
      expect(p.facts).toHaveLength(size);
      const res = validatePack(p);
      if (!res.ok) throw new Error(describeProblems(res.problems.slice(0, 5)));
      expect(new Set(p.facts.map((f) => f.id)).size).toBe(size);
    }
  });

  it('are deterministic', () => {
    expect(JSON.stringify(syntheticPack(pack, 500).facts)).toBe(JSON.stringify(syntheticPack(pack, 500).facts));
  });

  it('vary entities, numbers and dates rather than copying the real facts', () => {
    const synthetic = big.facts.slice(pack.facts.length);
    const realFrames = new Set(pack.facts.map((f) => JSON.stringify(f.frame)));
    expect(synthetic.every((f) => !realFrames.has(JSON.stringify(f.frame)))).toBe(true);
    expect(new Set(synthetic.map((f) => f.claim)).size).toBeGreaterThan(synthetic.length / 4);
  });

  it('do not steal real verdicts: 200 real sentences get the same verdicts with 10,000 facts as with the shipped pack', () => {
    // The on-topic sentences the bench times, and labelled eval sentences. An eval sentence that
    // names a gazetteer entity (China, France...) may rightly match a synthetic fact about that
    // entity, so those are left out: the synthetic facts are facts about them.
    const pool = [...swapPool(pack).values()].flat();
    const poolIndex = buildEntityIndex(pool);
    const namesPool = (text: string) => poolIndex.find(tokenize(fold(text))).length > 0;
    const evalSentences: SentenceSpan[] = loadCases()
      .filter((c) => (c.expect === 'agree' || c.expect === 'discrepancy') && !namesPool(c.text))
      .map((c) => ({ text: c.text, start: 0, end: c.text.length }));
    const real = onTopicSentences(pack);
    const sentences = [...real, ...evalSentences].slice(0, 200);
    expect(sentences).toHaveLength(200);
    const verdicts = (p: FactPack) => createMatcher(p).checkSentences(sentences).map((f) => `${f.sentence}\u0000${f.start}\u0000${f.verdict}`);
    const shipped = verdicts(pack);
    expect(shipped.length).toBeGreaterThan(100);
    expect(verdicts(big)).toEqual(shipped);
  });
});

describe('the built content script', () => {
  const dir = '.output/chrome-mv3';
  /**
   * The content scripts' files and sizes, or null when there is no (complete) build. They are
   * registered at run time (src/background/features/content-script-sync.ts), so the manifest
   * does not list them: every script WXT wrote to content-scripts/ counts, plus any the manifest declares.
   */
  const read = (): { file: string; bytes: number }[] | null => {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
      const built = readdirSync(join(dir, 'content-scripts')).filter((f) => f.endsWith('.js')).map((f) => `content-scripts/${f}`);
      const files = new Set([...built, ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? [])]);
      return [...files].map((f) => ({ file: f, bytes: statSync(join(dir, f)).size }));
    } catch {
      // No build, or another build is rewriting .output right now.
      return null;
    }
  };
  it.skipIf(!existsSync(join(dir, 'manifest.json')))(`is at most ${BUDGETS.contentScriptBytes / 1024} KB minified (when .output/chrome-mv3 exists)`, (ctx) => {
    const files = read();
    if (!files) return ctx.skip();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f.bytes, f.file).toBeLessThanOrEqual(BUDGETS.contentScriptBytes);
  });
});

describe('the off-topic budget', () => {
  const offTopic = (roundRatios?: number[]) => ({ roundRatios, slCpuMs: 30, floorCpuMs: 20, slAddedScriptDurationMs: 2, floorAddedScriptDurationMs: 20, slLongestExtTaskMs: 20 });
  const line = (roundRatios?: number[]) => evaluateBudgets({ offTopic: offTopic(roundRatios) }).find((l) => l.area.endsWith('extension script time'))!;

  it('takes the median of the rounds’ ratios, not the ratio of the medians', () => {
    // The medians (30 vs 20 ms) say 1.5 ×; the rounds, each a floor load next to a SourceLight load, say 1.1 ×.
    expect(line([1.1, 1.6, 1.0]).pass).toBe(true);
    expect(line([1.1, 1.6, 1.0]).measured).toMatch(/^1\.10 ×, the median of 3 rounds/);
    expect(line([1.3, 1.25, 1.0]).pass).toBe(false);
  });

  it('falls back to the ratio of the medians without rounds', () => {
    expect(line().pass).toBe(false);
    expect(line().measured).toContain('(1.50 ×)');
    expect(line([]).pass).toBe(false);
  });
});
