// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPainter, HIGHLIGHT_NAMES } from '../../../src/page/paint-highlights';
import { highlightCss } from '../../../src/page/highlight-styles';

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
    const painter = createPainter(document, { showRelated: false, highlightStyle: 'default' }, new AbortController().signal);
    painter.paint(items());
    expect(registry.size).toBe(0);
    await frame();
    expect([...registry.keys()].sort()).toEqual(['sourcelight-agree', 'sourcelight-discrepancy']);
    expect([...registry.get('sourcelight-discrepancy')!].map((r) => (r as Range).toString())).toEqual(['Differing sentence.']);
    expect([...registry.get('sourcelight-agree')!].map((r) => (r as Range).toString())).toEqual(['Agreeing sentence.']);
  });

  it('paints related findings only when the settings show them', async () => {
    const painter = createPainter(document, { showRelated: false, highlightStyle: 'default' }, new AbortController().signal);
    painter.paint(items());
    await frame();
    expect(registry.has(HIGHLIGHT_NAMES.related)).toBe(false);
    painter.setSettings({ showRelated: true, highlightStyle: 'default' });
    await frame();
    expect([...registry.get(HIGHLIGHT_NAMES.related)!].map((r) => (r as Range).toString())).toEqual(['Related sentence.']);
  });

  it('batches several paints into one frame and removes names with nothing to paint', async () => {
    const painter = createPainter(document, { showRelated: false, highlightStyle: 'default' }, new AbortController().signal);
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
    const painter = createPainter(document, { showRelated: false, highlightStyle: 'default' }, new AbortController().signal);
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

  it('undoes everything when its signal aborts', async () => {
    const controller = new AbortController();
    const painter = createPainter(document, { showRelated: true, highlightStyle: 'default' }, controller.signal);
    painter.paint(items());
    await frame();
    controller.abort();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('flashes a focus highlight above the others and removes it after a while', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const painter = createPainter(document, { showRelated: false, highlightStyle: 'default' }, new AbortController().signal);
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
    const painter = createPainter(document, { showRelated: true, highlightStyle: 'default' }, new AbortController().signal);
    expect(() => {
      painter.paint(items());
      painter.flash(items()[0]!.ranges);
      painter.setSettings({ showRelated: false, highlightStyle: 'high-contrast' });
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
