/**
 * Reads the visible prose of a document as one string, with a map back to the DOM. The same
 * rules serve the content script and the CLI (HTML parsed by happy-dom), so a file and a page
 * with the same markup give the same text and the same findings.
 *
 * Paragraph-level boundaries become "\n\n" and <br> becomes "\n": a sentence segmenter breaks at
 * both, so no sentence runs from a heading into the paragraph under it.
 */
import { ancestorContext, isBlock, isSkipped, opensSection, preservesSpace } from './dom-rules';
import { OffsetMapBuilder, type OffsetMap } from './offset-map';

export interface ExtractOptions {
  /**
   * Most characters to read (UTF-16 code units); the rest of the page is ignored. Two million is
   * far more prose than any article and keeps a hostile 100 MB page from exhausting memory.
   */
  maxChars?: number;
  /** Most DOM nodes to visit, for the same reason: deep junk markup can hold little text. */
  maxNodes?: number;
  /**
   * Also skip elements the browser does not render (`checkVisibility()`, when it exists). Off by
   * default so a parsed HTML file, which has no layout, reads the same as a page with only
   * inline styles; the content script turns it on.
   */
  layout?: boolean;
}

export interface ExtractResult {
  text: string;
  map: OffsetMap;
  /** The character or node cap was hit. */
  truncated: boolean;
}

export interface TextExtractor {
  /**
   * Reads on until done or until `shouldYield()` says the time slice is used up (asked every few
   * hundred nodes). Returns true when the whole tree has been read.
   */
  step(shouldYield?: () => boolean): boolean;
  result(): ExtractResult;
}

export const DEFAULT_MAX_CHARS = 2_000_000;
export const DEFAULT_MAX_NODES = 1_000_000;

type Root = Document | Element | ShadowRoot;

interface Frame {
  kids: ArrayLike<Node>;
  i: number;
  /** The element is a block: leaving it ends a paragraph. */
  block: boolean;
  pre: boolean;
  inSection: boolean;
  /** A closed <details>: only its <summary> is rendered. */
  summaryOnly: boolean;
}

// Collapsible white space as CSS defines it (not NBSP), and characters that render as nothing.
const SPACE_OR_INVISIBLE = /([ \t\n\r\f]+)|[\u00ad\u200b\u2060\ufeff]+/g;
/** Text that is not already as rendered: a run of spaces, other white space, or an invisible character. */
const NEEDS_COLLAPSE = /[\t\n\r\f\u00ad\u200b\u2060\ufeff]| {2}/;

const ELEMENT = 1;
const TEXT = 3;

/** Reads the whole tree at once. For the browser's main thread, drive `createTextExtractor` in slices. */
export function extractPageText(root: Root, options?: ExtractOptions): ExtractResult {
  const extractor = createTextExtractor(root, options);
  extractor.step();
  return extractor.result();
}

