/**
 * Paints findings with the CSS Custom Highlight API: ranges are registered by name and styled by
 * `::highlight()` rules, so the page's DOM is never touched and highlights follow their text
 * through reflow. Where the API is missing (older Firefox) painting silently does nothing; the
 * popup and badge still list the findings.
 */
import type { Verdict } from '../core/types';
import { HIGHLIGHT_NAMES, type HighlightLook } from './highlight-names';
import { debug } from './log';

export { HIGHLIGHT_NAMES };

export interface PaintItem {
  verdict: Verdict;
  ranges: readonly AbstractRange[];
}

export interface PaintSettings {
  showRelated: boolean;
  /** The style's rules, from the background; without them the page adopts no sheet of its own. */
  look?: HighlightLook;
}

export interface Painter {
  /** Replaces what is painted with `items`, in the next animation frame. */
  paint(items: readonly PaintItem[]): void;
  setSettings(settings: PaintSettings): void;
  /** Marks `ranges` strongly for `ms` milliseconds ("here it is"). */
  flash(ranges: readonly AbstractRange[], ms?: number): void;
}

interface HighlightWindow {
  CSS?: { highlights?: Map<string, Highlight> };
  Highlight?: new (...ranges: AbstractRange[]) => Highlight;
  CSSStyleSheet?: typeof CSSStyleSheet;
  IntersectionObserver?: typeof IntersectionObserver;
  getComputedStyle?: (el: Element, pseudo?: string) => CSSStyleDeclaration;
}

/**
 * Above this many ranges only those near the viewport are registered. Chromium redoes paint
 * work for every registered range whenever a highlight changes (on the bench's 0.5 MB page,
 * 2,400 ranges cost 50–70 ms of PrePaint in one frame, about 20 ms per 1,000); a reader sees a
 * screenful at a time. A news article has tens of marks, so it keeps every one registered.
 * At 1,000, the frames before culling began spent up to 23 ms in PrePaint, and held the bench
 * page's longest task (23–45 ms over 5 traced loads); at 250 its longest task was 13–30 ms and
 * the screen's marks settled 126 ms after load instead of 228 (medians).
 */
export const CULL_ABOVE = 250;
/** How far beyond the viewport ranges are registered, so they are painted before they scroll in. */
const NEAR_MARGIN = '100% 0px 100% 0px';

type Adopter = Document | ShadowRoot;

