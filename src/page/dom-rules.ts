/**
 * Which parts of a page are its prose. Shared by text extraction (content script and CLI) and the
 * mutation watcher, so that a block re-checked after a change obeys exactly the rules of a full
 * scan. Only markup and inline styles are read here, never computed layout, so the rules give
 * the same answer in a browser and in happy-dom; the browser-only visibility test lives in
 * extract-text.ts behind its `layout` option.
 */

/** A set from a space-separated list: shorter in the bundle than an array literal. */
function words(list: string): Set<string> {
  return new Set(list.split(' '));
}

/** Subtrees that never hold the page's own prose: code, media, widgets, chrome, user input. */
const SKIP_TAGS = words('head script style noscript template svg math canvas iframe frame frameset object embed audio video picture map img nav aside form input textarea select option optgroup datalist button rp');

/** ARIA landmarks and widgets that are page furniture however they are marked up. */
const SKIP_ROLES = words('navigation banner contentinfo complementary search menu menubar');

/**
 * Elements a browser lays out as blocks by default: their edges end a paragraph, so a heading or
 * list item without a final full stop never runs into the next sentence.
 */
export const BLOCK_TAGS = words('address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu nav ol p plaintext pre search section summary table tbody td tfoot th thead tr ul xmp');

/** Inside these a `<header>`/`<footer>` belongs to the content (an article's headline, byline). */
const SECTIONING_TAGS = words('article aside main nav section');
const SECTIONING_ROLES = words('article main region');

const PRE_TAGS = words('pre listing xmp plaintext');

// Inline styles only: a regex over the attribute is cheaper than the CSSOM parse `el.style`
// triggers, and it reads the same in happy-dom and in a browser.
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\b/i;
const PRE_STYLE = /(?:^|;)\s*white-space\s*:\s*(?:pre|pre-wrap|pre-line|break-spaces)\b/i;

/** Attribute that marks SourceLight's own UI, so the extension never checks itself. */
export const OWN_UI_ATTRIBUTE = 'data-sourcelight';

/**
 * True when `el` and everything under it is not the page's prose.
 * @param inSection whether an ancestor is sectioning content (decides if header/footer is chrome)
 */
export function isSkipped(el: Element, inSection: boolean): boolean {
  const name = el.localName;
  if (SKIP_TAGS.has(name)) return true;
  if (el.hasAttribute(OWN_UI_ATTRIBUTE) || el.hasAttribute('hidden')) return true;
  if (name === 'dialog' && !el.hasAttribute('open')) return true;
  // Per the ARIA mapping, header/footer is the page's banner/contentinfo unless it sits in an
  // article, section, main, aside or nav: then it is that section's headline or byline.
  if ((name === 'header' || name === 'footer') && !inSection) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role.trim().toLowerCase())) return true;
  if (el.getAttribute('aria-hidden') === 'true' && !hidesAppRoot(el)) return true;
  // A draft the user is typing is not a claim the page makes.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/**
 * Modal libraries put aria-hidden on the whole app root while a dialog (often a cookie banner)
 * is open; the article under it is still on screen and still the page's content.
 */
function hidesAppRoot(el: Element): boolean {
  const name = el.localName;
  return name === 'body' || name === 'html' || el.querySelector('article, main') !== null;
}

export function opensSection(el: Element): boolean {
  if (SECTIONING_TAGS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  return role !== null && SECTIONING_ROLES.has(role.trim().toLowerCase());
}

/** Whether white space inside `el` is kept as written rather than collapsed. */
export function preservesSpace(el: Element): boolean {
  if (PRE_TAGS.has(el.localName)) return true;
  const style = el.getAttribute('style');
  return style !== null && PRE_STYLE.test(style);
}

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

/** The element a node's parent chain continues through, crossing out of shadow roots. */
export function parentAcrossShadow(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  // A shadow root's host is the element the shadow tree renders in place of.
  if (parent && parent.nodeType === 11 && 'host' in parent) return (parent as ShadowRoot).host;
  return null;
}

export interface AncestorContext {
  /** Some ancestor is skipped, so nothing under it is prose. */
  excluded: boolean;
  inSection: boolean;
  pre: boolean;
}

/**
 * What the ancestors of `node` (not `node` itself) imply for extraction starting at it: lets a
 * single block be extracted later with the same answer a full scan gave for it.
 */
export function ancestorContext(node: Node): AncestorContext {
  const chain: Element[] = [];
  // For a shadow root, its host's own rules apply too: the tree renders in the host's place.
  const first = node.nodeType === 11 && 'host' in node ? (node as ShadowRoot).host : parentAcrossShadow(node);
  for (let el: Element | null = first; el; el = parentAcrossShadow(el)) chain.push(el);
  let inSection = false;
  let pre = false;
  // Top down, because whether a header is chrome depends on the sections above it.
  for (let i = chain.length - 1; i >= 0; i--) {
    const el = chain[i]!;
    if (isSkipped(el, inSection)) return { excluded: true, inSection, pre };
    if (el.localName === 'details' && !el.hasAttribute('open') && !isSummary(chain[i - 1] ?? node)) {
      return { excluded: true, inSection, pre };
    }
    inSection ||= opensSection(el);
    pre ||= preservesSpace(el);
  }
  return { excluded: false, inSection, pre };
}

/** A closed `<details>` shows only its summary; `child` is the next step down towards the node. */
function isSummary(child: Node): boolean {
  return child.nodeType === 1 && (child as Element).localName === 'summary';
}
