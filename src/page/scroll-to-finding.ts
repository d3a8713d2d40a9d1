/**
 * Brings a finding's sentence into view ("show me" from the popup, or the keyboard shortcut).
 * The scroll is instant, not smooth: the flash that follows shows where to look, and a page that
 * moves by itself is hard to follow for readers who prefer reduced motion.
 */

/** Scrolls so the sentence sits near the middle of the viewport; false when it has no box. */
export function scrollToRanges(doc: Document, ranges: readonly Range[]): boolean {
  const range = ranges[0];
  if (!range) return false;
  const start = range.startContainer;
  const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
  if (!el || !el.isConnected) return false;
  // Into view within any scrolling containers first, then centre the sentence itself, which in
  // a long paragraph may be far from the paragraph's centre.
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const rect = range.getBoundingClientRect();
  if (!rect.width && !rect.height) return false;
  const win = doc.defaultView;
  const height = doc.documentElement.clientHeight || win?.innerHeight || 0;
  if (win && (rect.top < height * 0.2 || rect.bottom > height * 0.8)) {
    win.scrollBy({ top: rect.top - height / 2 + rect.height / 2, behavior: 'instant' as ScrollBehavior });
  }
  return true;
}

/** Resolves after the next frame, when layout reflects a scroll. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
