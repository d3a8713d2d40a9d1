/**
 * The card's code, injected into the content script's isolated world on the first open (see
 * src/page/card/lazy-card.ts). It hands its module over on a global of that world, which the
 * page's own scripts cannot see.
 */
import { createCardController } from '@/page/card/card-controller';
import { CARD_MODULE_KEY } from '@/page/card/card-module-key';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_MODULE_KEY] = { createCardController };
});
