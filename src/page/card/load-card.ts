/**
 * Loads the card module. On Chromium the background injects /card.js into this isolated world
 * (`load-card`), so the card's code is fetched only by pages where a reader opens one. Firefox's
 * MV2 build cannot inject without broad host permissions, so there the card is bundled.
 */
import type { RuntimeLike } from '../background-client';
import { CARD_MODULE_KEY } from './card-module-key';
import type { CardModule } from './lazy-card';

function injected(): CardModule | undefined {
  return (globalThis as Record<string, unknown>)[CARD_MODULE_KEY] as CardModule | undefined;
}

export async function loadCardModule(runtime: RuntimeLike): Promise<CardModule> {
  if (import.meta.env.FIREFOX) return import('./card-controller');
  const ready = injected();
  if (ready) return ready;
  const reply = (await runtime.sendMessage({ type: 'load-card' })) as { ok?: boolean } | undefined;
  const mod = injected();
  if (!reply?.ok || !mod) throw new Error('the card could not be loaded');
  return mod;
}
