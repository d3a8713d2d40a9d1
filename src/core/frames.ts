/**
 * Frames decide whether a sentence makes the same claim as a fact. A fact's frame is a list of
 * groups; the sentence must match one alternative of every positive group and none of a negative
 * one. Alternatives are entity references (`@lithuania`) or word stems and phrases ("refer",
 * "state party") matched by prefix on folded words.
 *
 * Fuzzy search (fuse.js) only widens *retrieval*: a misspelt "refferal" still finds the
 * referral facts. It never decides a verdict.
 */
import Fuse from 'fuse.js';
import type { Fact } from '../facts/schema';
import { fold, tokenize, type Token } from './normalize';

export interface CompiledAlternative {
  /** Entity id for `@` references. */
  entity?: string;
  /** Folded words of a phrase, each matched as a prefix. */
  words?: string[];
}

export interface CompiledGroup {
  negative: boolean;
  alternatives: CompiledAlternative[];
}

export interface CompiledFrame {
  groups: CompiledGroup[];
  /** Vocabulary stems this frame uses, for fuzzy retrieval. */
  stems: string[];
  entities: string[];
  /**
   * Keys ("@id" or a first stem) of each required group: a sentence that hits none of one
   * group's keys cannot match. The matcher indexes each fact under its most selective group.
   */
  groupKeys: string[][];
}

export function compileFrame(fact: Fact): CompiledFrame {
  const stems = new Set<string>();
  const entities = new Set<string>();
  const groups = fact.frame.map((group) => {
    const negative = group.length > 0 && group.every((a) => a.startsWith('!'));
    const alternatives = group.map((raw): CompiledAlternative => {
      const alt = raw.replace(/^!/, '');
      if (alt.startsWith('@')) {
        if (!negative) entities.add(alt.slice(1));
        return { entity: alt.slice(1) };
      }
      const words = tokenize(fold(alt)).map((t) => t.word);
      // Negative words join the vocabulary too, or an exclusion ("!warrant") could never fire;
      // only positive groups decide retrieval (groupKeys below).
      if (words[0]) stems.add(words[0]);
      return { words };
    });
    return { negative, alternatives };
  });
  const groupKeys = groups
    .filter((g) => !g.negative)
    .map((g) => [...new Set(g.alternatives.flatMap((a) => (a.entity ? [`@${a.entity}`] : a.words?.[0] ? [a.words[0]] : [])))]);
  return { groups, stems: [...stems], entities: [...entities], groupKeys };
}

/** Where each vocabulary stem occurs in a sentence, as token indexes. */
export type StemHits = Map<string, number[]>;

export interface Vocabulary {
  /** Token index → the stems it matches (by prefix, or fuzzily for long misspelt words). */
  hits(tokens: Token[]): StemHits;
}

const FUZZY_MIN_LENGTH = 7;
const FUZZY_THRESHOLD = 0.2;
const MEMO_LIMIT = 50_000;

