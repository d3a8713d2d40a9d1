import { describe, expect, it } from 'vitest';
import { REPORT_FORMAT, renderReport, reportFileName, summarize, toHtml, toJson, toMarkdown, type Report } from '../../../src/reports';
import { escapeMarkdown } from '../../../src/reports/to-markdown';
import { escapeHtml } from '../../../src/reports/escape-html';
import { agreeFinding, discrepancyFinding, relatedFinding, DIFFER_SENTENCE } from './sample-findings';

const report: Report = {
  title: 'Draft check',
  checkedAt: '2026-03-20T10:05:30.000Z',
  packVersion: '1.2.0',
  origin: 'draft',
  findings: [agreeFinding(), discrepancyFinding(), relatedFinding()],
};

const HOSTILE = '<script>alert(1)</script> & "quotes" \'single\' `tick` <img src=x onerror=alert(2)>';

function hostileReport(): Report {
  const f = discrepancyFinding({
    sentence: HOSTILE,
    explanation: `Why ${HOSTILE}`,
    details: [{ kind: 'actor', role: HOSTILE, page: HOSTILE, source: HOSTILE, compatible: false, note: HOSTILE }],
    sources: [{ id: 'x', title: HOSTILE, publisher: HOSTILE, date: HOSTILE, url: 'javascript:alert(3)' }],
    fact: { ...agreeFinding().fact, claim: HOSTILE, quote: HOSTILE, assertedBy: HOSTILE, caveats: [HOSTILE] },
  });
  return { title: HOSTILE, checkedAt: HOSTILE, packVersion: HOSTILE, origin: HOSTILE, findings: [f] };
}

describe('summarize', () => {
  it('counts findings per verdict', () => {
    expect(summarize(report.findings)).toEqual({ total: 3, agree: 1, discrepancy: 1, related: 1 });
  });
});

describe('toMarkdown', () => {
  const md = toMarkdown(report);

  it('has the title, check date, origin and pack version', () => {
    expect(md).toMatch(/^# Draft check\n/);
    expect(md).toContain('2026-03-20 10:05 UTC');
    expect(md).toContain('**Text:** draft');
    expect(md).toContain('**Fact pack:** 1.2.0');
    expect(md).toContain('3 (1 agree, 1 differ, 1 related)');
  });

  it('lists each finding with sentence, verdict word and icon, explanation and details', () => {
    expect(md).toContain('## 2. ✖ Differs');
    expect(md).toContain('## 1. ✔ Agrees');
    expect(md).toContain('## 3. ○ Related');
    expect(md).toContain(`> ${DIFFER_SENTENCE.replace(/\./g, '.')}`);
    expect(md).toContain('The text says Poland referred the case in October 2024');
    expect(md).toContain('| actor (referring state) | Poland | Lithuania | no |');
    expect(md).toContain('| date (referral date) | October 2024 | 30 September 2024 | no |');
  });

  it('gives the fact, the quote with who said it and as of when, the caveats and the source', () => {
    expect(md).toContain('**Vetted fact** (lithuania-referral): Lithuania referred the situation in Belarus to the ICC on 30 September 2024.');
    expect(md).toContain('**Quote:** “Lithuania on Monday referred the hard-line president of Belarus” — the outlet’s own reporting, as of 30 September 2024');
    expect(md).toContain('- "On Monday" in the source is 30 September 2024.');
    expect(md).toContain('- [Lithuania refers Belarus to the ICC, alleging crimes against humanity over opposition crackdown](https://apnews.com/) — Associated Press, 30 September 2024 — https://apnews.com/');
  });

  it('escapes Markdown in values so they cannot add formatting, links or HTML', () => {
    const out = toMarkdown(hostileReport());
    expect(out).not.toContain('<script>');
    expect(out).toContain('\\<script\\>');
    expect(out).not.toContain('](javascript:');
    expect(escapeMarkdown('a *b* _c_ [d](e) | f')).toBe('a \\*b\\* \\_c\\_ \\[d\\](e) \\| f');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('line\nbreak')).toBe('line break');
  });

  it('says so when there are no findings', () => {
    expect(toMarkdown({ ...report, findings: [] })).toContain('No sentence of this text makes a claim');
  });
});

