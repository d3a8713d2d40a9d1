/**
 * Schemas for every message the background accepts. Nothing from a content script is trusted:
 * a page can be hostile, and a compromised renderer can send anything the content script can.
 */
import { z } from 'zod';
import { DEFAULT_SETTINGS } from '../settings';

/** Caps that keep one message cheap to check whatever a page contains. */
export const MESSAGE_LIMITS = {
  sentences: 500,
  sentenceLength: 4_000,
  textLength: 1_000_000,
  packJson: 20_000_000,
  findings: 5_000,
} as const;

const sentence = z.object({
  text: z.string().max(MESSAGE_LIMITS.sentenceLength),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const empty = z.object({}).passthrough();
const tabId = z.number().int().nonnegative();
const hostname = z.string().max(253).regex(/^[a-z0-9.-]+$/i);
const settingsPatch = z
  .object({
    mode: z.enum(['auto', 'manual']),
    allowSites: z.array(hostname).max(1000),
    blockSites: z.array(hostname).max(1000),
    showRelated: z.boolean(),
    highlightStyle: z.enum(['default', 'high-contrast', 'underline-only']),
  })
  .partial()
  .strict();

/** Findings come back from content scripts for the badge and popup; only their shape matters. */
const finding = z
  .object({
    sentence: z.string().max(MESSAGE_LIMITS.sentenceLength),
    start: z.number(),
    end: z.number(),
    verdict: z.enum(['agree', 'discrepancy', 'related']),
    facts: z.array(z.string()).max(100),
  })
  .passthrough();

export const messageSchemas = {
  'check-sentences': z.object({ sentences: z.array(sentence).max(MESSAGE_LIMITS.sentences), pageDate: isoDate.optional() }),
  'page-status': z.object({
    status: z
      .object({
        state: z.enum(['idle', 'checking', 'done', 'off-topic', 'disabled', 'error']),
        url: z.string().max(8_192),
        title: z.string().max(2_000),
        findings: z.array(finding).max(MESSAGE_LIMITS.findings),
        textLength: z.number().nonnegative(),
        checkedAt: z.string().optional(),
        error: z.string().max(2_000).optional(),
      })
      .passthrough(),
  }),
  'get-page-config': z.object({ url: z.string().max(8_192) }),
  'load-card': empty,
  'open-source-viewer': z.object({ source: z.string().max(200), fact: z.string().max(200).optional() }),
  'get-tab-status': z.object({ tabId }),
  'check-tab-now': z.object({ tabId }),
  'scroll-to-finding': z.object({ tabId, index: z.number().int().nonnegative() }),
  'check-text': z.object({ text: z.string().max(MESSAGE_LIMITS.textLength), pageDate: isoDate.optional() }),
  'list-sources': empty,
  'get-source': z.object({ id: z.string().max(200) }),
  'get-settings': empty,
  'set-settings': z.object({ settings: settingsPatch }),
  'get-pack-info': empty,
  'import-pack': z.object({ json: z.string().max(MESSAGE_LIMITS.packJson) }),
  'export-pack': z.object({ name: z.string().max(200) }),
  'remove-pack': z.object({ name: z.string().max(200) }),
  'set-pack-enabled': z.object({ name: z.string().max(200), enabled: z.boolean() }),
} as const;

export type MessageType = keyof typeof messageSchemas;

/** Messages a content script may send; the rest come only from extension pages. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set(['check-sentences', 'page-status', 'get-page-config', 'load-card', 'open-source-viewer']);

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
