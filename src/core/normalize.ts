/**
 * Text folding for matching. Folding is length-preserving (one UTF-16 unit in, one out), so an
 * offset found in folded text is the same offset in the original: extractors can run on folded
 * text and still report what the page itself says.
 */

/** Letters that Unicode decomposition does not reduce to ASCII but readers treat as the same. */
const SPECIAL: Record<string, string> = {
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ø: 'o',
  Ø: 'o',
  ı: 'i',
  ß: 's',
  æ: 'a',
  œ: 'o',
  // Quotes, apostrophes and dashes in their many forms.
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u02BC': "'",
  '\u02B9': "'",
  '\u2032': "'",
  '`': "'",
  '´': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u202F': ' ',
  '\u200B': ' ',
  '\u00AD': ' ',
  // Cyrillic letters whose variants are one letter to a reader of names.
  ё: 'е',
  Ё: 'е',
  ў: 'у',
  Ў: 'у',
  і: 'и',
  І: 'и',
  й: 'и',
  Й: 'и',
  ы: 'и',
  Ы: 'и',
  э: 'е',
  Э: 'е',
};

const cache = new Map<string, string>();

function foldChar(c: string): string {
  const special = SPECIAL[c];
  if (special !== undefined) return special;
  const code = c.charCodeAt(0);
  if (code < 0x80) return c.toLowerCase();
  let out = cache.get(c);
  if (out === undefined) {
    const decomposed = c.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const mapped = decomposed.length === 1 ? (SPECIAL[decomposed] ?? decomposed) : c.toLowerCase();
    out = mapped.length === 1 ? mapped : c;
    if (cache.size < 4096) cache.set(c, out);
  }
  return out;
}

/**
 * Lower-cases and strips diacritics, unifies quotes, dashes and spaces, keeping the length.
 * Surrogate pairs are left as they are.
 */
export function fold(text: string): string {
  // ASCII lower-casing keeps length; every other unit goes through foldChar, which maps it to
  // exactly one unit already in lower case.
  return text.replace(NON_ASCII, foldUnit).toLowerCase();
}

const NON_ASCII = /[^\x00-\x7f]/g;

function foldUnit(c: string): string {
  const code = c.charCodeAt(0);
  // Surrogate halves are left as they are: names are never written in astral characters.
  if (code >= 0xd800 && code <= 0xdfff) return c;
  return foldChar(c);
}

export interface Token {
  /** Folded word, with a possessive `'s` removed. */
  word: string;
  /** UTF-16 offsets into the text, end exclusive (of the whole word as written). */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu;

/** Words of folded text. Hyphenated words give their parts too ("three-decade" → three, decade). */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  // Every sentence of a page passes here: plain words (nearly all) take no split and no regex.
  for (let m = WORD.exec(folded); m; m = WORD.exec(folded)) {
    const raw = m[0];
    const start = m.index;
    if ((raw.includes('-') || raw.includes('.')) && !isDigit(raw.charCodeAt(0))) {
      let offset = start;
      for (const part of raw.split(/[-.]/)) {
        if (part) tokens.push(makeToken(part, offset));
        offset += part.length + 1;
      }
      continue;
    }
    tokens.push(makeToken(raw, start));
  }
  return tokens;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function makeToken(raw: string, start: number): Token {
  const word = raw.includes("'") ? raw.replace(/'s$|'$/, '').replace(/'/g, '') : raw;
  return { word, start, end: start + raw.length };
}
