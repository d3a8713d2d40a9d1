/**
 * Schemas for every message the background accepts. Nothing from a content script is trusted:
 * a page can be hostile, and a compromised renderer can send anything the content script can.
 */
import { z } from 'zod/mini';
import { DEFAULT_SETTINGS } from '../settings';

/** Caps that keep one message cheap to check whatever a page contains. */
export const MESSAGE_LIMITS = {
  sentences: 500,
  sentenceLength: 4_000,
  /** The content script sends paragraphs of at most 8,192 units, in batches of about 40,000. */
  paragraphs: 500,
  paragraphLength: 16_384,
  paragraphsText: 200_000,
  textLength: 1_000_000,
  packJson: 20_000_000,
} as const;

const str = (max: number) => z.string().check(z.maxLength(max));
const nonNegativeInt = () => z.int().check(z.nonnegative());
const list = <T extends z.core.SomeType>(item: T, max: number) => z.array(item).check(z.maxLength(max));
const sentence = z.object({
  text: str(MESSAGE_LIMITS.sentenceLength),
  start: nonNegativeInt(),
  end: nonNegativeInt(),
});
const isoDate = z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/));
const empty = z.looseObject({});
const tabId = nonNegativeInt();
const hostname = z.string().check(z.maxLength(253), z.regex(/^[a-z0-9.-]+$/i));
const settingsPatch = z.partial(
  z.strictObject({
    mode: z.enum(['auto', 'manual']),
    allowSites: list(hostname, 1000),
    blockSites: list(hostname, 1000),
    showRelated: z.boolean(),
    highlightStyle: z.enum(['default', 'high-contrast', 'underline-only']),
  }),
);

/** How many findings of each verdict a page has: the badge's number. */
const count = nonNegativeInt();

const paragraph = z.object({
  text: str(MESSAGE_LIMITS.paragraphLength),
  start: nonNegativeInt(),
  end: nonNegativeInt(),
});
const totalText = (spans: { text: string }[]) => spans.reduce((n, s) => n + s.text.length, 0);

export const messageSchemas = {
  'check-paragraphs': z.object({
    paragraphs: list(paragraph, MESSAGE_LIMITS.paragraphs).check(
      z.refine((spans) => totalText(spans) <= MESSAGE_LIMITS.paragraphsText, `at most ${MESSAGE_LIMITS.paragraphsText} characters in all`),
    ),
    pageDate: z.optional(isoDate),
  }),
  'check-sentences': z.object({ sentences: list(sentence, MESSAGE_LIMITS.sentences), pageDate: z.optional(isoDate) }),
  'page-status': z.object({
    status: z.looseObject({
      state: z.enum(['idle', 'checking', 'done', 'off-topic', 'disabled', 'error']),
      url: str(8_192),
      title: str(2_000),
      counts: z.object({ agree: count, discrepancy: count, related: count }),
      textLength: z.number().check(z.nonnegative()),
      checkedAt: z.optional(z.string()),
      error: z.optional(str(2_000)),
    }),
  }),
  'get-page-config': z.object({ url: str(8_192) }),
  'load-card': empty,
  'open-source-viewer': z.object({ source: str(200), fact: z.optional(str(200)) }),
  'get-tab-status': z.object({ tabId }),
  'check-tab-now': z.object({ tabId }),
  'scroll-to-finding': z.object({ tabId, index: nonNegativeInt() }),
  'check-text': z.object({ text: str(MESSAGE_LIMITS.textLength), pageDate: z.optional(isoDate) }),
  'list-sources': empty,
  'get-source': z.object({ id: str(200) }),
  'get-settings': empty,
  'set-settings': z.object({ settings: settingsPatch }),
  'get-pack-info': empty,
  'import-pack': z.object({ json: str(MESSAGE_LIMITS.packJson) }),
  'export-pack': z.object({ name: str(200) }),
  'remove-pack': z.object({ name: str(200) }),
  'set-pack-enabled': z.object({ name: str(200), enabled: z.boolean() }),
} as const;

export type MessageType = keyof typeof messageSchemas;

/** Messages a content script may send; the rest come only from extension pages. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set(['check-paragraphs', 'check-sentences', 'page-status', 'get-page-config', 'load-card', 'open-source-viewer']);

export type Validated =
  | { ok: true; type: MessageType; payload: Record<string, unknown> }
  | { ok: false; error: string };

export function validateMessage(message: unknown): Validated {
  if (!message || typeof message !== 'object') return { ok: false, error: 'message must be an object' };
  const type = (message as { type?: unknown }).type;
  // Own keys only: `in` also finds Object.prototype's ("constructor", "toString", "__proto__"),
  // which are not schemas and made this function throw instead of answering.
  if (typeof type !== 'string' || !Object.hasOwn(messageSchemas, type)) return { ok: false, error: `unknown message type: ${String(type).slice(0, 60)}` };
  const { type: _t, ...payload } = message as Record<string, unknown>;
  const parsed = messageSchemas[type as MessageType].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid ${type}: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'malformed'}` };
  }
  return { ok: true, type: type as MessageType, payload: parsed.data as Record<string, unknown> };
}

export { DEFAULT_SETTINGS };
