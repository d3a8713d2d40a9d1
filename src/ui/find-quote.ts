/**
 * Finding a fact's quote in its source's body. The build checks that every quote occurs
 * verbatim, so the exact search nearly always succeeds; the tolerant search covers what a URL
 * round trip or an edited body can change: whitespace, letter case, curly quotes and dashes.
 */

export interface Range {
  start: number;
  end: number;
}

function foldChar(c: string): string {
  if (/\s/.test(c)) return ' ';
  switch (c) {
    case '\u2018':
    case '\u2019':
    case '\u201B':
    case '\u2032':
      return "'";
    case '\u201C':
    case '\u201D':
    case '\u201E':
    case '\u00AB':
    case '\u00BB':
      return '"';
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
    case '\u2014':
    case '\u2212':
      return '-';
    case '\u00AD': // soft hyphen: invisible
      return '';
    default:
      return c.toLowerCase();
  }
}

/** The folded text and, for each of its UTF-16 units, the index in `text` it came from. */
function fold(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    let f = foldChar(ch);
    if (f === ' ' && folded.endsWith(' ')) f = '';
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  return { folded, map };
}

/** Where `quote` occurs in `body` (first occurrence), or null. */
export function findQuote(body: string, quote: string): Range | null {
  const q = quote.trim();
  if (!q) return null;
  const exact = body.indexOf(q);
  if (exact >= 0) return { start: exact, end: exact + q.length };
  const b = fold(body);
  const fq = fold(q).folded.trim();
  if (!fq) return null;
  const at = b.folded.indexOf(fq);
  if (at < 0) return null;
  const start = b.map[at];
  const lastUnit = b.map[at + fq.length - 1];
  if (start === undefined || lastUnit === undefined) return null;
  // End after the whole code point of the last matched unit.
  const cp = body.codePointAt(lastUnit) ?? 0;
  return { start, end: lastUnit + (cp > 0xffff ? 2 : 1) };
}

export interface Paragraph {
  text: string;
  /** Offset of `text` in the body. */
  start: number;
}

/**
 * The body's paragraphs with their offsets: separated by blank lines when it has any, else by
 * line breaks. Text is not changed, so offsets from findQuote still apply.
 */
export function paragraphs(body: string): Paragraph[] {
  const sep = /\n[ \t]*\n/.test(body) ? /\n[ \t]*\n\s*/g : /\n\s*/g;
  const out: Paragraph[] = [];
  let last = 0;
  for (const m of body.matchAll(sep)) {
    const idx = m.index ?? 0;
    pushTrimmed(out, body, last, idx);
    last = idx + m[0].length;
  }
  pushTrimmed(out, body, last, body.length);
  return out;
}

function pushTrimmed(out: Paragraph[], body: string, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(body[s] ?? '')) s++;
  while (e > s && /\s/.test(body[e - 1] ?? '')) e--;
  if (e > s) out.push({ text: body.slice(s, e), start: s });
}

export interface Segment {
  text: string;
  marked: boolean;
}

/** A paragraph split into plain and marked pieces for a highlighted range of the body. */
export function segmentParagraph(p: Paragraph, range: Range | null): Segment[] {
  if (!range) return [{ text: p.text, marked: false }];
  const pEnd = p.start + p.text.length;
  const s = Math.max(range.start, p.start);
  const e = Math.min(range.end, pEnd);
  if (s >= e) return [{ text: p.text, marked: false }];
  const out: Segment[] = [];
  if (s > p.start) out.push({ text: p.text.slice(0, s - p.start), marked: false });
  out.push({ text: p.text.slice(s - p.start, e - p.start), marked: true });
  if (e < pEnd) out.push({ text: p.text.slice(e - p.start), marked: false });
  return out;
}
