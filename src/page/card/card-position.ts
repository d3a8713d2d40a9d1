/**
 * Where the card goes: above or below the sentence it explains, never over it, and inside the
 * viewport. Pure geometry in CSS pixels of the viewport (client coordinates), so it is tested
 * without a browser.
 */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
  /** Height the card may take; content beyond it scrolls inside the card. */
  maxHeight: number;
  side: 'above' | 'below';
}

/** Gap between the sentence and the card, and the card and the viewport edge, in px. */
const GAP = 8;
const EDGE = 8;
/** Below this much room a card is not worth showing squeezed; it may then overlap. */
const MIN_HEIGHT = 120;

/**
 * @param lines the sentence's line boxes (Range.getClientRects()), at least one
 * @param card the card's natural size
 * @param viewport the viewport size (documentElement.clientWidth/Height)
 * @param pointerX where the pointer is, to open the card near it on a long line
 */
export function placeCard(
  lines: readonly Rect[],
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  pointerX?: number,
): Placement {
  const top = Math.min(...lines.map((r) => r.top));
  const bottom = Math.max(...lines.map((r) => r.bottom));
  const below = viewport.height - bottom - GAP - EDGE;
  const above = top - GAP - EDGE;
  let side: Placement['side'];
  let maxHeight: number;
  let y: number;
  if (card.height <= below || (below >= above && below >= MIN_HEIGHT)) {
    side = 'below';
    maxHeight = Math.max(0, below);
    y = bottom + GAP;
  } else if (card.height <= above || above >= MIN_HEIGHT) {
    side = 'above';
    maxHeight = Math.max(0, above);
    y = top - GAP - Math.min(card.height, maxHeight);
  } else {
    // The sentence fills the viewport: no side has room. Sit at the bottom edge, small.
    side = 'below';
    maxHeight = Math.max(MIN_HEIGHT, Math.round(viewport.height * 0.4));
    y = viewport.height - EDGE - Math.min(card.height, maxHeight);
  }
  // Start at the line nearest the card, or at the pointer on that line.
  const line = side === 'below' ? lines.reduce((a, b) => (b.bottom > a.bottom ? b : a)) : lines.reduce((a, b) => (b.top < a.top ? b : a));
  const anchorX = pointerX !== undefined && pointerX >= line.left && pointerX <= line.right ? pointerX - 24 : line.left;
  const x = Math.max(EDGE, Math.min(anchorX, viewport.width - card.width - EDGE));
  return { top: Math.round(y), left: Math.round(x), maxHeight: Math.floor(maxHeight), side };
}
