import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTextFromHtml } from '../../../src/page/extract-html-node';

describe('extractTextFromHtml (Node, for the CLI)', () => {
  it('reads a news page by the content script’s rules: article prose, no chrome', () => {
    const html = readFileSync('tests/fixtures/pages/belarus-icc-news.html', 'utf8');
    const { text } = extractTextFromHtml(html);
    expect(text).toContain("Lithuania takes Belarus's leadership to the International Criminal Court\n\n");
    expect(text).toContain('On 30 September 2024, Lithuania referred the situation in Belarus to the International Criminal Court.');
    expect(text).toContain('\n\nPoland referred Lukashenko to the ICC in October 2024.');
    for (const chrome of ['The Baltic Courier', 'Most read', 'Sign up', 'Get the Baltic briefing', 'Privacy', 'Europe']) expect(text).not.toContain(chrome);
    expect(text).not.toContain('font:');
  });

  it('runs no script and fetches nothing', () => {
    const g = globalThis as { sourcelightPwned?: boolean };
    const { text } = extractTextFromHtml('<p>Text.</p><script>globalThis.sourcelightPwned = true</script><img src="http://127.0.0.1:1/x.png"><iframe src="http://127.0.0.1:1/"></iframe>');
    expect(text).toBe('Text.');
    expect(g.sourcelightPwned).toBeUndefined();
  });

  it('reads inline-hidden content as hidden, without layout', () => {
    expect(extractTextFromHtml('<p>Shown.</p><p style="display:none">Hidden.</p><div hidden>Also.</div>').text).toBe('Shown.');
  });

  it('copes with fragments and broken markup', () => {
    expect(extractTextFromHtml('Loose text <p>and a <b>paragraph').text).toBe('Loose text\n\nand a paragraph');
    expect(extractTextFromHtml('').text).toBe('');
  });
});
