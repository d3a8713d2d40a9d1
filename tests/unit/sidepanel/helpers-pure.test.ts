// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractHtmlText, tidyText } from '../../../src/sidepanel/extract-html-text';
import { groupBySentence } from '../../../src/sidepanel/group-by-sentence';
import { parsePendingSelection } from '../../../src/sidepanel/pending-selection';
import { draftFileKind } from '../../../src/sidepanel/read-draft-file';
import { agreeFinding, discrepancyFinding, relatedFinding } from '../reports/sample-findings';

describe('extractHtmlText', () => {
  it('keeps the body text, drops script, style, noscript and template, and separates blocks', () => {
    const html = `<html><head><title>No</title><style>b{}</style></head><body>
      <nav>Menu</nav>
      <h1>  Title </h1>
      <p>First <b>bold</b> sentence.</p><p>Second&nbsp;one.</p>
      <script>document.write("evil")</script><noscript>Enable JS</noscript><template><p>hidden</p></template>
      <ul><li>One</li><li>Two</li></ul>
    </body></html>`;
    expect(extractHtmlText(html)).toBe('Menu\nTitle\nFirst bold sentence.\nSecond one.\nOne\nTwo');
  });

  it('never runs the file’s scripts or event handlers', () => {
    (globalThis as { __ran?: boolean }).__ran = false;
    extractHtmlText('<body><img src=x onerror="globalThis.__ran = true"><script>globalThis.__ran = true</script>Text</body>');
    expect((globalThis as { __ran?: boolean }).__ran).toBe(false);
  });

  it('tidyText collapses indentation and blank lines', () => {
    expect(tidyText('  a \t b \n\n\n\n  c  ')).toBe('a b\nc');
  });
});

describe('groupBySentence', () => {
  it('puts findings of the same sentence together, in text order, what differs first', () => {
    const a = agreeFinding();
    const d = discrepancyFinding();
    const r = relatedFinding({ start: d.start, end: d.end, sentence: d.sentence });
    const groups = groupBySentence([r, d, a]);
    expect(groups.map((g) => g.start)).toEqual([a.start, d.start]);
    expect(groups[1]!.findings.map((f) => f.verdict)).toEqual(['discrepancy', 'related']);
  });
});

describe('parsePendingSelection', () => {
  it('accepts the stored object and a bare string, and rejects empty or odd values', () => {
    expect(parsePendingSelection({ text: 'x', url: 'https://a.example/', title: 'A', at: 't' })).toEqual({ text: 'x', url: 'https://a.example/', title: 'A', at: 't' });
    expect(parsePendingSelection('just text')).toEqual({ text: 'just text', at: '' });
    expect(parsePendingSelection({ text: '   ' })).toBeNull();
    expect(parsePendingSelection({ text: 3 })).toBeNull();
    expect(parsePendingSelection(undefined)).toBeNull();
  });
});

describe('draftFileKind', () => {
  it('knows text, Markdown and HTML files by name or type', () => {
    expect(draftFileKind('a.txt')).toBe('text');
    expect(draftFileKind('A.MD')).toBe('text');
    expect(draftFileKind('page.htm')).toBe('html');
    expect(draftFileKind('noext', 'text/html')).toBe('html');
    expect(draftFileKind('scan.pdf', 'application/pdf')).toBeNull();
  });
});
