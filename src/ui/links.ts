/**
 * Addresses of SourceLight's own pages. Pure (no browser APIs), so the content script's cards
 * can import sourceViewerPath cheaply and resolve it with `browser.runtime.getURL`.
 */

/** `/source-viewer.html?source=<id>&fact=<factId>&quote=<quote>`; without arguments, the list. */
export function sourceViewerPath(sourceId?: string, factId?: string, quote?: string): string {
  const params = new URLSearchParams();
  if (sourceId) params.set('source', sourceId);
  if (sourceId && factId) params.set('fact', factId);
  if (sourceId && quote) params.set('quote', quote);
  const q = params.toString();
  return q ? `/source-viewer.html?${q}` : '/source-viewer.html';
}

export interface ViewerParams {
  sourceId?: string;
  factId?: string;
  quote?: string;
}

/** The inverse of sourceViewerPath, from `location.search`. Empty values count as absent. */
export function parseViewerParams(search: string): ViewerParams {
  const params = new URLSearchParams(search);
  const get = (k: string) => {
    const v = params.get(k)?.trim();
    return v ? v : undefined;
  };
  const out: ViewerParams = {};
  const sourceId = get('source');
  const factId = get('fact');
  const quote = params.get('quote') ?? undefined;
  if (sourceId) out.sourceId = sourceId;
  if (factId) out.factId = factId;
  if (quote && quote.trim()) out.quote = quote;
  return out;
}
