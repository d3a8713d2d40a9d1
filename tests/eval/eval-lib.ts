/**
 * The labelled evaluation: every case in tests/eval/cases-*.yaml is checked by the engine and
 * compared with its label. Shared by `npm run eval` and the guard test.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createMatcher, type Matcher } from '../../src/core/matcher';
import type { Finding, Verdict } from '../../src/core/types';
import { loadDataDir } from '../../src/facts/load-data';
import { describeProblems, validatePack } from '../../src/facts/validate-pack';
import type { FactPack } from '../../src/facts/schema';

export type Label = Verdict | 'none';

export interface EvalCase {
  id: string;
  text: string;
  expect: Label;
  kind: string;
  note?: string;
  file: string;
}

export interface Miss {
  case: EvalCase;
  got: Label;
  finding?: Finding;
}

export interface Scores {
  cases: number;
  byLabel: Record<Label, number>;
  precision: Record<'agree' | 'discrepancy', number>;
  recall: Record<'agree' | 'discrepancy', number>;
  /** agree or discrepancy findings on cases labelled none with kind offtopic. */
  offTopicMarks: number;
  /** Discrepancies found when checking the source documents themselves. */
  sourceDiscrepancies: { source: string; sentence: string; facts: string[] }[];
  misses: Miss[];
}

export function loadBundledPack(root = process.cwd()): FactPack {
  const load = loadDataDir(join(root, 'data'));
  if (load.problems.length) throw new Error(describeProblems(load.problems));
  const res = validatePack(load.input, load.origins);
  if (!res.ok) throw new Error(describeProblems(res.problems));
  return res.pack;
}

export function loadCases(dir = join(process.cwd(), 'tests/eval'), pattern = /^cases.*\.ya?ml$/): EvalCase[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => pattern.test(f)).sort();
  return files.flatMap((file) => (parse(readFileSync(join(dir, file), 'utf8')) as Omit<EvalCase, 'file'>[]).map((c) => ({ ...c, file })));
}

const RANK: Record<Verdict, number> = { discrepancy: 0, agree: 1, related: 2 };

/** The held-out set: written blind, never used to tune the engine or the facts. */
export function loadHoldout(root = process.cwd()): EvalCase[] {
  return loadCases(join(root, 'tests/eval/holdout'), /^holdout.*\.ya?ml$/);
}

/** The label the engine gives a case: its strongest finding over the case's sentences. */
export function labelOf(matcher: Matcher, text: string): { label: Label; finding?: Finding } {
  const findings = matcher.checkText(text);
  const best = [...findings].sort((a, b) => RANK[a.verdict] - RANK[b.verdict])[0];
  return { label: best?.verdict ?? 'none', finding: best };
}

export function evaluate(pack: FactPack, cases: EvalCase[]): Scores {
  const matcher = createMatcher(pack);
  const byLabel: Record<Label, number> = { agree: 0, discrepancy: 0, related: 0, none: 0 };
  const tp = { agree: 0, discrepancy: 0 };
  const predicted = { agree: 0, discrepancy: 0 };
  const expected = { agree: 0, discrepancy: 0 };
  let offTopicMarks = 0;
  const misses: Miss[] = [];
  for (const c of cases) {
    byLabel[c.expect]++;
    const { label, finding } = labelOf(matcher, c.text);
    for (const v of ['agree', 'discrepancy'] as const) {
      if (label === v) predicted[v]++;
      if (c.expect === v) expected[v]++;
      if (label === v && c.expect === v) tp[v]++;
    }
    if (c.expect === 'none' && c.kind === 'offtopic' && (label === 'agree' || label === 'discrepancy')) offTopicMarks++;
    // related and none are both "no mark": a miss only when a painted verdict is involved.
    const painted = (l: Label) => l === 'agree' || l === 'discrepancy';
    if (label !== c.expect && (painted(label) || painted(c.expect))) misses.push({ case: c, got: label, finding });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const sourceDiscrepancies = pack.sources.flatMap((s) =>
    matcher
      .checkText(s.body, { textDate: s.published })
      .filter((f) => f.verdict === 'discrepancy')
      .map((f) => ({ source: s.id, sentence: f.sentence, facts: f.facts })),
  );
  return {
    cases: cases.length,
    byLabel,
    precision: { agree: ratio(tp.agree, predicted.agree), discrepancy: ratio(tp.discrepancy, predicted.discrepancy) },
    recall: { agree: ratio(tp.agree, expected.agree), discrepancy: ratio(tp.discrepancy, expected.discrepancy) },
    offTopicMarks,
    sourceDiscrepancies,
    misses,
  };
}
