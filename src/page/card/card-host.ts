/**
 * The one element SourceLight adds to a page: `<sourcelight-card data-sourcelight>` at the end
 * of <html>, holding a closed shadow root. Closed so page scripts cannot read or restyle the
 * card; `data-sourcelight` so extraction and the mutation watcher skip it.
 */
import { OWN_UI_ATTRIBUTE } from '../dom-rules';
import CARD_CSS from './card.css?inline';

export interface CardHost {
  host: HTMLElement;
  root: ShadowRoot;
}

/**
 * Host styles are set through CSSOM with `!important`: that beats any page rule aimed at unknown
 * elements, and unlike a style attribute is not subject to the page's Content Security Policy.
 */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  display: 'block',
  contain: 'style',
};

export function createCardHost(doc: Document): CardHost {
  let host = doc.createElement('sourcelight-card');
  // A page can define `sourcelight-card` itself before SourceLight creates one. The element is
  // then the page's custom element, and a shadow root attached to it is handed to the page's
  // ElementInternals, closed or not: the page could read and rewrite the card. Such a host is
  // dropped for a plain <div>, which no page can turn into a custom element.
  if (isCustomElement(host)) host = doc.createElement('div');
  host.setAttribute(OWN_UI_ATTRIBUTE, '');
  for (const [name, value] of Object.entries(HOST_STYLE)) host.style.setProperty(name, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  adoptCss(doc, root, CARD_CSS);
  // Keep the page's own listeners (shortcuts, "click outside" handlers) from acting on what
  // happens inside the card. Our document-level listeners run in the capture phase, before this.
  for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress']) {
    root.addEventListener(type, (e) => e.stopPropagation());
  }
  doc.documentElement.append(host);
  return { host, root };
}

/** True when the page has defined the element's name, so the element runs the page's code. */
function isCustomElement(el: Element): boolean {
  try {
    return el.matches(':defined');
  } catch {
    return false;
  }
}

/** Constructed sheets are exempt from the page's CSP; a <style> is the fallback where they are missing. */
function adoptCss(doc: Document, root: ShadowRoot, css: string): void {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  try {
    if (Sheet && 'adoptedStyleSheets' in root) {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      return;
    }
  } catch {
    // Fall through to a <style> element.
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}
