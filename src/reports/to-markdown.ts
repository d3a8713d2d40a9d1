/**
 * A report as Markdown, for pasting into an editor's ticket, a wiki or a chat. Every value from
 * the text or the pack is escaped: a sentence with `*` or `|` must not turn into formatting or
 * break a table.
 */
import type { Finding } from '../core/types';
import { formatIsoDate, formatTimestamp } from './format-date';
import { safeHttpUrl } from './safe-url';
import { summarize, type Report } from './types';
import { verdictStyle } from './verdict-style';

/**
 * Backslash-escapes what Markdown could read as syntax; newlines become spaces. Inline markers
 * are escaped everywhere; block markers (`#`, `-`, `+`, `1.`) only at the start, where they
 * act, so that dates and versions stay readable as plain text ("2024-09-30", "1.0.0").
 */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/\r?\n|\r/g, ' ')
    .replace(/([\\`*_[\]<>|~&!])/g, '\\$1')
    .replace(/^(\s*)([#+-](?=\s|$)|#+|\d+(?=[.)](?:\s|$)))/, (_m, sp: string, mark: string) => (/^\d/.test(mark) ? `${sp}${mark}\\` : `${sp}\\${mark}`));
}

/** A link destination that cannot end early: parentheses, spaces and angle brackets encoded. */
function linkTarget(url: string): string {
  return url.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function findingToMarkdown(f: Finding, n: number): string {
  const label = verdictStyle(f.verdict);
  const out: string[] = [];
  out.push(`## ${n}. ${label.icon} ${label.word}`, '');
  out.push(`> ${escapeMarkdown(f.sentence)}`, '');
  out.push(`*Characters ${f.start}–${f.end} of the checked text.*`, '');
  if (f.explanation) out.push(escapeMarkdown(f.explanation), '');

  if (f.details?.length) {
    out.push('| Detail | This text | The sources | Compatible |', '|---|---|---|---|');
    for (const d of f.details) {
      const what = d.role ? `${d.kind} (${d.role})` : d.kind;
      const note = d.note ? ` — ${d.note}` : '';
      out.push(`| ${escapeMarkdown(what)} | ${escapeMarkdown(d.page)} | ${escapeMarkdown(d.source)} | ${d.compatible ? 'yes' : 'no'}${escapeMarkdown(note)} |`);
    }
    out.push('');
  }

  if (f.fact) {
    out.push(`**Vetted fact** (${escapeMarkdown(f.fact.id)}): ${escapeMarkdown(f.fact.claim)}`, '');
    if (f.fact.quote) {
      const asOf = f.fact.asOf ? `, as of ${escapeMarkdown(formatIsoDate(f.fact.asOf))}` : '';
      out.push(`**Quote:** “${escapeMarkdown(f.fact.quote)}” — ${escapeMarkdown(f.fact.assertedBy || 'unknown')}${asOf}`, '');
    }
    if (f.fact.caveats?.length) {
      out.push('**Caveats:**');
      for (const c of f.fact.caveats) out.push(`- ${escapeMarkdown(c)}`);
      out.push('');
    }
  }

  if (f.sources?.length) {
    out.push('**Sources:**');
    for (const s of f.sources) {
      const url = safeHttpUrl(s.url);
      const title = escapeMarkdown(s.title || s.id);
      const head = url ? `[${title}](${linkTarget(url)})` : title;
      const addr = url ? ` — ${escapeMarkdown(url)}` : s.url ? ` — ${escapeMarkdown(s.url)}` : '';
      out.push(`- ${head} — ${escapeMarkdown(s.publisher)}, ${escapeMarkdown(formatIsoDate(s.date))}${addr}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function toMarkdown(report: Report): string {
  const s = summarize(report.findings);
  const out: string[] = [
    `# ${escapeMarkdown(report.title)}`,
    '',
    `- **Checked:** ${escapeMarkdown(formatTimestamp(report.checkedAt))}`,
    `- **Text:** ${escapeMarkdown(report.origin)}`,
    `- **Fact pack:** ${escapeMarkdown(report.packVersion)}`,
    `- **Findings:** ${s.total} (${s.agree} agree, ${s.discrepancy} differ, ${s.related} related)`,
    '',
  ];
  if (!report.findings.length) out.push('No sentence of this text makes a claim that the vetted facts cover.', '');
  report.findings.forEach((f, i) => out.push(findingToMarkdown(f, i + 1)));
  out.push('---', '', `*Checked with SourceLight on ${escapeMarkdown(formatTimestamp(report.checkedAt))} against fact pack ${escapeMarkdown(report.packVersion)}. A verdict compares the text with the vetted sources listed; it says nothing about claims the sources do not cover.*`, '');
  return out.join('\n');
}
