/**
 * A report as one self-contained HTML file: inline CSS, no scripts, no fonts, no images, no
 * external requests (a CSP meta tag forbids them), so it opens offline, can be mailed as an
 * attachment and prints cleanly. This is a generated file, not DOM rendering: every value is
 * escaped with `escapeHtml`, and only http(s) addresses become links.
 */
import type { Finding } from '../core/types';
import { escapeHtml as e } from './escape-html';
import { formatIsoDate, formatTimestamp } from './format-date';
import { safeHttpUrl } from './safe-url';
import { summarize, type Report } from './types';
import { verdictStyle } from './verdict-style';

/** Colours come from the UI's definition; the word and icon carry the verdict without them. */
const VERDICT_CSS = (['agree', 'discrepancy', 'related'] as const)
  .map((v) => {
    const st = verdictStyle(v);
    return `.v-${v} { border-left-color: ${st.fg}; } .v-${v} .verdict { color: ${st.fg}; background: ${st.bg}; border: 1px solid ${st.fg}; }`;
  })
  .join('\n');

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 52rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 1rem; color: #333; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.summary { margin: 0 0 1.5rem; }
.finding { border: 1px solid #ccc; border-left-width: .5rem; border-radius: .25rem; padding: .75rem 1rem; margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
.finding h2 { font-size: 1rem; margin: 0 0 .5rem; display: flex; gap: .5rem; align-items: baseline; }
.verdict { display: inline-block; font-weight: 700; border-radius: .2rem; padding: 0 .4rem; }
${VERDICT_CSS}
.offsets { color: #555; font-weight: 400; font-size: .85rem; }
blockquote { margin: 0 0 .5rem; padding: .25rem .75rem; border-left: 3px solid #999; background: #f6f6f6; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .9rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
.no { color: #b3261e; font-weight: 600; } .yes { color: #1b6e3a; font-weight: 600; }
.fact, .quote, .caveats, .sources { margin: .5rem 0; }
.sources ul, .caveats ul { margin: .25rem 0; padding-left: 1.25rem; }
.url { color: #555; font-size: .85rem; overflow-wrap: anywhere; }
footer { color: #555; font-size: .85rem; border-top: 1px solid #ccc; margin-top: 1.5rem; padding-top: .5rem; }
a { color: #0b57d0; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .verdict { color: #000 !important; background: none !important; border: 1px solid #000; }
  .finding { border-color: #000; }
  a { color: #000; text-decoration: none; }
}
`;

function findingToHtml(f: Finding, n: number): string {
  const label = verdictStyle(f.verdict);
  const cls = `v-${label.verdict}`;
  const parts: string[] = [];
  parts.push(`<section class="finding ${e(cls)}" aria-label="${e(`Finding ${n}: ${label.word}`)}">`);
  parts.push(`<h2><span>${n}.</span><span class="verdict"><span aria-hidden="true">${e(label.icon)}</span> ${e(label.word)}</span><span class="offsets">characters ${e(f.start)}–${e(f.end)}</span></h2>`);
  parts.push(`<blockquote class="sentence">${e(f.sentence)}</blockquote>`);
  if (f.explanation) parts.push(`<p class="explanation">${e(f.explanation)}</p>`);
  if (f.details?.length) {
    parts.push('<table class="details"><thead><tr><th scope="col">Detail</th><th scope="col">This text</th><th scope="col">The sources</th><th scope="col">Compatible</th></tr></thead><tbody>');
    for (const d of f.details) {
      const what = d.role ? `${d.kind} (${d.role})` : d.kind;
      const note = d.note ? ` <span class="note">— ${e(d.note)}</span>` : '';
      parts.push(`<tr><td>${e(what)}</td><td>${e(d.page)}</td><td>${e(d.source)}</td><td><span class="${d.compatible ? 'yes' : 'no'}">${d.compatible ? 'yes' : 'no'}</span>${note}</td></tr>`);
    }
    parts.push('</tbody></table>');
  }
  if (f.fact) {
    parts.push(`<p class="fact"><strong>Vetted fact</strong> <span class="url">(${e(f.fact.id)})</span>: ${e(f.fact.claim)}</p>`);
    if (f.fact.quote) {
      const asOf = f.fact.asOf ? `, as of ${e(formatIsoDate(f.fact.asOf))}` : '';
      parts.push(`<p class="quote"><strong>Quote:</strong> “${e(f.fact.quote)}” — ${e(f.fact.assertedBy || 'unknown')}${asOf}</p>`);
    }
    if (f.fact.caveats?.length) parts.push(`<div class="caveats"><strong>Caveats:</strong><ul>${f.fact.caveats.map((c) => `<li>${e(c)}</li>`).join('')}</ul></div>`);
  }
  if (f.sources?.length) {
    parts.push('<div class="sources"><strong>Sources:</strong><ul>');
    for (const s of f.sources) {
      const url = safeHttpUrl(s.url);
      const title = url ? `<a href="${e(url)}" rel="noopener noreferrer">${e(s.title || s.id)}</a>` : e(s.title || s.id);
      // The address is printed as text too: a printed report has no clickable links.
      const addr = s.url ? `<br><span class="url">${e(url ?? s.url)}</span>` : '';
      parts.push(`<li>${title} — ${e(s.publisher)}, ${e(formatIsoDate(s.date))}${addr}</li>`);
    }
    parts.push('</ul></div>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

export function toHtml(report: Report): string {
  const s = summarize(report.findings);
  const checked = formatTimestamp(report.checkedAt);
  const body = report.findings.length
    ? report.findings.map((f, i) => findingToHtml(f, i + 1)).join('\n')
    : '<p>No sentence of this text makes a claim that the vetted facts cover.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="SourceLight">
<title>${e(report.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${e(report.title)}</h1>
<dl class="meta">
<dt>Checked</dt><dd><time datetime="${e(report.checkedAt)}">${e(checked)}</time></dd>
<dt>Text</dt><dd>${e(report.origin)}</dd>
<dt>Fact pack</dt><dd>${e(report.packVersion)}</dd>
</dl>
<p class="summary">${s.total} finding${s.total === 1 ? '' : 's'}: ${s.agree} agree, ${s.discrepancy} differ, ${s.related} related.</p>
</header>
<main>
${body}
</main>
<footer>Checked with SourceLight on ${e(checked)} against fact pack ${e(report.packVersion)}. A verdict compares the text with the vetted sources listed; it says nothing about claims the sources do not cover.</footer>
</body>
</html>
`;
}
