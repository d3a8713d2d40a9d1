/**
 * Typed requests from the content script to the background. The runtime is passed in rather
 * than imported, so the same code runs against `browser.runtime` in the extension and against a
 * scripted fake in tests.
 */
import type { BackgroundToContent, ContentToBackground, MessageOf, ReplyOf } from '../messaging/protocol';

export type MessageListener = (message: unknown, sender: unknown, sendResponse?: (reply: unknown) => void) => true | undefined;

/** The part of `browser.runtime` the content script uses. */
export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
  getURL(path: string): string;
}

export type ContentRequest = MessageOf<ContentToBackground>;
export type BackgroundMessage = MessageOf<BackgroundToContent>;

/**
 * Sends a request and resolves with the reply, or null when there is none: the background
 * replied with `{ error }`, is not listening yet, or the extension was reloaded under us
 * ("Extension context invalidated"). The content script treats all of these as "no answer".
 */
export async function ask<K extends keyof ContentToBackground>(
  runtime: RuntimeLike,
  message: Extract<ContentRequest, { type: K }>,
): Promise<ReplyOf<ContentToBackground, K> | null> {
  try {
    const reply = await runtime.sendMessage(message);
    if (!reply || typeof reply !== 'object' || 'error' in reply) return null;
    return reply as ReplyOf<ContentToBackground, K>;
  } catch {
    return null;
  }
}

const BACKGROUND_TYPES = new Set<string>(['check-page-now', 'scroll-to-finding', 'settings-changed', 'get-status']);

/** Narrows an incoming message to one the content script answers; anything else is ignored. */
export function asBackgroundMessage(message: unknown): BackgroundMessage | null {
  if (!message || typeof message !== 'object') return null;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && BACKGROUND_TYPES.has(type) ? (message as BackgroundMessage) : null;
}
