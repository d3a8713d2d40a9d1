/**
 * Finds entities in a sentence by any of their spellings. Names are matched on folded tokens,
 * so case, diacritics and quote styles never matter; short inflectional endings are accepted on
 * long names ("Lukashenka's", "Lithuanian", "Лукашенко", "Беларуси").
 */
import type { Entity, EntityKind } from '../facts/schema';
import { fold, tokenize, type Token } from './normalize';

export interface EntityMention {
  entity: string;
  kind: EntityKind;
  /** Token index range [first, last] in the sentence's tokens. */
  first: number;
  last: number;
  /** Character offsets in the sentence, end exclusive. */
  start: number;
  end: number;
}

interface AliasEntry {
  entity: string;
  kind: EntityKind;
  words: string[];
}

/** Endings that still name the same entity: possessives, demonyms, Slavic and Baltic cases. */
const MAX_SUFFIX = 4;
const MIN_STEM_FOR_SUFFIX = 5;

export interface EntityIndex {
  find(tokens: Token[]): EntityMention[];
  kindOf(id: string): EntityKind | undefined;
  nameOf(id: string): string;
  /** Every folded alias word that can start a name: the topic gate's vocabulary. */
  gateTerms(): string[];
  /** Whether one entity lies in or is part of the other, at any depth (Vilnius, Lithuania). */
  related(a: string, b: string): boolean;
  /** The country an entity lies in, or the entity itself when it is a country. */
  countryOf(id: string): string | undefined;
}

export function buildEntityIndex(entities: Entity[]): EntityIndex {
  const byFirst = new Map<string, AliasEntry[]>();
  const kinds = new Map<string, EntityKind>();
  const names = new Map<string, string>();
  /** First words of length ≥ MIN_STEM_FOR_SUFFIX, for inflected-form lookups by prefix. */
  const stems = new Map<string, AliasEntry[]>();

  const parent = new Map<string, string>();
  for (const e of entities) {
    if (e.within) parent.set(e.id, e.within);
    kinds.set(e.id, e.kind);
    names.set(e.id, e.name);
    const spellings = new Set([e.name, ...e.aliases, ...e.adjectives]);
    for (const s of spellings) {
      const words = tokenize(fold(s)).map((t) => t.word).filter(Boolean);
      if (!words.length) continue;
      const entry: AliasEntry = { entity: e.id, kind: e.kind, words };
      const first = words[0]!;
      push(byFirst, first, entry);
      if (first.length >= MIN_STEM_FOR_SUFFIX && words.length === 1) push(stems, first, entry);
    }
  }
  // Longer names first, so "Office of the Prosecutor" wins over "Office".
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

  // Words repeat across sentences: each is resolved once per index.
  const memo = new Map<string, AliasEntry[]>();
  const MEMO_LIMIT = 50_000;

  function candidates(word: string): AliasEntry[] {
    let found = memo.get(word);
    if (!found) {
      found = lookup(word);
      if (memo.size < MEMO_LIMIT) memo.set(word, found);
    }
    return found;
  }

  function lookup(word: string): AliasEntry[] {
    const exact = byFirst.get(word) ?? [];
    if (word.length < MIN_STEM_FOR_SUFFIX) return exact;
    const inflected: AliasEntry[] = [];
    for (let cut = 1; cut <= MAX_SUFFIX && word.length - cut >= MIN_STEM_FOR_SUFFIX; cut++) {
      const list = stems.get(word.slice(0, -cut));
      if (list) inflected.push(...list);
    }
    // Also a stem whose last letter changed under inflection ("Lukashenka" → "Lukashenki").
    for (let cut = 1; cut <= 2 && word.length - cut >= MIN_STEM_FOR_SUFFIX; cut++) {
      const base = word.slice(0, -cut);
      for (const [stem, list] of stemsByBase(base)) if (stem !== word) inflected.push(...list);
    }
    return exact.length ? [...exact, ...inflected] : inflected;
  }

  /** Stems equal to `base` plus one vowel ("lukashenk" + "a"/"o"). */
  function stemsByBase(base: string): [string, AliasEntry[]][] {
    const out: [string, AliasEntry[]][] = [];
    for (const v of ['a', 'o', 'e', 'i', 'y', 'а', 'о', 'е', 'и', 'ь', 'я']) {
      const list = stems.get(base + v);
      if (list) out.push([base + v, list]);
    }
    return out;
  }

  function ancestors(id: string): string[] {
    const out: string[] = [];
    // Bounded: a cycle in hand-edited data must not hang the engine.
    for (let cur = parent.get(id); cur && out.length < 8 && !out.includes(cur); cur = parent.get(cur)) out.push(cur);
    return out;
  }

  return {
    find(tokens) {
      const mentions: EntityMention[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const word = tokens[i]!.word;
        let best: { entry: AliasEntry; len: number } | undefined;
        for (const entry of candidates(word)) {
          const len = entry.words.length;
          if (best && len <= best.len) continue;
          let ok = true;
          for (let k = 1; k < len; k++) {
            const t = tokens[i + k];
            if (!t || !sameWord(t.word, entry.words[k]!)) {
              ok = false;
              break;
            }
          }
          if (ok) best = { entry, len };
        }
        if (best) {
          const last = i + best.len - 1;
          mentions.push({
            entity: best.entry.entity,
            kind: best.entry.kind,
            first: i,
            last,
            start: tokens[i]!.start,
            end: tokens[last]!.end,
          });
          i = last;
        }
      }
      return mentions;
    },
    kindOf: (id) => kinds.get(id),
    related(a, b) {
      return a === b || ancestors(a).includes(b) || ancestors(b).includes(a);
    },
    countryOf(id) {
      return [id, ...ancestors(id)].find((x) => kinds.get(x) === 'country');
    },
    nameOf: (id) => names.get(id) ?? id,
    gateTerms() {
      const terms = new Set<string>();
      for (const list of byFirst.values()) for (const a of list) {
        // The gate needs distinctive words: a common word alone ("office") would open it everywhere.
        const w = a.words.join(' ');
        if (w.length >= 3) terms.add(w);
      }
      return [...terms].sort();
    },
  };
}

/** Later words of a multi-word name may inflect too ("Office of the Prosecutor's"). */
function sameWord(page: string, alias: string): boolean {
  if (page === alias) return true;
  if (alias.length < MIN_STEM_FOR_SUFFIX) return false;
  return page.startsWith(alias) && page.length - alias.length <= MAX_SUFFIX;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
