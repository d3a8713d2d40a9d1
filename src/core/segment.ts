import type { SentenceSpan } from './types';

/** Splits text into sentences with UTF-16 offsets (end exclusive), trimmed of surrounding space. */
export function segmentSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  for (const s of seg.segment(text)) {
    const lead = s.segment.length - s.segment.trimStart().length;
    const body = s.segment.trim();
    if (body) out.push({ text: body, start: s.index + lead, end: s.index + lead + body.length });
  }
  return out;
}
