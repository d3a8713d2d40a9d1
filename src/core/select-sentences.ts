/**
 * Chooses which sentences of a text are checked: only those in paragraphs that name a
 * Belarus/ICC entity. A claim like "He won a fifth term." is checkable only in the paragraph
 * that says who "he" is. The background runs it on the paragraphs a page sends (the page only
 * picks paragraphs, see src/page/select-paragraphs.ts), so segmentation costs the page nothing.
 */
import type { SentenceSpan } from '../core/types';

export interface TopicTest {
  test(text: string): boolean;
}

export interface CandidateOptions {
  /** Most sentences per page; the message traffic and the matcher's work stay bounded. */
  maxSentences?: number;
  /** Shorter spans (UTF-16 units) are labels and captions, not claims. */
  minLength?: number;
  /** Longer spans are run-on junk (a table flattened into one "sentence"), not prose. */
  maxLength?: number;
  /**
   * A paragraph longer than this (units) is likely a wall of text without block markup; in it
   * only the sentences that name the topic, and their neighbours, are taken.
   */
  longParagraph?: number;
  /**
   * A long paragraph is read this many units at a time (one piece per step), so a page that is
   * one wall of text (a 10 MB text/plain file) never holds the main thread for one long task.
   */
  pieceLength?: number;
}

export interface CandidateScanner {
  /** Scans on until done or `shouldYield()` is true (asked after each paragraph, and each piece of a long one). */
  step(shouldYield?: () => boolean): boolean;
  /** Chosen sentences so far, in text order, offsets into the whole text. */
  readonly sentences: SentenceSpan[];
  /** The sentence cap was hit. */
  readonly truncated: boolean;
}

export function createCandidateScanner(
  text: string,
  gate: TopicTest,
  segment: (text: string) => SentenceSpan[],
  options: CandidateOptions = {},
): CandidateScanner {
  const maxSentences = options.maxSentences ?? 5000;
  const minLength = options.minLength ?? 12;
  const maxLength = options.maxLength ?? 2000;
  const longParagraph = options.longParagraph ?? 3000;
  const pieceLength = Math.max(options.pieceLength ?? 16_384, 2 * GATE_OVERLAP);
  const sentences: SentenceSpan[] = [];
  let at = 0;
  let truncated = false;
  /** The long paragraph being read piece by piece, if any. */
  let long: LongParagraph | null = null;

  function push(s: SentenceSpan): void {
    const size = s.end - s.start;
    if (size < minLength || size > maxLength) return;
    if (sentences.length >= maxSentences) {
      truncated = true;
      return;
    }
    sentences.push(s);
  }

  function take(paragraph: string, base: number): void {
    for (const s of segment(paragraph)) {
      push({ text: s.text, start: s.start + base, end: s.end + base });
      if (truncated) return;
    }
  }

  /**
   * In a long paragraph a sentence is taken when it or a neighbour names the topic. Sentences
   * arrive one at a time; the one before the newest is decided once the newest is known.
   */
  function feed(p: LongParagraph, s: SentenceSpan | null, on: boolean): void {
    if (p.prev) decide(p.prev, p.prevPrevOn || p.prev.on || on);
    p.prevPrevOn = p.prev?.on ?? false;
    p.prev = s ? { span: s, on } : { span: null, on };
  }

  function decide(held: Held, wanted: boolean): void {
    if (wanted && held.span) push(held.span);
  }

  /** Reads one piece of the long paragraph; true when the paragraph is done. */
  function readPiece(p: LongParagraph): boolean {
    if (p.gating) {
      // Is the topic named anywhere? Pieces overlap so a name across a cut is still found.
      const piece = text.slice(p.pos, Math.min(p.end, p.pos + pieceLength + GATE_OVERLAP));
      if (gate.test(piece)) {
        p.gating = false;
        p.pos = p.start;
        return false;
      }
      p.pos += pieceLength;
      return p.pos >= p.end;
    }
    const stop = Math.min(p.end, p.pos + pieceLength);
    const last = stop >= p.end;
    const spans = segment(text.slice(p.pos, stop));
    let next = stop;
    /** The piece ends inside a sentence too long ever to be taken. */
    let tooLong = false;
    const final = spans[spans.length - 1];
    if (!last && final) {
      if (spans.length > 1 || final.start > 0) {
        // The final sentence of a piece may be cut off: it is read again from its start.
        spans.pop();
        next = p.pos + final.start;
      } else if (final.end - final.start > maxLength) {
        spans.pop();
        tooLong = true;
      }
    }
    for (const s of spans) {
      if (p.insideLong) {
        // The end of a sentence longer than a piece: never a candidate, and not on topic.
        p.insideLong = false;
        feed(p, null, false);
        continue;
      }
      feed(p, { text: s.text, start: s.start + p.pos, end: s.end + p.pos }, gate.test(s.text));
      if (truncated) return true;
    }
    if (tooLong) p.insideLong = true;
    p.pos = next;
    if (!last) return false;
    if (p.prev) decide(p.prev, p.prevPrevOn || p.prev.on);
    return true;
  }

  function step(shouldYield?: () => boolean): boolean {
    while (!truncated) {
      if (long) {
        if (readPiece(long)) long = null;
      } else {
        if (at >= text.length) break;
        const cut = text.indexOf('\n\n', at);
        const end = cut < 0 ? text.length : cut;
        if (end - at > longParagraph) {
          long = { start: at, end, pos: at, gating: true, insideLong: false, prev: null, prevPrevOn: false };
        } else {
          const paragraph = text.slice(at, end);
          if (gate.test(paragraph)) take(paragraph, at);
        }
        at = end + 2;
      }
      if (shouldYield?.()) break;
    }
    return (at >= text.length && !long) || truncated;
  }

  return {
    step,
    sentences,
    get truncated() {
      return truncated;
    },
  };
}

/** Longer than any gate term, so a name across a piece boundary is still seen whole. */
const GATE_OVERLAP = 256;

interface Held {
  /** Null for the end of a sentence too long to take. */
  span: SentenceSpan | null;
  on: boolean;
}

interface LongParagraph {
  start: number;
  end: number;
  /** Where the next piece starts. */
  pos: number;
  /** Still looking for the topic anywhere in the paragraph (cheap); then reading sentences. */
  gating: boolean;
  /** The piece starts inside a sentence that began in an earlier piece. */
  insideLong: boolean;
  /** The last sentence read, not yet decided, and whether the one before it was on topic. */
  prev: Held | null;
  prevPrevOn: boolean;
}

/**
 * The sentences worth checking in paragraphs a page sent, with the page's offsets: what the
 * background does with a `check-paragraphs` message.
 */
export function sentencesOfParagraphs(paragraphs: readonly SentenceSpan[], gate: TopicTest, segment: (text: string) => SentenceSpan[]): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const p of paragraphs) {
    for (const s of selectCandidates(p.text, gate, segment)) out.push({ text: s.text, start: s.start + p.start, end: s.end + p.start });
  }
  return out;
}

/** All candidates at once (tests, small blocks). */
export function selectCandidates(text: string, gate: TopicTest, segment: (text: string) => SentenceSpan[], options?: CandidateOptions): SentenceSpan[] {
  const scanner = createCandidateScanner(text, gate, segment, options);
  scanner.step();
  return scanner.sentences;
}
