/**
 * Checks a fact pack beyond its shape: the rules that make facts *vetted* rather than merely
 * well-formed. Pure, so the build, the importer and the options page all apply the same rules.
 */
import type { z } from 'zod/mini';

type ZodError = z.core.$ZodError;
import { packSchema, type FactPack, type PackInput } from './schema';

export interface PackProblem {
  /** Where: a file name when known, else the path inside the pack ("facts[3].quote"). */
  where: string;
  /** The fact, entity or source id concerned, when there is one. */
  id?: string;
  message: string;
}

export type PackResult =
  | { ok: true; pack: FactPack }
  | { ok: false; problems: PackProblem[] };

/** Limits for imported packs; the bundled pack is far below them. */
export const PACK_LIMITS = {
  facts: 20_000,
  sources: 2_000,
  entities: 5_000,
  /** Characters in one source body. */
  sourceBody: 500_000,
} as const;

/**
 * Optional map from an item's place in the pack ("facts[12]") to the file it came from, so that
 * messages name the file a person edits.
 */
export type Origins = Record<string, string>;

export function formatZodIssues(error: ZodError, data: unknown, origins: Origins = {}): PackProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const top = path.length >= 2 ? `${path[0]}[${path[1]}]` : path.join('.');
    const item = path.length >= 2 ? pick(data, path.slice(0, 2)) : undefined;
    const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined;
    const field = path.slice(2).join('.');
    return {
      where: origins[top] ?? top,
      id,
      message: `${field ? `${field}: ` : ''}${issue.message}`,
    };
  });
}

function pick(data: unknown, path: string[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * Ids a pack may use without defining them: a user pack that imports into an extension can name
 * the bundled entities ("@icc") and cite the bundled sources.
 */
export interface KnownIds {
  entities?: Iterable<string>;
  sources?: Map<string, { body: string }>;
}

/** Validates shape and vetting rules; never throws. */
export function validatePack(input: PackInput | unknown, origins: Origins = {}, known: KnownIds = {}): PackResult {
  const parsed = packSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: formatZodIssues(parsed.error, input, origins) };
  const pack = parsed.data;
  const problems: PackProblem[] = [];
  const where = (list: string, i: number) => origins[`${list}[${i}]`] ?? `${list}[${i}]`;

  if (pack.facts.length > PACK_LIMITS.facts) problems.push({ where: 'facts', message: `too many facts: ${pack.facts.length} (at most ${PACK_LIMITS.facts})` });
  if (pack.sources.length > PACK_LIMITS.sources) problems.push({ where: 'sources', message: `too many sources: ${pack.sources.length} (at most ${PACK_LIMITS.sources})` });
  if (pack.entities.length > PACK_LIMITS.entities) problems.push({ where: 'entities', message: `too many entities: ${pack.entities.length} (at most ${PACK_LIMITS.entities})` });

  const sources = new Map<string, { body: string }>(known.sources ?? []);
  pack.sources.forEach((s, i) => {
    if (sources.has(s.id) && !known.sources?.has(s.id)) problems.push({ where: where('sources', i), id: s.id, message: `duplicate source id "${s.id}"` });
    if (s.body.length > PACK_LIMITS.sourceBody) problems.push({ where: where('sources', i), id: s.id, message: `source body too long: ${s.body.length} characters (at most ${PACK_LIMITS.sourceBody})` });
    sources.set(s.id, s);
  });
  const knownEntities = new Set(known.entities ?? []);
  const entities = new Set<string>(knownEntities);
  pack.entities.forEach((e, i) => {
    if (entities.has(e.id) && !knownEntities.has(e.id)) problems.push({ where: where('entities', i), id: e.id, message: `duplicate entity id "${e.id}"` });
    entities.add(e.id);
  });

  pack.entities.forEach((e, i) => {
    if (e.within && !entities.has(e.within)) problems.push({ where: where('entities', i), id: e.id, message: `within: unknown entity "${e.within}"` });
  });

  const factIds = new Set<string>();
  pack.facts.forEach((f, i) => {
    const at = where('facts', i);
    const report = (message: string) => problems.push({ where: at, id: f.id, message });
    if (factIds.has(f.id)) report(`duplicate fact id "${f.id}"`);
    factIds.add(f.id);

    for (const [label, q] of [['quote', f.quote], ...f.corroborations.map((c, k) => [`corroborations[${k}]`, c] as const)] as const) {
      const src = sources.get(q.source);
      if (!src) report(`${label}: unknown source "${q.source}"`);
      else if (!src.body.includes(q.text)) report(`${label}: quote does not occur verbatim in source "${q.source}": "${truncate(q.text)}"`);
    }
    if (f.assertedBy !== 'outlet' && !entities.has(f.assertedBy)) report(`assertedBy: unknown entity "${f.assertedBy}"`);
    f.frame.forEach((group, g) => {
      for (const alt of group) {
        const ref = alt.replace(/^!/, '');
        if (ref.startsWith('@') && !entities.has(ref.slice(1))) report(`frame[${g}]: unknown entity "${ref.slice(1)}"`);
      }
    });
    if (f.frame.every((group) => group.every((alt) => alt.startsWith('!')))) report('frame: needs at least one positive group');
    f.details.forEach((d, k) => {
      if ((d.kind === 'actor' || d.kind === 'place') && !entities.has(d.entity)) report(`details[${k}]: unknown entity "${d.entity}"`);
      if (d.kind === 'ratio' && d.denominator <= 0) report(`details[${k}]: ratio denominator must be positive`);
    });
  });

  return problems.length ? { ok: false, problems } : { ok: true, pack };
}

function truncate(s: string, n = 80): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

export function describeProblems(problems: PackProblem[]): string {
  return problems.map((p) => `${p.where}${p.id ? ` (${p.id})` : ''}: ${p.message}`).join('\n');
}
