/**
 * The default, human-readable output of `check`: per file a summary line, then each finding with
 * where it is (line and column for text and Markdown, character offsets always), its verdict in
 * words, why, the compared details and the sources. Plain text with no colours, so it reads the
 * same in a terminal, a CI log and an e-mail.
 */
import type { Finding } from '../core/types';
import { formatIsoDate } from '../reports/format-date';
import { verdictStyle } from '../reports/verdict-style';
import type { CheckInput } from './read-input';

/** 1-based line and column of a UTF-16 offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summaryLine(findings: readonly Finding[]): string {
  const c = { agree: 0, discrepancy: 0, related: 0 };
  for (const f of findings) if (f.verdict in c) c[f.verdict] += 1;
  return `${plural(findings.length, 'finding')}: ${c.discrepancy} differ, ${c.agree} agree, ${c.related} related`;
}

function findingToText(f: Finding, input: CheckInput): string[] {
  const st = verdictStyle(f.verdict);
  const where =
    input.kind === 'html'
      ? `characters ${f.start}–${f.end} of the page text`
      : (() => {
          const { line, column } = lineAndColumn(input.text, f.start);
          return `line ${line}, column ${column} (characters ${f.start}–${f.end})`;
        })();
  const out = [`  ${st.icon} ${st.word.toUpperCase()}  ${where}`, `    “${oneLine(f.sentence)}”`];
  if (f.explanation) out.push(`    Why: ${oneLine(f.explanation)}`);
  for (const d of f.details ?? []) {
    const role = d.role ? ` (${d.role})` : '';
    out.push(`    - ${d.kind}${role}: this text “${oneLine(d.page)}”, the sources “${oneLine(d.source)}” — ${d.compatible ? 'compatible' : 'conflicts'}${d.note ? `; ${oneLine(d.note)}` : ''}`);
  }
  if (f.fact) {
    out.push(`    Fact: ${oneLine(f.fact.claim)}`);
    if (f.fact.quote) out.push(`    Quote: “${oneLine(f.fact.quote)}” — ${f.fact.assertedBy || 'unknown'}${f.fact.asOf ? `, as of ${formatIsoDate(f.fact.asOf)}` : ''}`);
    for (const c of f.fact.caveats ?? []) out.push(`    Caveat: ${oneLine(c)}`);
  }
  for (const s of f.sources ?? []) out.push(`    Source: ${oneLine(s.title)} — ${s.publisher}, ${formatIsoDate(s.date)} <${s.url}>`);
  return out;
}

export function formatTextReport(input: CheckInput, findings: readonly Finding[], packVersion: string): string {
  const name = input.name === '-' ? '<stdin>' : input.name;
  const lines = [`${name}: ${summaryLine(findings)} (fact pack ${packVersion})`];
  if (!findings.length) lines.push('  No sentence makes a claim that the vetted facts cover.');
  const ordered = [...findings].sort((a, b) => a.start - b.start);
  for (const f of ordered) lines.push('', ...findingToText(f, input));
  return `${lines.join('\n')}\n`;
}
