/**
 * The cheapest possible answer to "could this page be about Belarus or the ICC?", asked before
 * the page is read properly. Most pages a reader opens are not, and for them the extension
 * should cost about what reading the text once costs: one native `textContent` read and the
 * topic gate's scan, in slices, instead of a walk of every node that builds an offset map.
 *
 * `textContent` holds every word `innerText` shows and more (hidden text, scripts, styles), so a
 * "no" here is a true "no" for the light DOM: the extra text can only make a page pass, and a
 * page that passes is read the careful way. Text inside shadow roots is not in `textContent`;
 * a page with a custom element that has an open shadow root is therefore always read the
 * careful way (see `shadowHostCandidates` for why only custom elements).
 */
import type { TopicGate } from '../core/topic-gate';
import { runSliced } from './time-slice';

/**
 * Characters the gate scans per step. The gate lower-cases what it is given, so a step costs
 * about 1 ms per 100,000 characters on these machines; several steps fit in one slice.
 */
const PIECE = 131_072;
/** Longer than any gate term, so a name across a piece boundary is still seen whole. */
const OVERLAP = 256;
/** Above this many elements the quick read is skipped (see below). */
const MAX_ELEMENTS = 60_000;
/** Elements looked at per step in the search for shadow roots. */
const ELEMENTS_PER_STEP = 4_096;

export interface QuickCheck {
  /** The page may name the topic and must be read properly; false means it certainly does not. */
  maybe: boolean;
  /** Characters of `textContent` scanned. */
  chars: number;
}

/** Rejects only if `signal` aborts. */
export async function quickTopicCheck(doc: Document, gate: TopicGate, signal: AbortSignal): Promise<QuickCheck> {
  const root = doc.body ?? doc.documentElement;
  if (!root) return { maybe: false, chars: 0 };
  // `textContent` is one native call that cannot be sliced: on a very large page (a 10 MB
  // archive, about 120,000 elements) it alone takes 20–40 ms. Such a page is read the careful
  // way, in slices and only up to the extractor's cap.
  const all = root.getElementsByTagName('*');
  if (all.length > MAX_ELEMENTS) return { maybe: true, chars: 0 };
  // All of it, not the extractor's character cap: hidden text and scripts come first in
  // `textContent`, so visible text inside the cap may lie beyond it here.
  const text = root.textContent ?? '';
  const end = text.length;
  let at = 0;
  let hit = false;
  await runSliced((shouldYield) => {
    while (at < end) {
      // Pieces overlap by OVERLAP characters, and the gate checks word boundaries inside the piece,
      // so a piece boundary can make a word look like it starts or ends there: only ever a "yes".
      const piece = text.slice(Math.max(0, at - OVERLAP), Math.min(end, at + PIECE));
      at += PIECE;
      if (gate.test(piece)) {
        hit = true;
        return true;
      }
      if (shouldYield()) return false;
    }
    return true;
  }, signal);
  return { maybe: hit || (await hasOpenShadowRoot(root, all, signal)), chars: end };
}

/** XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, by value: the constant is a global of the page's window. */
const UNORDERED_SNAPSHOT = 6;

/**
 * The elements that may hold an open shadow root whose text `textContent` misses. Where the
 * document has XPath, only custom elements (their names hold a hyphen): that is where open shadow
 * roots hold text on real pages (Lit, Stencil and Polymer sites), and XPath finds them natively.
 * Asking every element for its `shadowRoot` makes a wrapper per element in this world, 2–5 ms
 * of a cold 2 MB page in the bench's profiles, about as much as reading the text. A built-in
 * element with a shadow root (a `div` a widget attached one to) is then not looked into on a
 * page whose light DOM never names the topic: the cost is a page left unmarked, never a wrong
 * mark. Without XPath (test DOMs), every element.
 */
function shadowHostCandidates(root: Element, all: HTMLCollectionOf<Element>): { length: number; at(i: number): Element | null } {
  const doc = root.ownerDocument;
  if (typeof doc.evaluate === 'function') {
    const found = doc.evaluate(".//*[contains(local-name(), '-')]", root, null, UNORDERED_SNAPSHOT, null);
    return { length: found.snapshotLength, at: (i) => found.snapshotItem(i) as Element | null };
  }
  return { length: all.length, at: (i) => all[i] ?? null };
}

async function hasOpenShadowRoot(root: Element, all: HTMLCollectionOf<Element>, signal: AbortSignal): Promise<boolean> {
  const hosts = shadowHostCandidates(root, all);
  let i = 0;
  let found = false;
  await runSliced((shouldYield) => {
    const n = hosts.length;
    while (i < n) {
      const stop = Math.min(n, i + ELEMENTS_PER_STEP);
      for (; i < stop; i++) {
        if (hosts.at(i)?.shadowRoot) {
          found = true;
          return true;
        }
      }
      if (shouldYield()) return false;
    }
    return true;
  }, signal);
  return found;
}
