/**
 * Opens, places and closes the card. One card at a time; it follows its sentence while the page
 * scrolls and closes when the sentence leaves the viewport, on Esc, or from its close button.
 */
import type { Finding } from '../../core/types';
import { placeCard, type Rect } from './card-position';
import { createCardHost, type CardHost } from './card-host';
import { renderCard } from './card-view';
import { viewerOpener, type ViewerRuntime } from './open-viewer';

export interface CardItem {
  finding: Finding;
  ranges: readonly Range[];
}

export interface OpenOptions {
  /** Opened by click or keyboard: stays until closed. A hover card closes when the pointer leaves. */
  pinned: boolean;
  /** Move keyboard focus into the card (keyboard use), remembering where it was. */
  focus: boolean;
  pointerX?: number;
}

export interface CardController {
  /** Opens the card for `items()[index]`; false when that sentence is not on screen. */
  open(index: number, options: OpenOptions): boolean;
  close(): void;
  readonly openIndex: number;
  readonly pinned: boolean;
  /** True for events from inside the card (they are retargeted to its host). */
  isCard(target: EventTarget | null): boolean;
}

export function createCardController(
  doc: Document,
  signal: AbortSignal,
  items: () => readonly CardItem[],
  runtime: ViewerRuntime,
): CardController {
  const getURL = (path: string) => runtime.getURL(path);
  const openViewer = viewerOpener(runtime, doc);
  let host: CardHost | null = null;
  let card: HTMLElement | null = null;
  let openIndex = -1;
  let pinned = false;
  let pointerX: number | undefined;
  let returnFocus: Element | null = null;
  let frame = 0;

  function lineRects(index: number): Rect[] {
    const item = items()[index];
    if (!item) return [];
    const out: Rect[] = [];
    for (const range of item.ranges) {
      for (const r of Array.from(range.getClientRects())) if (r.width > 0 && r.height > 0) out.push(r);
    }
    return out;
  }

  function viewport() {
    const el = doc.documentElement;
    const win = doc.defaultView;
    return { width: el.clientWidth || win?.innerWidth || 0, height: el.clientHeight || win?.innerHeight || 0 };
  }

  function onScreen(rects: readonly Rect[]): boolean {
    const { width, height } = viewport();
    return rects.some((r) => r.bottom > 0 && r.top < height && r.right > 0 && r.left < width);
  }

  /** Places the open card; closes it when its sentence is gone from the screen. */
  function place(): void {
    frame = 0;
    if (!card || openIndex < 0) return;
    const rects = lineRects(openIndex);
    if (!rects.length || !onScreen(rects)) {
      close();
      return;
    }
    // Measure at natural height first: placement decides the height limit.
    card.style.maxHeight = '';
    const size = card.getBoundingClientRect();
    const at = placeCard(rects, { width: size.width, height: size.height }, viewport(), pointerX);
    card.style.top = `${at.top}px`;
    card.style.left = `${at.left}px`;
    card.style.maxHeight = `${at.maxHeight}px`;
    card.style.visibility = 'visible';
  }

  function schedulePlace(): void {
    if (!frame && card) frame = requestAnimationFrame(place);
  }

  function open(index: number, options: OpenOptions): boolean {
    const list = items();
    const item = list[index];
    if (!item || signal.aborted) return false;
    const rects = lineRects(index);
    if (!rects.length) return false;
    if (openIndex === index && card) {
      pinned ||= options.pinned;
      if (options.focus) focusCard();
      return true;
    }
    removeCard();
    host ??= createCardHost(doc);
    if (!host.host.isConnected) doc.documentElement.append(host.host);
    openIndex = index;
    pinned = options.pinned;
    pointerX = options.pointerX;
    card = renderCard(doc, item.finding, { getURL, onClose: () => close(), position: { index, count: list.length }, openViewer });
    card.style.visibility = 'hidden';
    card.style.top = '0px';
    card.style.left = '0px';
    host.root.append(card);
    place();
    if (options.focus) focusCard();
    return true;
  }

  function focusCard(): void {
    if (!card) return;
    const active = doc.activeElement;
    if (active && active !== host?.host) returnFocus = active;
    card.focus({ preventScroll: true });
  }

  function removeCard(): void {
    card?.remove();
    card = null;
    openIndex = -1;
    pinned = false;
  }

  function close(): void {
    const hadFocus = !!host && doc.activeElement === host.host;
    removeCard();
    // Give focus back to where the reader was before the keyboard took them into the card.
    const back = returnFocus as HTMLElement | null;
    if (hadFocus && back?.isConnected && typeof back.focus === 'function') back.focus({ preventScroll: true });
    returnFocus = null;
  }

  const listen = { capture: true, passive: true, signal };
  doc.addEventListener('scroll', schedulePlace, listen);
  doc.defaultView?.addEventListener('resize', schedulePlace, listen);
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && card) close();
    },
    listen,
  );
  signal.addEventListener('abort', () => {
    if (frame) cancelAnimationFrame(frame);
    removeCard();
    host?.host.remove();
    host = null;
  });

  return {
    open,
    close,
    get openIndex() {
      return openIndex;
    },
    get pinned() {
      return pinned;
    },
    isCard: (target) => !!host && target === host.host,
  };
}
