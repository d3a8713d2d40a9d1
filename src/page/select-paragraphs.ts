/**
 * Chooses which parts of a page's text go to the background: the paragraphs that name a
 * Belarus/ICC entity, whole, with their offsets. The background splits them into sentences
 * (src/core/select-sentences.ts); the page only tests each paragraph once with the topic gate,
 * so an on-topic page costs it no segmentation, and everything else stays on the page.
 */
import type { SentenceSpan } from '../core/types';

export interface TopicTest {
  test(text: string): boolean;
  /** See TopicGate.find: when present, the text is scanned once instead of once per paragraph. */
  find?(lower: string, from: number): { at: number; length: number } | null;
}

export interface ParagraphOptions {
  /** Most characters sent per page: the message traffic and the matcher's work stay bounded. */
  maxChars?: number;
  /** Shorter paragraphs (UTF-16 units, trimmed) are labels and captions, not claims. */
  minLength?: number;
  /**
   * A paragraph longer than this (units) is a wall of text without block markup (a 10 MB
   * text/plain file): it is cut into pieces of about this size, at a line or sentence end, and
   * each piece is tested and sent on its own, so no one task or message holds all of it.
   */
  pieceLength?: number;
}

export interface ParagraphScanner {
  /** Scans on until done or `shouldYield()` is true (asked after each paragraph or piece). */
  step(shouldYield?: () => boolean): boolean;
  /** Chosen paragraphs (or pieces) so far, in text order, offsets into the whole text. */
  readonly paragraphs: SentenceSpan[];
  /** The character cap was hit. */
  readonly truncated: boolean;
}

export function createParagraphScanner(text: string, gate: TopicTest, options: ParagraphOptions = {}): ParagraphScanner {
  const maxChars = options.maxChars ?? 750_000;
  const minLength = options.minLength ?? 12;
  const pieceLength = Math.max(options.pieceLength ?? 8192, 256);
  const paragraphs: SentenceSpan[] = [];
  let sent = 0;
  let at = 0;
  let truncated = false;
  /** Where the paragraph being read ends (it may be read piece by piece). */
  let end = -1;
  /** The whole text lower-cased, once; null where lower-casing changed its length (offsets would shift). */
  let lower: string | null | undefined;
  /** The next term in `lower` at or after the last paragraph's start (undefined: not looked for yet). */
  let hit: { at: number; length: number } | null | undefined;

  /**
   * Whether the gate passes text[start, stop), as `gate.test` on that slice would say. A term
   * found in the whole text inside the slice passes it too; where the slice's edges could make
   * the answers differ (a letter just outside, a term running across its end), the slice itself
   * is tested. Paragraph edges are white space, so that is rare.
   */
  function passes(start: number, stop: number): boolean {
    if (lower === undefined) lower = gate.find && text.length ? (text.toLowerCase() as string) : null;
    if (lower === null || lower.length !== text.length) {
      lower = null;
      return gate.test(text.slice(start, stop));
    }
    if (hit === undefined || (hit && hit.at < start)) hit = gate.find!(lower, start);
    if (hit && hit.at + hit.length <= stop) return true;
    const edgy = (start > 0 && isWordChar(text, start - 1)) || (stop < text.length && isWordChar(text, stop)) || (hit !== null && hit.at < stop);
    return edgy ? gate.test(text.slice(start, stop)) : false;
  }

  function offer(start: number, stop: number): void {
    // Trimmed, so offsets name text and a blank piece is never sent.
    while (start < stop && isSpace(text.charCodeAt(start))) start++;
    while (stop > start && isSpace(text.charCodeAt(stop - 1))) stop--;
    if (stop - start < minLength) return;
    if (!passes(start, stop)) return;
    const piece = text.slice(start, stop);
    if (sent + piece.length > maxChars) {
      truncated = true;
      return;
    }
    sent += piece.length;
    paragraphs.push({ text: piece, start, end: stop });
  }

  function step(shouldYield?: () => boolean): boolean {
    while (!truncated && at < text.length) {
      if (end < at) {
        const cut = text.indexOf('\n\n', at);
        end = cut < 0 ? text.length : cut;
      }
      const stop = end - at > pieceLength ? pieceCut(text, at, at + pieceLength) : end;
      offer(at, stop);
      at = stop >= end ? end + 2 : stop;
      if (shouldYield?.()) break;
    }
    return at >= text.length || truncated;
  }

  return {
    step,
    paragraphs,
    get truncated() {
      return truncated;
    },
  };
}

/**
 * Where to end a piece of a long paragraph that would end at `limit`: after the last line break
 * or full stop and space in its second half, so sentences reach the background whole; failing
 * both, at a space; failing that, at the limit.
 */
function pieceCut(text: string, start: number, limit: number): number {
  const floor = start + ((limit - start) >> 1);
  for (const [mark, skip] of [['\n', 1], ['. ', 2], [' ', 1]] as const) {
    const at = text.lastIndexOf(mark, limit - skip);
    if (at >= floor) return at + skip;
  }
  return limit;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(text: string, at: number): boolean {
  return WORD_CHAR.test(text[at]!);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160;
}
