/**
 * The UI pages' only way to talk to the background: one typed call per message of
 * `UiToBackground`. A failed call always throws an Error whose message a reader can be shown
 * ("SourceLight's background did not answer ..."), so pages never render a blank state.
 */
import { browser } from 'wxt/browser';
import type { ReplyOf, UiToBackground } from '../messaging/protocol';

export type UiMessageType = keyof UiToBackground;
export type UiPayload<K extends UiMessageType> = UiToBackground[K]['payload'];
export type UiReply<K extends UiMessageType> = ReplyOf<UiToBackground, K>;

/** The background answered with `{ error }`, did not answer, or answered nothing. */
export class BackgroundError extends Error {
  constructor(
    message: string,
    readonly messageType: UiMessageType,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}

/** Long enough for a cold service worker and a large pack import. */
const DEFAULT_TIMEOUT_MS = 30_000;

export interface SendOptions {
  timeoutMs?: number;
}

function isErrorReply(reply: unknown): reply is { error: string } {
  // `check-tab-now` legitimately replies `{ ok: false, error }`; only a reply without `ok` is the
  // protocol's ErrorReply.
  return (
    typeof reply === 'object' &&
    reply !== null &&
    'error' in reply &&
    !('ok' in reply) &&
    typeof (reply as { error: unknown }).error === 'string'
  );
}

export async function send<K extends UiMessageType>(
  type: K,
  payload: UiPayload<K>,
  options: SendOptions = {},
): Promise<UiReply<K>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reply: unknown;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)),
        timeoutMs,
      );
    });
    reply = await Promise.race([browser.runtime.sendMessage({ ...payload, type }), timeout]);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new BackgroundError(`SourceLight's background did not answer (${type}): ${why}`, type);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  if (reply === undefined || reply === null) {
    throw new BackgroundError(`SourceLight's background gave no answer (${type}).`, type);
  }
  if (isErrorReply(reply)) {
    throw new BackgroundError(`SourceLight could not do that (${type}): ${reply.error}`, type);
  }
  return reply as UiReply<K>;
}

/** The message of any thrown value, for showing to the reader. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
