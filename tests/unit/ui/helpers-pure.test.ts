import { describe, expect, it } from 'vitest';
import { autoCheckChange, parseHostname, webHostname } from '../../../src/ui/hostnames';
import { findQuote, paragraphs, segmentParagraph } from '../../../src/ui/find-quote';
import { groupFindings } from '../../../src/ui/verdict';
import { formatIsoDate, truncate } from '../../../src/ui/text';
import { parseViewerParams, sourceViewerPath } from '../../../src/ui/links';
import { autoCheckAllowed, DEFAULT_SETTINGS, type Settings } from '../../../src/settings';
import { finding } from './helpers';

describe('hostnames', () => {
  it('parses what people type', () => {
    expect(parseHostname(' https://www.BBC.co.uk/news?x=1 ')).toEqual({ ok: true, host: 'www.bbc.co.uk' });
    expect(parseHostname('*.example.org')).toEqual({ ok: true, host: 'example.org' });
    expect(parseHostname('example.com:8080')).toEqual({ ok: true, host: 'example.com' });
    expect(parseHostname('localhost')).toEqual({ ok: true, host: 'localhost' });
    expect(parseHostname('пример.бел')).toEqual({ ok: true, host: 'xn--e1afmkfd.xn--90ais' });
  });
  it('rejects what is not a site', () => {
    for (const bad of ['', '   ', 'not a host', 'bbc', 'ftp://example.com', 'exa_mple.com', '-bad.com', 'a..b']) {
      expect(parseHostname(bad).ok, bad).toBe(false);
    }
  });
  it('webHostname only for http(s)', () => {
    expect(webHostname('https://news.example.com/a')).toBe('news.example.com');
    expect(webHostname('chrome://extensions')).toBeNull();
    expect(webHostname(undefined)).toBeNull();
  });
  it('autoCheckChange flips autoCheckAllowed in both modes', () => {
    const cases: Settings[] = [
      { ...DEFAULT_SETTINGS },
      { ...DEFAULT_SETTINGS, blockSites: ['example.com'] },
      { ...DEFAULT_SETTINGS, mode: 'manual' },
      { ...DEFAULT_SETTINGS, mode: 'manual', allowSites: ['example.com'] },
      { ...DEFAULT_SETTINGS, mode: 'manual', allowSites: ['example.com'], blockSites: ['news.example.com'] },
    ];
    for (const s of cases) {
      for (const on of [true, false]) {
        const change = autoCheckChange(s, 'news.example.com', on);
        const after = { ...s, ...(change ?? {}) };
        expect(autoCheckAllowed(after, 'https://news.example.com/x'), JSON.stringify([s, on])).toBe(on);
      }
    }
    expect(autoCheckChange(DEFAULT_SETTINGS, 'a.com', false)).toEqual({ allowSites: [], blockSites: ['a.com'] });
    expect(autoCheckChange({ ...DEFAULT_SETTINGS, mode: 'manual' }, 'a.com', true)).toEqual({ allowSites: ['a.com'], blockSites: [] });
    expect(autoCheckChange(DEFAULT_SETTINGS, 'a.com', true)).toBeNull();
  });
});

describe('findQuote', () => {
  const body = 'First paragraph.\n\nThe court said: \u201CThe referral was received on 30 September 2024.\u201D Then more.\n\nLast.';
  it('finds an exact quote', () => {
    const r = findQuote(body, 'The referral was received');
    expect(r && body.slice(r.start, r.end)).toBe('The referral was received');
  });
  it('tolerates whitespace, case and quote marks', () => {
    const r = findQuote(body, '"the referral  was\nreceived on 30 September 2024."');
    expect(r && body.slice(r.start, r.end)).toBe('\u201CThe referral was received on 30 September 2024.\u201D');
  });
  it('returns null when absent', () => {
    expect(findQuote(body, 'Poland referred')).toBeNull();
    expect(findQuote(body, '  ')).toBeNull();
  });
  it('splits paragraphs with offsets and marks across them', () => {
    const ps = paragraphs(body);
    expect(ps.map((p) => p.text)).toEqual(['First paragraph.', body.split('\n\n')[1], 'Last.']);
    for (const p of ps) expect(body.slice(p.start, p.start + p.text.length)).toBe(p.text);
    const r = findQuote(body, 'paragraph.\n\nThe court')!;
    expect(segmentParagraph(ps[0]!, r)).toEqual([
      { text: 'First ', marked: false },
      { text: 'paragraph.', marked: true },
    ]);
    expect(segmentParagraph(ps[1]!, r)[0]).toEqual({ text: 'The court', marked: true });
    expect(segmentParagraph(ps[2]!, r)).toEqual([{ text: 'Last.', marked: false }]);
  });
});

describe('groupFindings', () => {
  const fs = [
    finding('agree', 'A1', 50),
    finding('related', 'R1', 10),
    finding('discrepancy', 'D1', 300),
    finding('agree', 'A0', 5),
    finding('discrepancy', 'D0', 20),
  ];
  it('orders differs, agrees, related and keeps original indices', () => {
    const g = groupFindings(fs, true);
    expect(g.map((x) => x.verdict)).toEqual(['discrepancy', 'agree', 'related']);
    expect(g.map((x) => x.items.map((i) => [i.finding.sentence, i.index]))).toEqual([
      [
        ['D0', 4],
        ['D1', 2],
      ],
      [
        ['A0', 3],
        ['A1', 0],
      ],
      [['R1', 1]],
    ]);
  });
  it('leaves related out unless asked', () => {
    expect(groupFindings(fs, false).map((x) => x.verdict)).toEqual(['discrepancy', 'agree']);
  });
});

describe('text', () => {
  it('truncates at a word with an ellipsis', () => {
    const t = truncate('Alexander Lukashenko was sworn in for a seventh term in office after the election', 40);
    expect(t.length).toBeLessThanOrEqual(40);
    expect(t.endsWith('\u2026')).toBe(true);
    expect(t).toBe('Alexander Lukashenko was sworn in for a\u2026');
    expect(truncate('short')).toBe('short');
  });
  it('formats partial dates', () => {
    expect(formatIsoDate('2024-09-30')).toBe('30 September 2024');
    expect(formatIsoDate('2024-09')).toBe('September 2024');
    expect(formatIsoDate('2024')).toBe('2024');
    expect(formatIsoDate('junk')).toBe('junk');
  });
  it('source viewer links round-trip', () => {
    const quote = 'Lithuania referred the situation & "more" to the ICC?';
    const path = sourceViewerPath('src-1', 'fact-9', quote);
    expect(path.startsWith('/source-viewer.html?source=src-1&fact=fact-9&quote=')).toBe(true);
    expect(parseViewerParams(path.slice(path.indexOf('?')))).toEqual({ sourceId: 'src-1', factId: 'fact-9', quote });
    expect(parseViewerParams('')).toEqual({});
  });
});
