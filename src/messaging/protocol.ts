/**
 * Every message between SourceLight's contexts, one map per direction. A message is
 * `{ type, ...payload }`; the map gives each type's payload and its reply. The background
 * validates what it receives (see src/background/validate-message.ts) and never trusts a sender.
 */
import type { Finding, SentenceSpan, Verdict } from '../core/types';
import type { Source } from '../facts/schema';
import type { Settings } from '../settings';
import type { HighlightLook } from '../page/highlight-names';
import type { PackedFindings } from './packed-findings';

export interface PageStatus {
  /** `off-topic`: the topic gate found nothing to check; `disabled`: site blocked or manual mode. */
  state: 'idle' | 'checking' | 'done' | 'off-topic' | 'disabled' | 'error';
  url: string;
  title: string;
  findings: Finding[];
  /** Characters of visible text read. */
  textLength: number;
  checkedAt?: string;
  error?: string;
}

export type VerdictCounts = Record<Verdict, number>;

/**
 * A status without its findings, as the content script reports it after each paint: the badge
 * needs only counts, and a page's full findings (megabytes on a long on-topic page) would cost
 * the page a long task to send each time. The popup asks the page itself for them.
 */
export interface PageSummary extends Omit<PageStatus, 'findings'> {
  counts: VerdictCounts;
}

/** Content script → background. */
export interface ContentToBackground {
  /**
   * Match the on-topic paragraphs of the page: the background picks their sentences and matches
   * them. Offsets are the content script's own (into its text), returned unchanged.
   */
  'check-paragraphs': { payload: { paragraphs: SentenceSpan[]; pageDate?: string }; reply: PackedFindings };
  /** Match sentences already picked (tests, tools); offsets are the sender's own, returned unchanged. */
  'check-sentences': { payload: { sentences: SentenceSpan[]; pageDate?: string }; reply: { findings: Finding[] } };
  /** The page's findings changed (badge, popup). Sent after painting. */
  'page-status': { payload: { status: PageSummary }; reply: { ok: true } };
  /** Should this page be checked automatically? */
  'get-page-config': { payload: { url: string }; reply: { autoCheck: boolean; settings: Settings; gateTerms: string[]; /** `gatePattern(gateTerms).source`. */ gatePattern: string; look: HighlightLook } };
  /** Inject the card's code into the sender's frame (first card opened on the page). */
  'load-card': { payload: Record<string, never>; reply: { ok: boolean } };
  /** Open the source viewer in a tab, at this source and fact's quote. */
  'open-source-viewer': { payload: { source: string; fact?: string }; reply: { ok: boolean } };
}

/** Popup, side panel, options and source viewer → background. */
export interface UiToBackground {
  'get-tab-status': { payload: { tabId: number }; reply: { status: PageStatus | null } };
  'check-tab-now': { payload: { tabId: number }; reply: { ok: boolean; error?: string } };
  'scroll-to-finding': { payload: { tabId: number; index: number }; reply: { ok: boolean } };
  /** Check free text (side panel drafts, quiz). */
  'check-text': { payload: { text: string; pageDate?: string }; reply: { findings: Finding[]; packVersion: string } };
  'list-sources': { payload: Record<string, never>; reply: { sources: Omit<Source, 'body'>[] } };
  'get-source': { payload: { id: string }; reply: { source: Source | null } };
  'get-settings': { payload: Record<string, never>; reply: { settings: Settings } };
  'set-settings': { payload: { settings: Partial<Settings> }; reply: { settings: Settings } };
  'get-pack-info': { payload: Record<string, never>; reply: { version: string; facts: number; imported: { name: string; version: string; facts: number; enabled: boolean }[] } };
  'import-pack': { payload: { json: string }; reply: { ok: true; name: string; facts: number } | { ok: false; problems: string[] } };
  'export-pack': { payload: { name: string }; reply: { json: string | null } };
  'remove-pack': { payload: { name: string }; reply: { ok: boolean } };
  'set-pack-enabled': { payload: { name: string; enabled: boolean }; reply: { ok: boolean } };
}

/** Background → content script. */
export interface BackgroundToContent {
  'check-page-now': { payload: Record<string, never>; reply: { ok: boolean } };
  'scroll-to-finding': { payload: { index: number }; reply: { ok: boolean } };
  /** `look`: the new style's rules, for pages that must restyle themselves. */
  'settings-changed': { payload: { settings: Settings; look: HighlightLook }; reply: { ok: true } };
  'get-status': { payload: Record<string, never>; reply: { status: PageStatus } };
}

export type MessageOf<M> = { [K in keyof M]: { type: K } & (M[K] extends { payload: infer P } ? P : never) }[keyof M];
export type ReplyOf<M, K extends keyof M> = M[K] extends { reply: infer R } ? R : never;
/** Replies that failed validation or threw carry an error instead. */
export interface ErrorReply {
  error: string;
}
