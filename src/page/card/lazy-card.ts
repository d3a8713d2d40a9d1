/**
 * The card, loaded on first use. Most pages never open a card, so its code (view, styles,
 * placement) stays out of the content script that every page loads; the first open asks for it
 * and replays the open once it is there. Until then the controller answers from its own state.
 */
import type { CardController, OpenOptions, createCardController } from './card-controller';

/** What the card module provides once loaded (a type only: none of its code is bundled here). */
export interface CardModule {
  createCardController: typeof createCardController;
}

/** Takes the card controller's own arguments, after the loader. */
export function createLazyCard(load: () => Promise<CardModule>, ...args: Parameters<typeof createCardController>): CardController {
  const [, signal, items] = args;
  let real: CardController | null = null;
  let loading: Promise<void> | null = null;
  let pending: { index: number; options: OpenOptions } | null = null;

  function ensure(): void {
    loading ??= load()
      .then((mod) => {
        if (signal.aborted) return;
        real = mod.createCardController(...args);
        const next = pending;
        pending = null;
        if (next) real.open(next.index, next.options);
      })
      .catch(() => {
        // The card could not be loaded (the page went away, the extension was updated): the
        // highlights stay, the card does not open. Try again on the next open.
        loading = null;
        pending = null;
      });
  }

  return {
    open(index, options) {
      if (real) return real.open(index, options);
      if (!items()[index]) return false;
      pending = { index, options };
      ensure();
      return true;
    },
    close() {
      if (real) real.close();
      pending = null;
    },
    get openIndex() {
      return real ? real.openIndex : (pending?.index ?? -1);
    },
    get pinned() {
      return real ? real.pinned : (pending?.options.pinned ?? false);
    },
    isCard(target) {
      return real ? real.isCard(target) : false;
    },
  };
}
