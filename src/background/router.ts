/**
 * The background's one message listener. It accepts messages only from SourceLight's own
 * contexts, validates every payload, and answers a bad one with `{ error }` instead of throwing.
 */
import browser from 'webextension-polyfill';
import type { HandlerContext } from './handlers';
import { handlers } from './handlers';
import type { PackStore } from './pack-store';
import { CONTENT_SCRIPT_MESSAGES, validateMessage } from './validate-message';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Whether a sender is one of ours: our content script in a tab, or an extension page. */
export function senderKind(sender: SenderLike, extensionId: string, extensionOrigin: string): 'content' | 'page' | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionOrigin)) return 'page';
  if (sender.tab) return 'content';
  return null;
}

export async function route(message: unknown, sender: SenderLike, store: PackStore, extensionId: string, extensionOrigin: string): Promise<unknown> {
  const kind = senderKind(sender, extensionId, extensionOrigin);
  if (!kind) return { error: 'sender not allowed' };
  const v = validateMessage(message);
  if (!v.ok) return { error: v.error };
  if (kind === 'content' && !CONTENT_SCRIPT_MESSAGES.has(v.type)) return { error: `${v.type} is not allowed from a page` };
  const ctx: HandlerContext = { store, tabId: sender.tab?.id, frameId: sender.frameId };
  try {
    return await handlers[v.type](v.payload, ctx);
  } catch (err) {
    console.warn('[SourceLight] handler failed', v.type, err);
    return { error: `${v.type} failed: ${(err as Error).message ?? String(err)}` };
  }
}

export function listen(store: PackStore): void {
  const extensionId = browser.runtime.id;
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener(((message: unknown, sender: SenderLike, sendResponse: (r: unknown) => void) => {
    // sendResponse + `return true` works in Chromium, Firefox and WXT's fake browser alike.
    // A route that throws anyway still answers, so the sender is never left without a reply.
    void route(message, sender, store, extensionId, origin).then(sendResponse, (err: unknown) =>
      sendResponse({ error: `message failed: ${(err as Error)?.message ?? String(err)}` }),
    );
    return true;
  }) as never);
}
