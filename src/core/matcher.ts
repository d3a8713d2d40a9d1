import type { FactPack } from '../facts/schema';
import type { Finding, SentenceSpan } from './types';

export interface CheckOptions {
  /** ISO date of the text (article date), so that relative dates and as-of rules can apply. */
  textDate?: string;
}

export interface Matcher {
  readonly packVersion: string;
  /** Checks a whole text: segments it and returns findings with offsets into `text`. */
  checkText(text: string, options?: CheckOptions): Finding[];
  /** Checks given sentences; offsets are returned as given. */
  checkSentences(sentences: SentenceSpan[], options?: CheckOptions): Finding[];
}

export function createMatcher(pack: FactPack): Matcher {
  // Placeholder until the engine lands: finds nothing, which is the safe answer.
  return {
    packVersion: pack.version,
    checkText: () => [],
    checkSentences: () => [],
  };
}