export function createTextExtractor(root: Root, options: ExtractOptions = {}): TextExtractor {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const layout = options.layout ?? false;

  const chunks: string[] = [];
  const map = new OffsetMapBuilder();
  let length = 0;
  let nodesSeen = 0;
  let truncated = false;
  /** Strongest break owed before the next character: 0 none, 1 line, 2 paragraph. */
  let pendingBreak = 0;
  /** Where a collapsed space owed before the next character came from. */
  let pendingSpaceNode: Text | null = null;
  let pendingSpaceOffset = 0;
  let done = false;

  const stack: Frame[] = [];
  start();

  function start(): void {
    let top: Node | null = root;
    if (root.nodeType === 9) {
      const doc = root as Document;
      // A page in design mode is an editor; all of it is the user's draft.
      top = doc.designMode === 'on' ? null : doc.documentElement;
    }
    const context = top ? ancestorContext(top) : null;
    if (!top || !context || context.excluded) {
      done = true;
      return;
    }
    // An element root goes through the same rules as any element; a shadow root's children do.
    const kids = top.nodeType === 11 ? top.childNodes : [top];
    stack.push({ kids, i: 0, block: false, pre: context.pre, inSection: context.inSection, summaryOnly: false });
  }

  function emitBreakAndSpace(): void {
    if (length === 0) {
      pendingBreak = 0;
      pendingSpaceNode = null;
      return;
    }
    if (pendingBreak) {
      const sep = pendingBreak === 2 ? '\n\n' : '\n';
      chunks.push(sep);
      length += sep.length;
    } else if (pendingSpaceNode) {
      chunks.push(' ');
      map.add(length, pendingSpaceNode, pendingSpaceOffset, 1);
      length += 1;
    }
    pendingBreak = 0;
    pendingSpaceNode = null;
  }

  /** Appends `node.data[from, to)` verbatim; false when the character cap is reached. */
  function emitRun(node: Text, from: number, to: number): boolean {
    if (to <= from) return true;
    emitBreakAndSpace();
    let end = to;
    if (length + (end - from) > maxChars) {
      end = from + Math.max(0, maxChars - length);
      truncated = true;
    }
    if (end > from) {
      chunks.push(from === 0 && end === node.data.length ? node.data : node.data.slice(from, end));
      map.add(length, node, from, end - from);
      length += end - from;
    }
    return !truncated;
  }

  /** A collapsed space is owed before the next character, from `node` at `offset`. */
  function oweSpace(node: Text, offset: number): void {
    // Only between two pieces of text; a break or the start of text absorbs it.
    if (length > 0 && !pendingBreak && !pendingSpaceNode) {
      pendingSpaceNode = node;
      pendingSpaceOffset = offset;
    }
  }

  function emitText(node: Text, pre: boolean): boolean {
    const data = node.data;
    if (pre) return emitRun(node, 0, data.length);
    // Most prose nodes have only single spaces: copy them whole, one chunk and one map piece,
    // instead of word by word. On a 10 MB page that is most of the work and of the garbage.
    if (!NEEDS_COLLAPSE.test(data)) {
      let from = 0;
      let to = data.length;
      if (data.charCodeAt(0) === 32) {
        oweSpace(node, 0);
        from = 1;
      }
      const trailing = to > from && data.charCodeAt(to - 1) === 32;
      if (trailing) to--;
      if (!emitRun(node, from, to)) return false;
      if (trailing) oweSpace(node, to);
      return true;
    }
    let at = 0;
    SPACE_OR_INVISIBLE.lastIndex = 0;
    for (let m = SPACE_OR_INVISIBLE.exec(data); m; m = SPACE_OR_INVISIBLE.exec(data)) {
      if (!emitRun(node, at, m.index)) return false;
      if (m[1]) oweSpace(node, m.index);
      at = m.index + m[0].length;
    }
    return emitRun(node, at, data.length);
  }

  function rendered(el: Element): boolean {
    if (!layout || typeof el.checkVisibility !== 'function') return true;
    if (el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) return true;
    // `display: contents` has no box of its own, yet its children are laid out as usual.
    const view = el.ownerDocument.defaultView;
    return view?.getComputedStyle(el).display === 'contents';
  }

  function enter(el: Element, parent: Frame): void {
    const name = el.localName;
    if (name === 'br') {
      pendingBreak = Math.max(pendingBreak, 1);
      return;
    }
    if (parent.summaryOnly && name !== 'summary') return;
    if (isSkipped(el, parent.inSection) || !rendered(el)) return;
    const block = isBlock(el);
    if (block) pendingBreak = 2;
    stack.push({
      kids: childrenToRender(el),
      i: 0,
      block,
      pre: parent.pre || preservesSpace(el),
      inSection: parent.inSection || opensSection(el),
      summaryOnly: name === 'details' && !el.hasAttribute('open'),
    });
  }

  function step(shouldYield?: () => boolean): boolean {
    let budget = 0;
    while (!done) {
      const frame = stack[stack.length - 1];
      if (!frame) {
        done = true;
        break;
      }
      if (frame.i >= frame.kids.length) {
        stack.pop();
        if (frame.block) pendingBreak = 2;
        continue;
      }
      const node = frame.kids[frame.i++]!;
      if (++nodesSeen > maxNodes) {
        truncated = true;
        done = true;
        break;
      }
      if (node.nodeType === TEXT) {
        if (!emitText(node as Text, frame.pre)) done = true;
      } else if (node.nodeType === ELEMENT) {
        enter(node as Element, frame);
      }
      // Reading the clock is cheap but not free: ask every 32 nodes.
      if (shouldYield && (++budget & 31) === 0 && shouldYield()) break;
    }
    return done;
  }

  function result(): ExtractResult {
    const text = chunks.join('');
    return { text, map: map.build(text.length), truncated };
  }

  return { step, result };
}

/** What an element renders: its open shadow tree if it has one; for a slot, what is assigned to it. */
function childrenToRender(el: Element): ArrayLike<Node> {
  if (el.shadowRoot) return el.shadowRoot.childNodes;
  if (el.localName === 'slot' && typeof (el as HTMLSlotElement).assignedNodes === 'function') {
    const assigned = (el as HTMLSlotElement).assignedNodes();
    if (assigned.length) return assigned;
  }
  return el.childNodes;
}
