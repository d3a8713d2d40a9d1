import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../src/page/card/card-position';
import { formatIsoDate } from '../../../src/page/card/format-date';
import { sourceViewerUrl, textFragmentUrl, urlIsArticle } from '../../../src/page/card/source-links';

const rect = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });
const viewport = { width: 1000, height: 800 };
const overlaps = (a: { top: number; bottom: number }, b: { top: number; bottom: number }) => a.top < b.bottom && b.top < a.bottom;

describe('placeCard', () => {
  it('goes below the sentence when it fits there', () => {
    const at = placeCard([rect(100, 50, 120, 600)], { width: 380, height: 300 }, viewport);
    expect(at.side).toBe('below');
    expect(at.top).toBe(128);
  });

  it('flips above a sentence near the bottom of the viewport, without covering it', () => {
    const lines = [rect(700, 50, 720, 600), rect(720, 50, 740, 300)];
    const at = placeCard(lines, { width: 380, height: 300 }, viewport);
    expect(at.side).toBe('above');
    expect(overlaps({ top: at.top, bottom: at.top + 300 }, { top: 700, bottom: 740 })).toBe(false);
  });

  it('limits its height to the larger side when it fits on neither', () => {
    const at = placeCard([rect(380, 50, 420, 600)], { width: 380, height: 600 }, viewport);
    expect(at.maxHeight).toBeLessThan(380);
    const bottom = at.top + Math.min(600, at.maxHeight);
    expect(overlaps({ top: at.top, bottom }, { top: 380, bottom: 420 })).toBe(false);
  });

  it('stays inside the viewport horizontally', () => {
    expect(placeCard([rect(100, 900, 120, 990)], { width: 380, height: 200 }, viewport).left).toBe(1000 - 380 - 8);
    expect(placeCard([rect(100, -40, 120, 200)], { width: 380, height: 200 }, viewport).left).toBe(8);
  });

  it('opens near the pointer on a long line', () => {
    expect(placeCard([rect(100, 0, 120, 990)], { width: 300, height: 200 }, viewport, 500).left).toBe(476);
  });
});

describe('source links', () => {
  it('builds a text fragment from the first words, encoding the directive’s syntax characters', () => {
    expect(textFragmentUrl('https://example.org/a#top', '“Belarus, a non-party state - said” the court today on Monday, again.')).toBe(
      'https://example.org/a#:~:text=Belarus%2C%20a%20non%2Dparty%20state%20%2D%20said%20the%20court',
    );
  });

  it('tells an article url from a site’s home page', () => {
    const ref = { id: 's', title: 't', publisher: 'p', date: '2024', url: 'https://babel.ua/' };
    expect(urlIsArticle(ref)).toBe(false);
    expect(urlIsArticle({ ...ref, url: 'https://babel.ua/news/123' })).toBe(true);
    expect(urlIsArticle({ ...ref, url: 'https://babel.ua/news/123', urlIsArticle: false } as typeof ref)).toBe(false);
  });

  it('addresses the source viewer with the source and fact ids', () => {
    expect(sourceViewerUrl((p) => `moz-extension://x${p}`, 'ap 1', 'f&2')).toBe('moz-extension://x/source-viewer.html?source=ap%201&fact=f%262');
  });
});

describe('formatIsoDate', () => {
  it('writes dates at the precision they have', () => {
    expect(formatIsoDate('2024')).toBe('2024');
    expect(formatIsoDate('2024-09')).toBe('September 2024');
    expect(formatIsoDate('2024-09-03')).toBe('3 September 2024');
    expect(formatIsoDate('soon')).toBe('soon');
  });
});
