/**
 * Keeps up with pages that change after load: infinite scroll, live blogs, SPA navigation. One
 * MutationObserver for the whole document collects what changed; after the page has been quiet
 * for a moment the changed blocks are handed on to be re-checked on their own, so a new
 * paragraph costs one paragraph's work, not a page's.
 */
import { isBlock, isSkipped, parentAcrossShadow } from './dom-rules';
import { debug } from './log';

export interface MutationWatchOptions {
  /** SourceLight's own nodes, whose changes are ignored. */
  isOwn: (node: Node) => boolean;
  /** Re-check these blocks (none contains another). */
  onBlocks: (blocks: Element[]) => void;
  /** Re-check the whole page: the URL changed, or too much changed to go block by block. */
  onRescan: (reason: 'navigation' | 'burst') => void;
  /** The page's identity; a change means SPA navigation. Defaults to the URL without its hash. */
  pageKey?: () => string;
  /** Quiet time before changes are handled, in ms: DOM updates come in bursts. */
  debounceMs?: number;
  /** Longest a change may wait when the page never goes quiet (a ticker), in ms. */
  maxWaitMs?: number;
  /** More changed blocks than this, or more changed nodes than `maxNodes`, is a rescan. */
  maxBlocks?: number;
  maxNodes?: number;
}

export interface MutationWatch {
  /** Handles pending changes now (tests, or before a status report). */
  flush(): void;
}

export function watchMutations(doc: Document, signal: AbortSignal, options: MutationWatchOptions): MutationWatch {
  const debounceMs = options.debounceMs ?? 400;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  const maxBlocks = options.maxBlocks ?? 40;
  const maxNodes = options.maxNodes ?? 5000;
  const pageKey = options.pageKey ?? (() => (doc.defaultView?.location.href ?? '').split('#')[0]!);
  let lastKey = pageKey();
  /** Nodes added or edited, and containers something was removed from. */
  let changed = new Set<Node>();
  let containers = new Set<Node>();
  let burst = false;
  let firstPending = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function note(set: Set<Node>, node: Node): void {
    if (burst) return;
    set.add(node);
    if (changed.size + containers.size > maxNodes) {
      burst = true;
      changed.clear();
      containers.clear();
    }
  }

  function collect(records: MutationRecord[]): void {
    for (const record of records) {
      if (options.isOwn(record.target)) continue;
      if (record.type === 'characterData') {
        note(changed, record.target);
        continue;
      }
      for (const node of Array.from(record.addedNodes)) if (!options.isOwn(node)) note(changed, node);
      // A removal changes the block it was removed from; its findings may now be dead.
      if (Array.from(record.removedNodes).some(heldProse)) note(containers, record.target);
    }
    if (!changed.size && !containers.size && !burst) return;
    const now = Date.now();
    if (!firstPending) firstPending = now;
    clearTimeout(timer);
    const wait = now - firstPending >= maxWaitMs ? 0 : debounceMs;
    timer = setTimeout(flush, wait);
  }

  function flush(): void {
    clearTimeout(timer);
    collect(observer.takeRecords());
    clearTimeout(timer);
    const nodes = changed;
    const from = containers;
    const wasBurst = burst;
    changed = new Set();
    containers = new Set();
    burst = false;
    firstPending = 0;
    if (signal.aborted) return;
    try {
      const key = pageKey();
      if (key !== lastKey) {
        lastKey = key;
        options.onRescan('navigation');
        return;
      }
      if (wasBurst) {
        options.onRescan('burst');
        return;
      }
      const found = blocksOf(nodes, true);
      // Text removed straight from <body> needs no re-check: its highlights died with it.
      const emptied = blocksOf(from, false);
      if (found && emptied) for (const block of emptied) found.add(block);
      // Pruning nested blocks is quadratic: bound the set before it.
      const blocks = found && found.size <= maxBlocks * 4 ? outermost(found) : null;
      if (blocks === null || blocks.length > maxBlocks) options.onRescan('burst');
      else if (blocks.length || from.size) options.onBlocks(blocks);
    } catch (err) {
      debug('mutation handling failed', err);
    }
  }

  const observer = new MutationObserver(collect);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  return { flush };
}

/**
 * The nearest block around each node that can hold prose. Nodes under skipped elements (a
 * <style> a CSS-in-JS library rewrites, an analytics <script>, SourceLight's own card) and nodes
 * without text are ignored, so routine page churn costs nothing. Null when a change reaches
 * text directly in <body>: only a full rescan covers that.
 */
function blocksOf(nodes: Iterable<Node>, added: boolean): Set<Element> | null {
  const blocks = new Set<Element>();
  for (const node of nodes) {
    if (!node.isConnected || (added && !node.textContent?.trim())) continue;
    let block: Element | null = null;
    let skipped = false;
    for (let el: Element | null = node.nodeType === 1 ? (node as Element) : parentAcrossShadow(node); el; el = parentAcrossShadow(el)) {
      // `inSection` true: whether a header is page chrome is settled when the block is read.
      if (isSkipped(el, true)) {
        skipped = true;
        break;
      }
      if (!block && isBlock(el)) block = el;
    }
    if (skipped || !block) continue;
    if (block.localName === 'body' || block.localName === 'html') {
      if (added) return null;
      continue;
    }
    blocks.add(block);
  }
  return blocks;
}

/** Whether a removed node could have carried a highlight. */
function heldProse(node: Node): boolean {
  if (node.nodeType === 3) return !!(node as Text).data.trim();
  return node.nodeType === 1 && !isSkipped(node as Element, true) && !!node.textContent?.trim();
}

/** Drops blocks inside other blocks of the set: re-checking the outer one covers them. */
function outermost(blocks: Set<Element>): Element[] {
  const list = [...blocks];
  return list.filter((b) => !list.some((other) => other !== b && other.contains(b)));
}
