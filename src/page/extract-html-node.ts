/**
 * Node only (the CLI, tests): the text of an HTML file, read by exactly the rules the content
 * script applies to a live page. Never bundle this into the extension: it pulls in happy-dom.
 */
import { Window } from 'happy-dom';
import { extractPageText, type ExtractOptions } from './extract-text';

/**
 * Parses `html` without running or fetching anything (no scripts, styles, frames or network)
 * and returns its visible prose. Offsets into `text` are what the CLI reports.
 */
export function extractTextFromHtml(html: string, options?: Omit<ExtractOptions, 'layout'>): { text: string; truncated: boolean } {
  const window = new Window({
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    // happy-dom's Document is its own class; structurally it is the DOM the rules read.
    const { text, truncated } = extractPageText(doc as unknown as Document, options);
    return { text, truncated };
  } finally {
    // Synchronous callers: closing starts teardown of timers and the like; nothing waits on it.
    void window.happyDOM.close();
  }
}
