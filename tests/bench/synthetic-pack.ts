/**
 * Synthetic fact packs for the benchmarks: the shipped pack grown to N facts by varying its real
 * facts. Each synthetic fact is a real one told of other actors and places (gazetteer entities
 * swapped in for the entities it names, in its frame, its actor/place details and its claim text),
 * with other numbers and dates, and a new id. Quotes stay the real, verbatim ones, so every pack
 * passes validatePack.
 *
 * So that a synthetic fact never takes a real sentence's verdict, every one also requires (one
 * extra frame group) the gazetteer entity that replaced the fact's first entity: a real sentence
 * about Belarus does not name, say, Kazakhstan, so the synthetic fact is retrieved (it shares the
 * real fact's stems, which is the load the benchmark wants) but its frame never holds there.
 *
 * Deterministic: the same base pack, size and seed give the same pack.
 */
import type { Detail, Entity, EntityKind, Fact, FactPack } from '../../src/facts/schema';

/** Small fast PRNG (mulberry32); deterministic across runs and machines. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Entity ids a fact refers to: frame alternatives (positive and negative), details, assertedBy. */
export function referencedEntities(fact: Fact): Set<string> {
  const ids = new Set<string>();
  for (const group of fact.frame) for (const alt of group) {
    const ref = alt.replace(/^!/, '');
    if (ref.startsWith('@')) ids.add(ref.slice(1));
  }
  for (const d of fact.details) if (d.kind === 'actor' || d.kind === 'place') ids.add(d.entity);
  if (fact.assertedBy !== 'outlet') ids.add(fact.assertedBy);
  return ids;
}

/**
 * The swap pool: entities no real fact refers to and that do not open the topic gate, i.e. the
 * gazetteer ("names SourceLight knows but no fact is about"), by kind.
 */
