/** The core's public surface: what the background, the CLI, the side panel and tests use. */
export { createMatcher, type Matcher, type CheckOptions } from './matcher';
export { segmentSentences } from './segment';
export { createTopicGate, type TopicGate } from './topic-gate';
export type { Finding, Verdict, SentenceSpan, DetailComparison, SourceRef, FactRef } from './types';