describe('toHtml', () => {
  const html = toHtml(report);

  it('is a complete, self-contained document: inline CSS, no scripts, no external resources', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/src=/i);
  });

  it('is printable', () => {
    expect(html).toContain('@media print');
    expect(html).toContain('break-inside: avoid');
  });

  it('lists sentence, verdict word + icon, explanation, details, quote, source and the check facts', () => {
    expect(html).toContain('<title>Draft check</title>');
    expect(html).toContain('2026-03-20 10:05 UTC');
    expect(html).toContain('<dd>1.2.0</dd>');
    expect(html).toContain('<dd>draft</dd>');
    expect(html).toContain(`<blockquote class="sentence">${DIFFER_SENTENCE}</blockquote>`);
    expect(html).toMatch(/<span aria-hidden="true">✖<\/span> Differs/);
    expect(html).toMatch(/<span aria-hidden="true">✔<\/span> Agrees/);
    expect(html).toContain('<td>Poland</td><td>Lithuania</td>');
    expect(html).toContain('— the outlet’s own reporting, as of 30 September 2024');
    expect(html).toContain('<a href="https://apnews.com/" rel="noopener noreferrer">');
    expect(html).toContain('Associated Press, 30 September 2024');
    expect(html).toContain('against fact pack 1.2.0');
  });

  it('escapes every value and never links a non-web address', () => {
    const out = toHtml(hostileReport());
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('href="javascript:');
    expect(out).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quotes&#34; &#39;single&#39; &#96;tick&#96;');
    // Only the writer's own tags remain: every < in the output starts a known element.
    const tags = new Set(Array.from(out.matchAll(/<\/?([a-z0-9!]+)/gi), (m) => m[1]!.toLowerCase()));
    for (const t of tags) expect(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'dl', 'dt', 'dd', 'time', 'p', 'main', 'section', 'span', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'div', 'ul', 'li', 'br', 'footer']).toContain(t);
  });

  it('parses as HTML with the findings in order', async () => {
    const { Window } = await import('happy-dom');
    const w = new Window();
    const doc = new w.DOMParser().parseFromString(html, 'text/html');
    const sections = Array.from(doc.querySelectorAll('section.finding'));
    expect(sections.map((s) => s.className)).toEqual(['finding v-agree', 'finding v-discrepancy', 'finding v-related']);
    await w.happyDOM.close();
  });

  it('escapeHtml escapes the five characters and backticks', () => {
    expect(escapeHtml('<a href="x">\'&`')).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#96;');
  });
});

describe('toJson', () => {
  it('round-trips the report with its format and summary', () => {
    const parsed = JSON.parse(toJson(report));
    expect(parsed.format).toBe(REPORT_FORMAT);
    expect(parsed.title).toBe('Draft check');
    expect(parsed.checkedAt).toBe(report.checkedAt);
    expect(parsed.packVersion).toBe('1.2.0');
    expect(parsed.origin).toBe('draft');
    expect(parsed.summary).toEqual({ total: 3, agree: 1, discrepancy: 1, related: 1 });
    expect(parsed.findings).toEqual(report.findings);
  });
});

describe('renderReport and reportFileName', () => {
  it('dispatches by format', () => {
    expect(renderReport(report, 'markdown')).toBe(toMarkdown(report));
    expect(renderReport(report, 'html')).toBe(toHtml(report));
    expect(renderReport(report, 'json')).toBe(toJson(report));
  });

  it('makes safe file names from drafts, files and page addresses', () => {
    expect(reportFileName(report, 'markdown')).toBe('sourcelight-draft-2026-03-20.md');
    expect(reportFileName({ ...report, origin: 'My Draft (v2).txt' }, 'html')).toBe('sourcelight-my-draft-v2-2026-03-20.html');
    expect(reportFileName({ ...report, origin: 'https://news.example.com/belarus/icc?x=1' }, 'json')).toBe('sourcelight-news-example-com-belarus-icc-2026-03-20.json');
    expect(reportFileName({ ...report, origin: 'Łukašenka/../../etc' }, 'json')).toMatch(/^sourcelight-[a-z0-9-]+-2026-03-20\.json$/);
  });
});
