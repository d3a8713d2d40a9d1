/**
 * Alt+Shift+N / Alt+Shift+P move to the next / previous painted finding: scroll to it, flash it,
 * and open its card with focus in it, so every finding is reachable without a pointer. Keys are
 * matched by `code`, because Alt+Shift changes `key` on some layouts (macOS gives "˜" for N).
 */
import type { CardController } from './card/card-controller';
import { guard } from './log';

interface Ranged {
  ranges: readonly Range[];
}

export interface KeyboardNavOptions {
  items: () => readonly Ranged[];
  card: CardController;
  /** Scrolls to item `index`, flashes it and opens its card focused. */
  go: (index: number) => void;
}

export function watchKeyboard(doc: Document, signal: AbortSignal, options: KeyboardNavOptions): void {
  doc.addEventListener(
    'keydown',
    guard((e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      const step = e.code === 'KeyN' ? 1 : e.code === 'KeyP' ? -1 : 0;
      if (!step) return;
      const target = e.composedPath()[0] ?? e.target;
      if (!options.card.isCard(e.target) && isEditable(target)) return;
      const list = options.items();
      if (!list.length) return;
      e.preventDefault();
      const from = options.card.openIndex >= 0 ? options.card.openIndex : firstOnScreen(doc, list, step);
      const index = options.card.openIndex >= 0 ? (from + step + list.length) % list.length : from;
      options.go(index);
    }),
    { capture: true, signal },
  );
}

/** Where a walk should start without an open card: the first sentence below the top of the view, or the last above it. */
function firstOnScreen(doc: Document, list: readonly Ranged[], step: number): number {
  const height = doc.documentElement.clientHeight;
  const tops = list.map((item) => item.ranges[0]?.getBoundingClientRect().top ?? 0);
  if (step > 0) {
    const i = tops.findIndex((top) => top >= 0);
    return i >= 0 ? i : 0;
  }
  for (let i = tops.length - 1; i >= 0; i--) if (tops[i]! < height) return i;
  return list.length - 1;
}

function isEditable(target: EventTarget | null): boolean {
  if (!target || (target as Node).nodeType !== 1) return false;
  const el = target as HTMLElement;
  return el.isContentEditable || ['input', 'textarea', 'select'].includes(el.localName);
}
