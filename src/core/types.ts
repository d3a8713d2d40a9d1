/**
 * What the matching engine returns. These types cross every boundary (background to content
 * script, popup, side panel, CLI, reports), so they are plain JSON: no classes, no Maps.
 */

export type Verdict = 'agree' | 'discrepancy' | 'related';

/** One compared detail, in words a reader understands. */
export interface DetailComparison {
  /** "number", "date", "ordinal", "actor", "place", "polarity", "percent", "ratio", "duration". */
  kind: string;
  /** What the detail is in the claim ("people who fled", "referral date"). */
  role: string;
  /** The page's value as written on the page ("October 2024"). */
  page: string;
  /** The source's value in words ("30 September 2024", "about 300,000"). */
  source: string;
  compatible: boolean;
  /** Why, when it is not obvious ("the page is dated after the count's as-of date"). */
  note?: string;
  /** For actor and place details, the entity the source names. */
  entityId?: string;
}

export interface SourceRef {
  id: string;
  title: string;
  publisher: string;
  /** ISO date of publication. */
  date: string;
  url: string;
  /** False when `url` is the publisher's site, not the article (no text fragment then). */
  urlIsArticle?: boolean;
}

export interface FactRef {
  id: string;
  claim: string;
  quote: string;
  /** Display name of who asserts it ("Viasna", "Pavieł Łatuška", "the outlet's own reporting"). */
  assertedBy: string;
  asOf: string;
  caveats: string[];
  sourceId: string;
}

export interface Finding {
  /** The sentence as it stands in the checked text. */
  sentence: string;
  /** Offsets into the checked text, in UTF-16 code units, end exclusive. */
  start: number;
  end: number;
  verdict: Verdict;
  /** Matched fact ids, best first. */
  facts: string[];
  sources: SourceRef[];
  /** The details compared against the best fact. Empty for `related`. */
  details: DetailComparison[];
  /** One or two sentences that say why ("The page says October 2024; ..."). */
  explanation: string;
  /** The best fact, for cards and reports. */
  fact: FactRef;
}

/** A sentence to check, with its place in the text it came from. */
export interface SentenceSpan {
  text: string;
  /** UTF-16 offsets into the whole text, end exclusive. */
  start: number;
  end: number;
}
