/**
 * Which painted sentence is under a point. Highlights are not elements, so there is no event
 * target to ask: the caret position under the pointer narrows it down to a text position, and
 * the sentence's line boxes confirm the pointer is on its text and not in the margin beside it.
 */

interface Ranged {
  ranges: readonly Range[];
}

/** Pointer slack around a line box, in CSS px: underlines sit just below the box. */
const SLACK = 3;

/** Above this many sentences, scanning every line box per pointer move is too slow to do blind. */
const MAX_SCAN = 300;

/** Index into `items` of the sentence at client point (x, y), or -1. */
export function itemAtPoint(doc: Document, x: number, y: number, items: readonly Ranged[]): number {
  if (!items.length) return -1;
  const caret = caretAt(doc, x, y);
  if (caret) {
    for (let i = 0; i < items.length; i++) {
      if (items[i]!.ranges.some((r) => contains(r, caret.node, caret.offset)) && under(items[i]!, x, y)) return i;
    }
  }
  // No caret API, or the point is in a shadow tree the caret cannot see into: test line boxes.
  if (items.length > MAX_SCAN) return -1;
  for (let i = 0; i < items.length; i++) if (under(items[i]!, x, y)) return i;
  return -1;
}

function under(item: Ranged, x: number, y: number): boolean {
  for (const range of item.ranges) {
    for (const r of Array.from(range.getClientRects())) {
      if (x >= r.left - SLACK && x <= r.right + SLACK && y >= r.top - SLACK && y <= r.bottom + SLACK) return true;
    }
  }
  return false;
}

function contains(range: Range, node: Node, offset: number): boolean {
  try {
    return range.isPointInRange(node, offset);
  } catch {
    return false;
  }
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as CaretDocument;
  try {
    if (typeof d.caretPositionFromPoint === 'function') {
      const p = d.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }
  } catch {
    // Some engines throw for points outside the viewport.
  }
  return null;
}
