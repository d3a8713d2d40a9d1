// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPainter, CULL_ABOVE, HIGHLIGHT_NAMES } from '../../../src/page/paint-highlights';
import { discrepancyThickness, HIGHLIGHT_STYLES, highlightCss, highlightLook, highlightStyleFile } from '../../../src/page/highlight-styles';

/** happy-dom has no Custom Highlight API: a stand-in with the same shape. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

const win = window as unknown as { CSS: { highlights?: Map<string, FakeHighlight> }; Highlight?: unknown };
let registry: Map<string, FakeHighlight>;
// happy-dom's window.CSS is a getter that returns a fresh object each time: pin one per test.
const originalCss = Object.getOwnPropertyDescriptor(window, 'CSS');

function rangeOver(el: Element): Range {
  const r = document.createRange();
  r.selectNodeContents(el);
  return r;
}

async function frame(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await Promise.resolve();
}

beforeEach(() => {
  document.body.innerHTML = '<p id="a">Agreeing sentence.</p><p id="d">Differing sentence.</p><p id="r">Related sentence.</p>';
  registry = new Map();
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
  win.Highlight = FakeHighlight;
  document.adoptedStyleSheets = [];
});

afterEach(() => {
  if (originalCss) Object.defineProperty(window, 'CSS', originalCss);
  delete win.Highlight;
});

const items = () => [
  { verdict: 'agree' as const, ranges: [rangeOver(document.getElementById('a')!)] },
  { verdict: 'discrepancy' as const, ranges: [rangeOver(document.getElementById('d')!)] },
  { verdict: 'related' as const, ranges: [rangeOver(document.getElementById('r')!)] },
];

describe('createPainter', () => {
  it('registers each verdict under its contract name, in the next frame', async () => {
    const painter = createPainter(document, { showRelated: false, look: highlightLook('default') }, new AbortController().signal);
    painter.paint(items());
    expect(registry.size).toBe(0);
    await frame();
    expect([...registry.keys()].sort()).toEqual(['sourcelight-agree', 'sourcelight-discrepancy']);
    expect([...registry.get('sourcelight-discrepancy')!].map((r) => (r as Range).toString())).toEqual(['Differing sentence.']);
    expect([...registry.get('sourcelight-agree')!].map((r) => (r as Range).toString())).toEqual(['Agreeing sentence.']);
  });

  it('adds later batches to the registered highlight instead of replacing it', async () => {
    const painter = createPainter(document, { showRelated: false, look: highlightLook('default') }, new AbortController().signal);
    const [agree, discrepancy] = items();
    const second = { verdict: 'discrepancy' as const, ranges: [rangeOver(document.getElementById('a')!)] };
    painter.paint([agree!, discrepancy!]);
    await frame();
    const first = registry.get(HIGHLIGHT_NAMES.discrepancy)!;
    const add = vi.spyOn(first, 'add');
    painter.paint([agree!, discrepancy!, second]);
    await frame();
    expect(registry.get(HIGHLIGHT_NAMES.discrepancy)).toBe(first);
    expect(add).toHaveBeenCalledTimes(1);
    expect([...first]).toEqual([...discrepancy!.ranges, ...second.ranges]);
    // A finding that went away leaves the highlight too.
    painter.paint([agree!, second]);
    await frame();
    expect([...registry.get(HIGHLIGHT_NAMES.discrepancy)!]).toEqual(second.ranges);
  });

  it('registers afresh when the page replaced its highlight', async () => {
    const painter = createPainter(document, { showRelated: false, look: highlightLook('default') }, new AbortController().signal);
    painter.paint(items());
    await frame();
    const foreign = new FakeHighlight();
    registry.set(HIGHLIGHT_NAMES.agree, foreign);
    painter.paint(items());
    await frame();
    expect(registry.get(HIGHLIGHT_NAMES.agree)).not.toBe(foreign);
    expect(registry.get(HIGHLIGHT_NAMES.agree)!.size).toBe(1);
  });

  it('paints related findings only when the settings show them', async () => {
    const painter = createPainter(document, { showRelated: false, look: highlightLook('default') }, new AbortController().signal);
    painter.paint(items());
    await frame();
    expect(registry.has(HIGHLIGHT_NAMES.related)).toBe(false);
    painter.setSettings({ showRelated: true, look: highlightLook('default') });
    await frame();
    expect([...registry.get(HIGHLIGHT_NAMES.related)!].map((r) => (r as Range).toString())).toEqual(['Related sentence.']);
  });

  it('registers only the ranges near the viewport on a page with very many, and follows the scroll', async () => {
    document.body.innerHTML = Array.from({ length: CULL_ABOVE + 50 }, (_, i) => `<p id="p${i}">Differing sentence ${i}.</p>`).join('');
    let report!: (entries: { target: Element; isIntersecting: boolean }[]) => void;
    const observed = new Set<Element>();
    let disconnected = false;
    class FakeObserver {
      constructor(cb: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
        report = cb;
      }
      observe(el: Element) {
        observed.add(el);
      }
      unobserve(el: Element) {
        observed.delete(el);
      }
      disconnect() {
        disconnected = true;
        observed.clear();
      }
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    try {
      const controller = new AbortController();
      const painter = createPainter(document, { showRelated: false, look: highlightLook('default') }, controller.signal);
      const paragraphs = [...document.querySelectorAll('p')];
      const many = paragraphs.map((p) => ({ verdict: 'discrepancy' as const, ranges: [rangeOver(p)] }));
      // A first batch, few enough to register whole.
      painter.paint(many.slice(0, 5));
      await frame();
      expect(registry.get(HIGHLIGHT_NAMES.discrepancy)!.size).toBe(5);
      painter.paint(many);
      await frame();
      expect(observed.size).toBe(paragraphs.length);
      // Until the observer reports, what was painted stays painted (no frame without marks).
      expect(registry.get(HIGHLIGHT_NAMES.discrepancy)!.size).toBe(5);
      // The first screenful comes into view.
      report(paragraphs.slice(0, 20).map((target) => ({ target, isIntersecting: true })));
      await frame();
      expect([...registry.get(HIGHLIGHT_NAMES.discrepancy)!].map((r) => (r as Range).toString())).toEqual(paragraphs.slice(0, 20).map((p) => p.textContent));
      // The reader scrolls: the first ten leave, the next ten arrive.
      report([...paragraphs.slice(0, 10).map((target) => ({ target, isIntersecting: false })), ...paragraphs.slice(20, 30).map((target) => ({ target, isIntersecting: true }))]);
      await frame();
      expect([...registry.get(HIGHLIGHT_NAMES.discrepancy)!].map((r) => (r as Range).toString()).sort()).toEqual(paragraphs.slice(10, 30).map((p) => p.textContent!).sort());
      // Few enough again: everything is registered and nothing is watched.
      painter.paint(many.slice(0, 5));
      await frame();
      expect(registry.get(HIGHLIGHT_NAMES.discrepancy)!.size).toBe(5);
      expect(disconnected).toBe(true);
      controller.abort();
      expect(observed.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('batches several paints into one frame and removes names with nothing to paint', async () => {
    const painter = createPainter(document, { showRelated: false, look: highlightLook('default') }, new AbortController().signal);
    const set = vi.spyOn(registry, 'set');
    painter.paint(items());
    painter.paint(items().slice(0, 1));
    await frame();
    expect(set).toHaveBeenCalledTimes(1);
    expect([...registry.keys()]).toEqual(['sourcelight-agree']);
    painter.paint([]);
    await frame();
    expect(registry.size).toBe(0);
  });

  it('adopts one constructed style sheet with the ::highlight rules, and no DOM node', async () => {
    const before = document.documentElement.outerHTML;
    const replaceSync = vi.spyOn(window.CSSStyleSheet.prototype, 'replaceSync');
    const painter = createPainter(document, { showRelated: false, look: highlightLook('default') }, new AbortController().signal);
    painter.paint(items());
    await frame();
    expect(document.adoptedStyleSheets).toHaveLength(1);
    // happy-dom's CSS parser drops ::highlight rules, so check the text the sheet was given.
    expect(replaceSync.mock.calls[0]![0]).toContain('::highlight(sourcelight-agree)');
    replaceSync.mockRestore();
    expect(document.documentElement.outerHTML).toBe(before);
    painter.paint(items());
    await frame();
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });

  it("adopts no sheet into a document the registered style file already styles in the reader's style, and one when the style changes", async () => {
    // happy-dom computes no ::highlight() style: stand in for the browser's answer with the file present.
    const fileStyle = 'high-contrast';
    const computed = vi.spyOn(window, 'getComputedStyle').mockImplementation(((el: Element, pseudo?: string) =>
      ({ textDecorationStyle: pseudo === '::highlight(sourcelight-discrepancy)' && el === document.documentElement ? 'wavy' : 'solid', textDecorationThickness: discrepancyThickness(fileStyle) }) as CSSStyleDeclaration) as never);
    const replaceSync = vi.spyOn(window.CSSStyleSheet.prototype, 'replaceSync');
    try {
      const painter = createPainter(document, { showRelated: false, look: highlightLook('high-contrast') }, new AbortController().signal);
      painter.paint(items());
      await frame();
      expect(registry.size).toBe(2);
      expect(document.adoptedStyleSheets).toHaveLength(0);
      painter.setSettings({ showRelated: false, look: highlightLook('underline-only') });
      await frame();
      expect(document.adoptedStyleSheets).toHaveLength(1);
      // It must win over the file of the style before, whatever the cascade order.
      expect(replaceSync.mock.calls.at(-1)![0]).toContain('2px!important');
      expect(computed).toHaveBeenCalled();
    } finally {
      computed.mockRestore();
      replaceSync.mockRestore();
    }
  });

  it("adopts the rules the background sent, and none before they come (the bundle carries no styles)", async () => {
    const replaceSync = vi.spyOn(window.CSSStyleSheet.prototype, 'replaceSync');
    try {
      const painter = createPainter(document, { showRelated: false }, new AbortController().signal);
      painter.paint(items());
      await frame();
      expect(registry.size).toBe(2);
      expect(document.adoptedStyleSheets).toHaveLength(0);
      painter.setSettings({ showRelated: false, look: { css: '::highlight(sourcelight-agree){color:red}', mark: '9px' } });
      await frame();
      expect(document.adoptedStyleSheets).toHaveLength(1);
      expect(replaceSync).toHaveBeenLastCalledWith('::highlight(sourcelight-agree){color:red}');
    } finally {
      replaceSync.mockRestore();
    }
  });

  it('undoes everything when its signal aborts', async () => {
    const controller = new AbortController();
    const painter = createPainter(document, { showRelated: true, look: highlightLook('default') }, controller.signal);
    painter.paint(items());
    await frame();
    controller.abort();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('flashes a focus highlight above the others and removes it after a while', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const painter = createPainter(document, { showRelated: false, look: highlightLook('default') }, new AbortController().signal);
      painter.flash([rangeOver(document.getElementById('d')!)], 1000);
      expect(registry.get(HIGHLIGHT_NAMES.focus)?.priority).toBe(1);
      vi.advanceTimersByTime(1001);
      expect(registry.has(HIGHLIGHT_NAMES.focus)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does nothing, and throws nothing, where the API is missing', async () => {
    delete win.CSS.highlights;
    delete win.Highlight;
    const painter = createPainter(document, { showRelated: true, look: highlightLook('default') }, new AbortController().signal);
    expect(() => {
      painter.paint(items());
      painter.flash(items()[0]!.ranges);
      painter.setSettings({ showRelated: false, look: highlightLook('high-contrast') });
    }).not.toThrow();
    await frame();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});

describe('highlightCss', () => {
  const names = HIGHLIGHT_NAMES;
  it('tells verdicts apart by line style, not colour alone', () => {
    const css = highlightCss('default', names);
    expect(css).toMatch(/::highlight\(sourcelight-agree\)\{[^}]*underline solid/);
    expect(css).toMatch(/::highlight\(sourcelight-discrepancy\)\{[^}]*underline wavy/);
    expect(css).toMatch(/::highlight\(sourcelight-related\)\{[^}]*underline dotted/);
  });

  it('sets dark text on light tints in high contrast, and no background when underline-only', () => {
    expect(highlightCss('high-contrast', names)).toMatch(/sourcelight-discrepancy\)\{[^}]*color:#000/);
    expect(highlightCss('underline-only', names).match(/::highlight\(sourcelight-(agree|discrepancy|related)\)\{[^}]*\}/g)!.join('')).not.toContain(
      'background',
    );
  });
});

describe('highlight style files', () => {
  it('one file per style, each told apart by its discrepancy line, the same rules as the adopted sheet without !important', () => {
    expect(HIGHLIGHT_STYLES.map(highlightStyleFile)).toEqual(['highlights/default.css', 'highlights/high-contrast.css', 'highlights/underline-only.css']);
    expect(new Set(HIGHLIGHT_STYLES.map(discrepancyThickness)).size).toBe(HIGHLIGHT_STYLES.length);
    expect(highlightStyleFile('unknown' as never)).toBe('highlights/default.css');
    const names = { agree: 'a', discrepancy: 'd', related: 'r', focus: 'f' };
    for (const style of HIGHLIGHT_STYLES) {
      const plain = highlightCss(style, names);
      expect(plain).not.toContain('!important');
      expect(plain).toContain(`wavy`);
      expect(highlightCss(style, names, { important: true }).replaceAll('!important', '')).toBe(plain);
    }
  });
});