export function swapPool(pack: Pick<FactPack, 'entities' | 'facts'>, avoid: Iterable<string> = []): Map<EntityKind, Entity[]> {
  const used = new Set<string>(avoid);
  for (const f of pack.facts) for (const id of referencedEntities(f)) used.add(id);
  const pool = new Map<EntityKind, Entity[]>();
  for (const e of pack.entities) {
    if (used.has(e.id) || e.topic) continue;
    const list = pool.get(e.kind);
    if (list) list.push(e);
    else pool.set(e.kind, [e]);
  }
  return pool;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every spelling of `from` in `text` with the name (or adjective) of `to`. */
function swapNames(text: string, from: Entity, to: Entity): string {
  const adjective = to.adjectives[0] ?? to.name;
  const spellings = [
    ...[from.name, ...from.aliases].map((s) => [s, to.name] as const),
    ...from.adjectives.map((s) => [s, adjective] as const),
  ].sort((a, b) => b[0].length - a[0].length);
  let out = text;
  for (const [s, r] of spellings) {
    if (s.length < 2) continue;
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(s)}(?![\\p{L}\\p{N}])`, 'gu'), r);
  }
  return out;
}

const FACTORS = [0.5, 0.6, 0.75, 1.5, 2, 2.5, 3, 4];

function scaled(value: number, r: () => number): number {
  const f = FACTORS[Math.floor(r() * FACTORS.length)]!;
  const v = value * f;
  return v >= 10 ? Math.round(v) : Math.round(v * 100) / 100 || value + 1;
}

function shiftDate(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) + years;
  return `${year}${iso.slice(4)}`;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** One variant of `fact`, with entities swapped by `mapping` and numbers/dates varied. */
function variant(fact: Fact, id: string, mapping: Map<string, Entity>, entities: Map<string, Entity>, required: string, r: () => number): Fact {
  const swap = (ref: string) => mapping.get(ref)?.id ?? ref;
  const frame = fact.frame.map((group) => {
    const negative = group.every((a) => a.startsWith('!'));
    if (negative) return [...group];
    return group.map((alt) => (alt.startsWith('@') ? `@${swap(alt.slice(1))}` : alt));
  });
  frame.push([`@${required}`]);

  let claim = fact.claim;
  for (const [from, to] of mapping) {
    const e = entities.get(from);
    if (e) claim = swapNames(claim, e, to);
  }
  const yearShift = [-3, -2, -1, 1, 2, 3][Math.floor(r() * 6)]!;
  const details: Detail[] = fact.details.map((d): Detail => {
    switch (d.kind) {
      case 'actor':
      case 'place':
        return { ...d, entity: swap(d.entity) };
      case 'number': {
        const value = d.hedge === 'order' ? d.value * (r() < 0.5 ? 10 : 1) : scaled(d.value, r);
        if (value !== d.value) claim = claim.replace(fmt(d.value), fmt(value));
        return { ...d, value };
      }
      case 'percent': {
        const value = Math.min(99, Math.max(1, d.value + [-20, -10, -5, 5, 10][Math.floor(r() * 5)]!));
        claim = claim.replace(`${d.value}%`, `${value}%`);
        return { ...d, value };
      }
      case 'ratio':
        return { ...d, denominator: Math.max(2, Math.round(d.denominator * (r() < 0.5 ? 0.5 : 2))) };
      case 'ordinal':
        return { ...d, value: d.value + 1 + Math.floor(r() * 3) };
      case 'duration':
        return { ...d, value: scaled(d.value, r) };
      case 'date': {
        const value = shiftDate(d.value, yearShift);
        claim = claim.split(d.value.slice(0, 4)).join(value.slice(0, 4));
        return { ...d, value };
      }
    }
  });
  const asOf = shiftDate(fact.asOf, yearShift);
  return {
    ...fact,
    id,
    claim,
    frame,
    details,
    asOf,
    tags: [...fact.tags, 'synthetic'],
    corroborations: fact.corroborations.map((c) => ({ ...c })),
    caveats: [...fact.caveats],
    origin: 'bundled',
  };
}

export interface SyntheticOptions {
  seed?: number;
  /** Entity ids never swapped in (names the benchmark's real sentences mention). */
  avoid?: Iterable<string>;
}

/**
 * The pack grown to `size` facts (the real ones first, then variants, round-robin over the real
 * facts). A size at or below the real pack's returns the real pack.
 */
export function syntheticPack(base: FactPack, size: number, options: SyntheticOptions = {}): FactPack {
  if (size <= base.facts.length) return base;
  const r = rng(options.seed ?? 20_240_930);
  const entities = new Map(base.entities.map((e) => [e.id, e]));
  const pool = swapPool(base, options.avoid);
  const countries = pool.get('country') ?? [];
  const anyPool = [...pool.values()].flat();
  if (!countries.length || !anyPool.length) throw new Error('synthetic packs need gazetteer entities to swap in');
  const pick = (list: Entity[], taken: Set<string>): Entity => {
    for (let tries = 0; tries < 8; tries++) {
      const e = list[Math.floor(r() * list.length)]!;
      if (!taken.has(e.id)) return e;
    }
    return list.find((e) => !taken.has(e.id)) ?? list[0]!;
  };

  const facts: Fact[] = [...base.facts];
  const real = base.facts;
  for (let n = 0; facts.length < size; n++) {
    const fact = real[n % real.length]!;
    const k = Math.floor(n / real.length) + 1;
    // Positive frame references and details are swapped; negative groups and assertedBy stay.
    const refs = new Set<string>();
    for (const group of fact.frame) {
      if (group.every((a) => a.startsWith('!'))) continue;
      for (const alt of group) if (alt.startsWith('@')) refs.add(alt.slice(1));
    }
    for (const d of fact.details) if (d.kind === 'actor' || d.kind === 'place') refs.add(d.entity);
    const mapping = new Map<string, Entity>();
    const taken = new Set<string>();
    for (const ref of refs) {
      const kind = entities.get(ref)?.kind ?? 'country';
      const list = (pool.get(kind)?.length ?? 0) >= 3 ? pool.get(kind)! : countries;
      const to = pick(list, taken);
      taken.add(to.id);
      mapping.set(ref, to);
    }
    const first = [...mapping.values()][0] ?? pick(countries, taken);
    facts.push(variant(fact, `${fact.id}-syn-${k}`, mapping, entities, first.id, r));
  }
  return { ...base, name: `${base.name}-synthetic-${size}`, facts };
}
