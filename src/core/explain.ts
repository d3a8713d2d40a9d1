/**
 * Findings explain themselves in words a reader understands: what the page says, what the
 * source says, and who says it.
 */
import type { Fact, Source } from '../facts/schema';
import type { DetailComparison, Verdict } from './types';

function sourceLabel(source: Source | undefined): string {
  return source ? `${source.publisher}, ${source.published}` : 'the source';
}

function attribution(assertedBy: string, fact: Fact): string {
  // The outlet's own reporting needs no "according to"; an estimate or an allegation does.
  return fact.assertedBy === 'outlet' ? '' : ` (according to ${assertedBy})`;
}

export function explain(verdict: Verdict, fact: Fact, details: DetailComparison[], assertedBy: string, source: Source | undefined): string {
  const by = attribution(assertedBy, fact);
  const where = sourceLabel(source);
  if (verdict === 'discrepancy') {
    const off = details.filter((d) => !d.compatible);
    const parts = off.map((d) =>
      d.kind === 'polarity'
        ? `The page says ${d.page.replace(/^it /, 'it ')}; the source says ${d.source}: ${fact.claim}`
        : `The page says ${d.page}; the source gives ${d.source} for the ${d.role}${by}.`,
    );
    return `${parts.join(' ')} Source: ${where}.`;
  }
  if (verdict === 'agree') {
    const ok = details.filter((d) => d.compatible && d.kind !== 'polarity');
    const compared = ok.length ? ` Compared: ${ok.map((d) => `${d.role} (page: ${d.page}; source: ${d.source}${d.note ? `; ${d.note}` : ''})`).join(', ')}.` : '';
    return `Agrees with the source: ${fact.claim}${by ? by.replace(/^ /, ' ') : ''}${compared} Source: ${where}.`;
  }
  return `About the same subject as a vetted fact, but states nothing to compare: ${fact.claim} Source: ${where}.`;
}
