import type { Finding, SentenceSpan } from '../../../src/core/types';
import type { MessageListener, RuntimeLike } from '../../../src/page/background-client';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings';
import { CARD_MODULE_KEY } from '../../../src/page/card/card-module-key';
import { discrepancy } from './finding-fixture';
import { packFindings } from '../../../src/messaging/packed-findings';
import GATE_TERMS from '../../../src/generated/gate-terms.json';
import { segmentSentences } from '../../../src/core/segment';
import { sentencesOfParagraphs } from '../../../src/core/select-sentences';
import { createTopicGate, gatePattern } from '../../../src/core/topic-gate';
import type { HighlightLook } from '../../../src/page/highlight-names';
import { highlightLook } from '../../../src/page/highlight-styles';

const gate = createTopicGate([...GATE_TERMS]);

/** The sentences the real background picks from the paragraphs a page sent, with the page's offsets. */
export function sentencesIn(paragraphs: SentenceSpan[]): SentenceSpan[] {
  return sentencesOfParagraphs(paragraphs, gate, segmentSentences);
}

export interface FakeBackground {
  runtime: RuntimeLike;
  /** Every request the content script sent, in order. */
  sent: { type: string; [key: string]: unknown }[];
  /** Sends a background → content message and resolves with the reply. */
  tell(message: unknown): Promise<unknown>;
  listeners: Set<MessageListener>;
  config: { autoCheck: boolean; settings: Settings; gateTerms: string[]; gatePattern: string; look: HighlightLook };
}

/**
 * A scripted background: it picks sentences from the paragraphs it is sent as the real one does;
 * those with "Poland referred" differ, "Lithuania referred" agree. Replies like the real router:
 * `{ findings }` with the offsets it was given.
 */
export function fakeBackground(overrides: { autoCheck?: boolean; settings?: Partial<Settings>; findingsFor?: (s: SentenceSpan) => Finding[] } = {}): FakeBackground {
  const sent: FakeBackground['sent'] = [];
  const listeners = new Set<MessageListener>();
  const settings = { ...DEFAULT_SETTINGS, ...overrides.settings };
  const config = { autoCheck: overrides.autoCheck ?? true, settings, gateTerms: [...GATE_TERMS], gatePattern: gatePattern(GATE_TERMS).source, look: highlightLook(settings.highlightStyle) };
  const findingsFor =
    overrides.findingsFor ??
    ((s: SentenceSpan): Finding[] => {
      if (s.text.includes('Poland referred')) return [discrepancy(s.text, s.start)];
      if (s.text.includes('Lithuania referred')) return [discrepancy(s.text, s.start, { verdict: 'agree', details: [] })];
      return [];
    });
  const runtime: RuntimeLike = {
    async sendMessage(message) {
      const m = message as FakeBackground['sent'][number];
      sent.push(structuredClone(m));
      switch (m.type) {
        case 'get-page-config':
          return structuredClone(config);
        case 'check-paragraphs':
          return packFindings(sentencesIn(m.paragraphs as SentenceSpan[]).flatMap(findingsFor));
        case 'page-status':
          return { ok: true };
        case 'load-card':
          // The real background injects /card.js into this world; here the module is there already.
          (globalThis as Record<string, unknown>)[CARD_MODULE_KEY] = await import('../../../src/page/card/card-controller');
          return { ok: true };
        default:
          return { error: 'unknown' };
      }
    },
    onMessage: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
    getURL: (path) => `chrome-extension://test-id${path}`,
  };
  return {
    runtime,
    sent,
    listeners,
    config,
    tell: (message) =>
      new Promise((resolve) => {
        let answered = false;
        for (const l of listeners) {
          if (l(message, {}, resolve) === true) answered = true;
        }
        if (!answered) resolve(undefined);
      }),
  };
}
