/**
 * Opens the card from the pointer: a click on a highlighted sentence pins it open; resting on
 * one for a moment shows it until the pointer moves away. Clicks are never prevented, so a
 * highlighted link still works, and a click that ends a text selection opens nothing.
 */
import type { CardController } from './card/card-controller';
import { itemAtPoint } from './hit-test';
import { guard } from './log';

interface Ranged {
  ranges: readonly Range[];
}

/** Rest time before a hover card opens, in ms: long enough that skimming the page opens none. */
export const HOVER_OPEN_MS = 450;
/** Grace before a hover card closes, in ms, so the pointer can travel from the sentence onto it. */
export const HOVER_CLOSE_MS = 300;

export function watchPointer(doc: Document, signal: AbortSignal, items: () => readonly Ranged[], card: CardController): void {
  let frame = 0;
  let lastX = 0;
  let lastY = 0;
  let onCard = false;
  let hovered = -1;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;

  const check = guard(() => {
    frame = 0;
    if (onCard) return;
    const index = itemAtPoint(doc, lastX, lastY, items());
    if (index === hovered) return;
    hovered = index;
    clearTimeout(openTimer);
    if (index >= 0) {
      clearTimeout(closeTimer);
      const x = lastX;
      openTimer = setTimeout(() => {
        if (hovered === index && card.openIndex !== index && !card.pinned) card.open(index, { pinned: false, focus: false, pointerX: x });
      }, HOVER_OPEN_MS);
    } else if (card.openIndex >= 0 && !card.pinned) {
      closeTimer = setTimeout(() => {
        if (!onCard && hovered < 0 && !card.pinned) card.close();
      }, HOVER_CLOSE_MS);
    }
  });

  const listen = { passive: true, signal };
  doc.addEventListener(
    'mousemove',
    (e) => {
      onCard = card.isCard(e.target);
      if (onCard) clearTimeout(closeTimer);
      if (!items().length) return;
      lastX = e.clientX;
      lastY = e.clientY;
      // At most one hit test per frame however fast the pointer moves.
      if (!frame) frame = requestAnimationFrame(check);
    },
    listen,
  );
  doc.addEventListener(
    'click',
    guard((e: MouseEvent) => {
      if (card.isCard(e.target) || e.button !== 0) return;
      const selection = doc.getSelection();
      if (selection && !selection.isCollapsed) return;
      const index = items().length ? itemAtPoint(doc, e.clientX, e.clientY, items()) : -1;
      // A hover card still on its way must not reopen what Esc closes after this click.
      clearTimeout(openTimer);
      if (index >= 0) card.open(index, { pinned: true, focus: false, pointerX: e.clientX });
      else if (card.openIndex >= 0) card.close();
    }),
    listen,
  );
  signal.addEventListener('abort', () => {
    if (frame) cancelAnimationFrame(frame);
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
  });
}
