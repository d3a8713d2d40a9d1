/**
 * Opens the source viewer from a card: the background opens it in a tab (`open-source-viewer`).
 * Without an answer, a new window, which works where the viewer page is web-accessible. Part of
 * the card's lazily loaded code, not of the content script every page loads.
 */
export interface ViewerRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  getURL(path: string): string;
}

export function viewerOpener(runtime: ViewerRuntime, doc: Document): (url: string, source: string, fact: string) => void {
  return (url, source, fact) =>
    void (async () => {
      try {
        const reply = await runtime.sendMessage({ type: 'open-source-viewer', source, fact });
        if (reply && typeof reply === 'object' && (reply as { ok?: unknown }).ok === true) return;
      } catch {
        // Fall through.
      }
      doc.defaultView?.open(url, '_blank', 'noopener');
    })();
}