export function buildVocabulary(stems: Iterable<string>): Vocabulary {
  const all = [...new Set(stems)].filter(Boolean);
  const byPrefix = new Map<string, string[]>();
  for (const s of all) {
    const key = s.slice(0, 2);
    const list = byPrefix.get(key);
    if (list) list.push(s);
    else byPrefix.set(key, [s]);
  }
  const fuzzyStems = all.filter((s) => s.length >= FUZZY_MIN_LENGTH - 1);
  // A fuzzy hit must start with the word's first three letters and be within three letters of
  // its length (see stemsFor); where no stem could be one, the search is skipped: same result,
  // and most words of a page never reach fuse.js.
  const fuzzyLengths = new Map<string, number[]>();
  for (const s of fuzzyStems) {
    const list = fuzzyLengths.get(s.slice(0, 3));
    if (list) list.push(s.length);
    else fuzzyLengths.set(s.slice(0, 3), [s.length]);
  }
  const mayHaveFuzzyHit = (word: string) => (fuzzyLengths.get(word.slice(0, 3)) ?? []).some((n) => Math.abs(n - word.length) <= 3);
  const fuse = new Fuse(fuzzyStems, {
    includeScore: true,
    threshold: FUZZY_THRESHOLD,
    ignoreDiacritics: true,
    ignoreLocation: true,
    minMatchCharLength: FUZZY_MIN_LENGTH - 1,
  });
  // News text repeats its words: a word is looked up once per matcher, not once per sentence.
  const memo = new Map<string, string[]>();

  function stemsFor(word: string): string[] {
    const known = memo.get(word);
    if (known) return known;
    const found = (byPrefix.get(word.slice(0, 2)) ?? []).filter((s) => word.startsWith(s));
    if (!found.length && word.length >= FUZZY_MIN_LENGTH && !/\d/.test(word) && mayHaveFuzzyHit(word)) {
      for (const r of fuse.search(word, { limit: 3 })) {
        // A misspelling is about as long as the word it misspells, and starts like it: "retained"
        // is not a misspelt "detained".
        const close = (r.score ?? 1) <= FUZZY_THRESHOLD && Math.abs(r.item.length - word.length) <= 3;
        if (close && r.item.slice(0, 3) === word.slice(0, 3)) found.push(r.item);
      }
    }
    if (memo.size < MEMO_LIMIT) memo.set(word, found);
    return found;
  }

  return {
    hits(tokens) {
      const hits: StemHits = new Map();
      for (let i = 0; i < tokens.length; i++) {
        for (const s of stemsFor(tokens[i]!.word)) {
          const list = hits.get(s);
          if (list) list.push(i);
          else hits.set(s, [i]);
        }
      }
      return hits;
    },
  };
}

export interface FrameMatch {
  /** Token indexes of the words that matched keyword alternatives (not entities). */
  keywordTokens: number[];
  /**
   * Token indexes of the first group made only of words: the claim's predicate ("refer",
   * "arrest"), as opposed to context words ("protest"). Its place decides the claim's clause.
   */
  predicateTokens: number[];
}

/** Matches a frame against a sentence's stems and entity mentions; null when it does not hold. */
export function matchFrame(
  frame: CompiledFrame,
  tokens: Token[],
  stemHits: StemHits,
  entityTokens: Map<string, number[]>,
): FrameMatch | null {
  // Most retrieved facts fail on some group: a first pass that allocates nothing turns them
  // away (a phrase can only start where its first word hit).
  if (!mayMatch(frame, stemHits, entityTokens)) return null;
  const keywordTokens: number[] = [];
  let predicateTokens: number[] | undefined;
  for (const group of frame.groups) {
    let matched = false;
    const groupTokens: number[] = [];
    for (const alt of group.alternatives) {
      if (alt.entity) {
        if (entityTokens.has(alt.entity)) matched = true;
      } else if (alt.words?.length) {
        const at = phraseAt(alt.words, tokens, stemHits);
        if (at.length) {
          matched = true;
          if (!group.negative) groupTokens.push(...at);
        }
      }
      if (matched && group.negative) return null;
    }
    if (!matched && !group.negative) return null;
    keywordTokens.push(...groupTokens);
    if (!predicateTokens && !group.negative && group.alternatives.every((a) => !a.entity)) predicateTokens = groupTokens;
  }
  return { keywordTokens, predicateTokens: predicateTokens ?? keywordTokens };
}

/** False when some positive group cannot hold: none of its entities or first words occur. */
function mayMatch(frame: CompiledFrame, stemHits: StemHits, entityTokens: Map<string, number[]>): boolean {
  for (const group of frame.groups) {
    if (group.negative) continue;
    let possible = false;
    for (const alt of group.alternatives) {
      if (alt.entity ? entityTokens.has(alt.entity) : alt.words?.length && stemHits.has(alt.words[0]!)) {
        possible = true;
        break;
      }
    }
    if (!possible) return false;
  }
  return true;
}

/** Token indexes where a phrase starts, every word matched by prefix. */
function phraseAt(words: string[], tokens: Token[], stemHits: StemHits): number[] {
  const starts = stemHits.get(words[0]!) ?? [];
  if (words.length === 1) return starts;
  return starts.filter((i) => words.every((w, k) => tokens[i + k]?.word.startsWith(w)));
}