/** All state is dropped, and the registry and style sheets restored, when `signal` aborts. */
export function createPainter(doc: Document, settings: PaintSettings, signal: AbortSignal): Painter {
  const win = (doc.defaultView ?? globalThis) as unknown as HighlightWindow;
  const registry = win.CSS?.highlights;
  const HighlightCtor = win.Highlight;
  const supported = !!registry && typeof registry.set === 'function' && typeof HighlightCtor === 'function';
  let current = settings;
  let items: readonly PaintItem[] = [];
  let frame = 0;
  let sheet: CSSStyleSheet | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  const adopters = new Set<Adopter>();
  /** The highlights this painter registered, by name, to be updated in place. */
  const live = new Map<string, Highlight>();
  /** Elements holding painted ranges, watched when there are too many ranges to register all. */
  let observer: IntersectionObserver | null = null;
  const watched = new Set<Element>();
  /** Those of them near the viewport. */
  const near = new Set<Element>();
  /**
   * Whether the observer has reported since it was made. Until then `near` is empty, and
   * culling would unregister every mark for a frame: the marks would blink out, and Chromium
   * would redo its paint work for all of them twice. What is registered stays until the first
   * report.
   */
  let reported = false;

  /** The style the document is known to have from the registered file (checked once per style). */
  let preStyled: { mark: string | undefined; applies: boolean } | null = null;

  /**
   * Whether the background's registered style file for the reader's style already styles this
   * document (it does on granted sites, from document_start; not where "Check this page"
   * injected the script). Adopting a sheet of `::highlight()` rules into a styled page makes
   * Chromium restyle every element, so it is done only when needed. Any doubt adopts.
   */
  function documentPreStyled(): boolean {
    const mark = current.look?.mark;
    if (!preStyled || preStyled.mark !== mark) {
      let applies = false;
      try {
        const look = win.getComputedStyle?.(doc.documentElement, `::highlight(${HIGHLIGHT_NAMES.discrepancy})`);
        applies = mark !== undefined && look?.textDecorationStyle === 'wavy' && look.textDecorationThickness === mark;
      } catch {
        // No such pseudo-element here: adopt.
      }
      preStyled = { mark, applies };
    }
    return preStyled.applies;
  }

  function styleSheet(): CSSStyleSheet | null {
    if (sheet || !win.CSSStyleSheet || !current.look) return sheet;
    try {
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(current.look.css);
    } catch (err) {
      debug('no constructable style sheets', err);
      sheet = null;
    }
    return sheet;
  }

  /**
   * `::highlight()` rules apply per tree: text in a shadow tree needs the sheet in that root.
   * Re-checked on every paint because a site may reassign `adoptedStyleSheets` wholesale.
   */
  function adopt(root: Adopter): void {
    if (root === doc && !adopters.has(doc) && documentPreStyled()) return;
    const s = styleSheet();
    if (!s) return;
    try {
      if (!root.adoptedStyleSheets.includes(s)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, s];
      adopters.add(root);
    } catch (err) {
      debug('cannot adopt style sheet', err);
    }
  }

  /** Where each range is, looked up once: a range's element and tree cost a cross-world call each. */
  const places = new WeakMap<AbstractRange, Place>();
  /** What `items` asks to paint under the current settings; rebuilt when either changes. */
  let shown: { name: string; range: AbstractRange; place: Place }[] | null = null;
  let cull = false;

  function place(range: AbstractRange): Place {
    let p = places.get(range);
    if (!p) {
      const node = range.startContainer;
      const root = node.getRootNode();
      p = { el: node.nodeType === 1 ? (node as Element) : node.parentElement, root: root !== doc && root.nodeType === 11 ? (root as ShadowRoot) : null };
      places.set(range, p);
    }
    return p;
  }

  /** Watches exactly the elements of `list`; false when there is no IntersectionObserver. */
  function watch(list: { place: Place }[]): boolean {
    if (!observer) {
      const IO = win.IntersectionObserver;
      if (typeof IO !== 'function') return false;
      reported = false;
      observer = new IO(
        (entries) => {
          reported = true;
          for (const e of entries) {
            if (e.isIntersecting) near.add(e.target);
            else near.delete(e.target);
          }
          schedule();
        },
        { rootMargin: NEAR_MARGIN },
      );
    }
    const wanted = new Set<Element>();
    for (const { place } of list) if (place.el) wanted.add(place.el);
    for (const el of watched) {
      if (wanted.has(el)) continue;
      observer.unobserve(el);
      watched.delete(el);
      near.delete(el);
    }
    for (const el of wanted) {
      if (watched.has(el)) continue;
      watched.add(el);
      observer.observe(el);
    }
    return true;
  }

  function unwatch(): void {
    observer?.disconnect();
    observer = null;
    watched.clear();
    near.clear();
  }

  function render(): void {
    frame = 0;
    if (!supported || signal.aborted) return;
    if (!shown) {
      shown = [];
      for (const item of items) {
        if (item.verdict === 'related' && !current.showRelated) continue;
        const name = HIGHLIGHT_NAMES[item.verdict];
        if (!name) continue;
        for (const range of item.ranges) shown.push({ name, range, place: place(range) });
      }
      // The observer's first report comes a frame later: culled ranges are painted then.
      cull = shown.length > CULL_ABOVE && watch(shown);
      if (!cull && observer) unwatch();
    }
    // The observer's first report schedules the next render.
    if (cull && !reported) return;
    const byName = new Map<string, AbstractRange[]>();
    const roots = new Set<Adopter>([doc]);
    for (const { name, range, place } of shown) {
      if (cull && !(place.el && near.has(place.el))) continue;
      let list = byName.get(name);
      if (!list) byName.set(name, (list = []));
      list.push(range);
      if (place.root) roots.add(place.root);
    }
    if (byName.size) for (const root of roots) adopt(root);
    for (const name of [HIGHLIGHT_NAMES.agree, HIGHLIGHT_NAMES.discrepancy, HIGHLIGHT_NAMES.related]) {
      const ranges = byName.get(name);
      const mine = live.get(name);
      if (!ranges?.length) {
        // An absent name, not an empty one, so "nothing painted" is plain to anyone inspecting.
        registry!.delete(name);
        live.delete(name);
      } else if (!mine || registry!.get(name) !== mine) {
        const highlight = new HighlightCtor!(...ranges);
        registry!.set(name, highlight);
        live.set(name, highlight);
      } else {
        update(mine, ranges);
      }
    }
  }

  /**
   * Changes a registered highlight in place: while a check paints batch after batch, only the
   * new ranges are added. Replacing the highlight made Chromium redo its paint work for every
   * range on the page each time (66 ms of PrePaint in one frame on the bench's 0.5 MB page).
   */
  function update(highlight: Highlight, ranges: AbstractRange[]): void {
    const want = new Set(ranges);
    const gone: AbstractRange[] = [];
    highlight.forEach((r) => {
      if (!want.has(r)) gone.push(r);
    });
    for (const r of gone) highlight.delete(r);
    for (const r of ranges) if (!highlight.has(r)) highlight.add(r);
  }

  function schedule(): void {
    if (frame || signal.aborted) return;
    const view = doc.defaultView;
    // A hidden tab runs no animation frames; paint at once there, nothing is on screen anyway.
    if (doc.visibilityState === 'hidden' || !view) {
      frame = -1;
      queueMicrotask(render);
      return;
    }
    frame = view.requestAnimationFrame(render);
  }

  signal.addEventListener('abort', () => {
    if (frame > 0) doc.defaultView?.cancelAnimationFrame(frame);
    clearTimeout(flashTimer);
    if (supported) for (const name of Object.values(HIGHLIGHT_NAMES)) registry!.delete(name);
    live.clear();
    unwatch();
    for (const root of adopters) {
      try {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // The root went away with its page; nothing left to restore.
      }
    }
    adopters.clear();
  });

  return {
    paint(next) {
      items = next;
      shown = null;
      schedule();
    },
    setSettings(next) {
      const restyle = !!next.look && next.look.css !== current.look?.css;
      current = next;
      shown = null;
      if (restyle && sheet) {
        try {
          sheet.replaceSync(next.look!.css);
        } catch (err) {
          debug(err);
        }
      }
      schedule();
    },
    flash(ranges, ms = 1600) {
      if (!supported || signal.aborted || !ranges.length) return;
      adopt(doc);
      const highlight = new HighlightCtor!(...ranges);
      // Above the verdict highlights, which keep their default priority of 0.
      highlight.priority = 1;
      registry!.set(HIGHLIGHT_NAMES.focus, highlight);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => registry!.delete(HIGHLIGHT_NAMES.focus), ms);
    },
  };
}

interface Place {
  /** The element the range starts in: what the observer can watch. */
  el: Element | null;
  /** Its shadow root, whose tree needs the style sheet too; null in the document. */
  root: ShadowRoot | null;
}
