/**
 * Highlight registry names, on their own so the content script carries no style rules (the
 * background sends those: src/page/highlight-styles.ts). DESIGN.md makes the three verdict
 * names a contract that tests rely on.
 */
export const HIGHLIGHT_NAMES = {
  agree: 'sourcelight-agree',
  discrepancy: 'sourcelight-discrepancy',
  related: 'sourcelight-related',
  focus: 'sourcelight-focus',
} as const;

/**
 * What a page needs to style its highlights itself: the sheet's text, and the discrepancy
 * line's thickness by which it recognises the registered style file of the same style.
 */
export interface HighlightLook {
  css: string;
  mark: string;
}
