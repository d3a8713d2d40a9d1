import type { Finding, SentenceSpan } from '../../../src/core/types';
import type { MessageListener, RuntimeLike } from '../../../src/page/background-client';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings';
import { discrepancy } from './finding-fixture';

export interface FakeBackground {
  runtime: RuntimeLike;
  /** Every request the content script sent, in order. */
  sent: { type: string; [key: string]: unknown }[];
  /** Sends a background → content message and resolves with the reply. */
  tell(message: unknown): Promise<unknown>;
  listeners: Set<MessageListener>;
  config: { autoCheck: boolean; settings: Settings };
}

/**
 * A scripted background: sentences with "Poland referred" differ, "Lithuania referred" agree.
 * Replies like the real router: `{ findings }` with the offsets it was given.
 */
export function fakeBackground(overrides: { autoCheck?: boolean; settings?: Partial<Settings>; findingsFor?: (s: SentenceSpan) => Finding[] } = {}): FakeBackground {
  const sent: FakeBackground['sent'] = [];
  const listeners = new Set<MessageListener>();
  const config = { autoCheck: overrides.autoCheck ?? true, settings: { ...DEFAULT_SETTINGS, ...overrides.settings } };
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
        case 'check-sentences':
          return { findings: (m.sentences as SentenceSpan[]).flatMap(findingsFor) };
        case 'page-status':
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
