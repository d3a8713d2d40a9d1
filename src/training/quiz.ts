/**
 * The training quiz, as pure functions: the items are the text's sentences, the truth of each
 * is what the engine found (a discrepancy → "differs", an agreement → "holds", a related
 * finding or nothing → "can't tell"), and the score compares the trainee's marks with it.
 */
import { segmentSentences } from '../core/segment';
import type { Finding } from '../core/types';

export type Answer = 'holds' | 'differs' | 'cant-tell';

export const ANSWERS: readonly { value: Answer; label: string; icon: string }[] = [
  { value: 'holds', label: 'Holds', icon: '\u2714' },
  { value: 'differs', label: 'Differs', icon: '\u2716' },
  { value: 'cant-tell', label: "Can't tell", icon: '?' },
];

export function answerLabel(a: Answer | undefined): string {
  return ANSWERS.find((x) => x.value === a)?.label ?? 'No answer';
}

export interface QuizItem {
  /** Position in the quiz, from 0. */
  index: number;
  sentence: string;
  /** UTF-16 offsets into the checked text, end exclusive. */
  start: number;
  end: number;
  /** The engine's findings for this sentence, what differs first. */
  findings: Finding[];
  truth: Answer;
}

/** A discrepancy outweighs an agreement: one conflicting detail is enough for "differs". */
export function truthOf(findings: readonly Finding[]): Answer {
  if (findings.some((f) => f.verdict === 'discrepancy')) return 'differs';
  if (findings.some((f) => f.verdict === 'agree')) return 'holds';
  return 'cant-tell';
}

const RANK: Record<string, number> = { discrepancy: 0, agree: 1, related: 2 };

/**
 * One item per sentence. The engine's own sentence spans win (it may join what the plain
 * segmenter splits, e.g. after an abbreviation); the segmenter's sentences fill the rest.
 */
export function buildQuiz(text: string, findings: readonly Finding[]): QuizItem[] {
  const spans = new Map<string, { start: number; end: number; sentence: string; findings: Finding[] }>();
  for (const f of findings) {
    const key = `${f.start}:${f.end}`;
    const span = spans.get(key) ?? { start: f.start, end: f.end, sentence: f.sentence, findings: [] };
    span.findings.push(f);
    spans.set(key, span);
  }
  const taken = [...spans.values()];
  for (const s of segmentSentences(text)) {
    if (taken.some((t) => s.start < t.end && s.end > t.start)) continue;
    spans.set(`${s.start}:${s.end}`, { start: s.start, end: s.end, sentence: s.text, findings: [] });
  }
  return [...spans.values()]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((s, index) => {
      const sorted = [...s.findings].sort((a, b) => (RANK[a.verdict] ?? 3) - (RANK[b.verdict] ?? 3));
      return { index, sentence: s.sentence, start: s.start, end: s.end, findings: sorted, truth: truthOf(sorted) };
    });
}

export type Answers = Partial<Record<number, Answer>>;

export interface QuizScore {
  correct: number;
  total: number;
  answered: number;
  /** Per truth: how many items, and how many the trainee got right. */
  byTruth: Record<Answer, { total: number; correct: number }>;
}

export function scoreQuiz(items: readonly QuizItem[], answers: Answers): QuizScore {
  const byTruth: QuizScore['byTruth'] = { holds: { total: 0, correct: 0 }, differs: { total: 0, correct: 0 }, 'cant-tell': { total: 0, correct: 0 } };
  let correct = 0;
  let answered = 0;
  for (const item of items) {
    const a = answers[item.index];
    if (a) answered += 1;
    byTruth[item.truth].total += 1;
    if (a === item.truth) {
      correct += 1;
      byTruth[item.truth].correct += 1;
    }
  }
  return { correct, total: items.length, answered, byTruth };
}
