// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SourceViewer } from '../../../src/ui/source-viewer/SourceViewer';
import { parseViewerParams, sourceViewerPath } from '../../../src/ui/links';
import type { Source } from '../../../src/facts/schema';
import { byTestId, buttonByText, click, fakeBackground, mount, unmountAll } from './helpers';

const SOURCE: Source = {
  id: 'icc-lithuania-referral',
  title: 'Statement of ICC Prosecutor on the referral by Lithuania',
  publisher: 'International Criminal Court',
  published: '2024-09-30',
  url: 'https://www.icc-cpi.int/',
  urlIsArticle: false,
  language: 'en',
  notes: ['The date is that of the press release.', 'Navigation removed.'],
  body:
    'Today I received a referral from the Republic of Lithuania.\n\n' +
    'The referral concerns alleged crimes against humanity <script>alert(1)</script> committed on the territory of Belarus ' +
    'and partly in Lithuania.\n\nMy Office will now proceed.',
};

const { body: _body, ...META } = SOURCE;
const OTHER = { ...META, id: 'viasna-2023', title: 'Political prisoners in 2023', publisher: 'Viasna', published: '2023-12', urlIsArticle: true, url: 'https://spring96.org/en/news/1' };

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

describe('SourceViewer', () => {
  it('lists every source with title, publisher, date and link, newest first', async () => {
    const bg = fakeBackground({ 'list-sources': () => ({ sources: [OTHER, META] }) });
    const root = await mount(<SourceViewer />);
    expect(bg.of('list-sources')).toHaveLength(1);
    const items = Array.from(byTestId(root, 'source-list')!.querySelectorAll('li[data-source]'));
    expect(items.map((li) => li.getAttribute('data-source'))).toEqual(['icc-lithuania-referral', 'viasna-2023']);
    expect(items[0]!.textContent).toContain('International Criminal Court');
    expect(items[0]!.textContent).toContain('30 September 2024');
    expect(items[1]!.textContent).toContain('December 2023');
    expect(items[0]!.querySelector('a.sl-source-title')!.getAttribute('href')).toBe(sourceViewerPath('icc-lithuania-referral'));
    const ext = items[1]!.querySelector('a[target="_blank"]')!;
    expect(ext.getAttribute('href')).toBe('https://spring96.org/en/news/1');
    expect(ext.getAttribute('rel')).toContain('noopener');
  });

  it('shows a document with metadata, notes, the link and its caveat, and the body as paragraphs', async () => {
    const bg = fakeBackground({ 'get-source': ({ id }) => ({ source: id === SOURCE.id ? SOURCE : null }) });
    const root = await mount(<SourceViewer sourceId={SOURCE.id} />);
    expect(bg.of('get-source')).toEqual([{ type: 'get-source', id: SOURCE.id }]);
    const doc = byTestId(root, 'source')!;
    expect(doc.querySelector('h1')!.textContent).toBe(SOURCE.title);
    expect(doc.textContent).toContain('30 September 2024');
    expect(doc.textContent).toContain('English (en)');
    expect(doc.textContent).toContain('The date is that of the press release.');
    expect(byTestId(root, 'url-not-article')!.textContent).toMatch(/article.s own address is not known/);
    const body = doc.querySelector('.sl-source-body')!;
    expect(body.getAttribute('lang')).toBe('en');
    expect(body.querySelectorAll('p')).toHaveLength(3);
    // text stays text
    expect(body.querySelector('script')).toBeNull();
    expect(body.textContent).toContain('<script>alert(1)</script>');
    expect(body.querySelector('mark')).toBeNull();
    expect(document.title).toContain(SOURCE.title);
  });

  it('marks the quote of the fact and scrolls it into view', async () => {
    fakeBackground({ 'get-source': () => ({ source: SOURCE }) });
    const scrolled: Element[] = [];
    const orig = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      const quote = 'crimes against humanity <script>alert(1)</script> committed on the territory of Belarus';
      const params = parseViewerParams(sourceViewerPath(SOURCE.id, 'fact-referral', quote).split('?')[1]!);
      const root = await mount(<SourceViewer {...params} />);
      const marks = root.querySelectorAll('mark');
      expect(marks).toHaveLength(1);
      expect(marks[0]!.textContent).toBe(quote);
      expect(marks[0]!.getAttribute('data-fact')).toBe('fact-referral');
      expect(marks[0]!.querySelector('script')).toBeNull();
      expect(marks[0]!.parentElement!.textContent).toBe(SOURCE.body.split('\n\n')[1]);
      expect(scrolled).toEqual([marks[0]]);
      expect(document.activeElement).toBe(marks[0]);
    } finally {
      HTMLElement.prototype.scrollIntoView = orig;
    }
  });

  it('marks a quote that spans paragraphs in each of them, and tolerates spacing and case', async () => {
    fakeBackground({ 'get-source': () => ({ source: SOURCE }) });
    const root = await mount(<SourceViewer sourceId={SOURCE.id} quote={'republic of   lithuania. The referral'} />);
    const marks = Array.from(root.querySelectorAll('mark'));
    expect(marks.map((m) => m.textContent)).toEqual(['Republic of Lithuania.', 'The referral']);
  });

  it('says when the quote is not in the text', async () => {
    fakeBackground({ 'get-source': () => ({ source: SOURCE }) });
    const root = await mount(<SourceViewer sourceId={SOURCE.id} factId="x" quote="Poland referred Lukashenko" />);
    expect(root.querySelector('mark')).toBeNull();
    expect(byTestId(root, 'quote-missing')!.textContent).toContain('Poland referred Lukashenko');
  });

  it('says when the source is unknown, and when the background fails', async () => {
    fakeBackground({ 'get-source': () => ({ source: null }) });
    let root = await mount(<SourceViewer sourceId="nope" />);
    expect(byTestId(root, 'not-found')!.textContent).toContain('nope');
    unmountAll();
    vi.restoreAllMocks();
    fakeBackground({});
    root = await mount(<SourceViewer />);
    expect(byTestId(root, 'load-error')!.textContent).toMatch(/did not answer/);
    vi.restoreAllMocks();
    fakeBackground({ 'list-sources': () => ({ sources: [META] }) });
    await click(buttonByText(root, 'Try again'));
    expect(byTestId(root, 'source-list')).not.toBeNull();
  });
});
