/** Where a card's links go: the original article (at the quote) and SourceLight's source viewer. */
import type { SourceRef } from '../../core/types';

/** How many of the quote's words to put in a text fragment; enough to be unique, short enough to survive small edits. */
const FRAGMENT_WORDS = 8;

/**
 * False when the source's address is only the publisher's site: a text fragment there would
 * point at nothing. The pack marks this as `urlIsArticle: false`; a SourceRef that lacks the flag
 * is judged by its path, since the schema says such a url is the site's home page.
 */
export function urlIsArticle(source: SourceRef & { urlIsArticle?: boolean }): boolean {
  if (typeof source.urlIsArticle === 'boolean') return source.urlIsArticle;
  try {
    const url = new URL(source.url);
    return url.pathname.replace(/\/+$/, '') !== '' || url.search !== '';
  } catch {
    return false;
  }
}

/**
 * `url` with a text fragment (`#:~:text=`) that scrolls to and marks the quote's first words.
 * The directive's own syntax characters (`-`, `,`, `&`) are percent-encoded, which
 * encodeURIComponent leaves alone for `-`.
 */
export function textFragmentUrl(url: string, quote: string): string {
  const words = quote
    .replace(/[\u201c\u201d\u201e"«»]/g, ' ')
    .trim()
    .split(/\s+/)
    .slice(0, FRAGMENT_WORDS)
    .join(' ')
    // A trailing comma or full stop is not part of a word boundary match; leave it out.
    .replace(/[\s,.;:!?]+$/, '');
  const base = url.split('#')[0]!;
  if (!words) return base;
  return `${base}#:~:text=${encodeURIComponent(words).replace(/-/g, '%2D')}`;
}

/** The extension's own page that shows the source text with the quote marked. */
export function sourceViewerUrl(getURL: (path: string) => string, sourceId: string, factId: string): string {
  return `${getURL('/source-viewer.html')}?source=${encodeURIComponent(sourceId)}&fact=${encodeURIComponent(factId)}`;
}

/** Only http(s) links are rendered: a hostile fact pack must not smuggle a `javascript:` url. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
