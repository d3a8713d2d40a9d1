/**
 * `npm run build:pack`: validates data/ and writes the versioned pack the extension bundles.
 * Exits non-zero with one line per problem (file, id, what is wrong) so a broken edit never
 * reaches a build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gateTermsFor } from '../core/topic-gate';
import type { FactPack } from './schema';
import { loadDataDir } from './load-data';
import { describeProblems, validatePack } from './validate-pack';

export const DEFAULT_PACK_PATH = 'src/generated/fact-pack.json';

/**
 * The pack without the values the schema fills in by default (empty lists, `polarity: true`,
 * `hedge: exact`...): about a tenth smaller in the extension. Loading parses it with the same
 * schema, which puts them back.
 */
export function compactPack(pack: FactPack): unknown {
  const drop = (o: Record<string, unknown>, defaults: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      const d = defaults[k];
      if (Array.isArray(v) && v.length === 0 && Array.isArray(d)) continue;
      if (d !== undefined && !Array.isArray(d) && v === d) continue;
      out[k] = v;
    }
    return out;
  };
  return {
    ...pack,
    sources: pack.sources.map((s) => drop(s, { urlIsArticle: true, notes: [] })),
    entities: pack.entities.map((e) => drop(e, { aliases: [], adjectives: [], topic: false })),
    facts: pack.facts.map((f) => ({
      ...drop(f, { corroborations: [], details: [], polarity: true, caveats: [], tags: [], origin: 'bundled' }),
      ...(f.details.length ? { details: f.details.map((d) => drop(d, { hedge: 'exact', cumulative: false })) } : {}),
    })),
  };
}

/** The topic gate's terms, for tests and tools that want them without the pack. */
export const gateTerms = (pack: FactPack): string[] => gateTermsFor(pack.entities);

export function buildPack(dataDir: string, outFile: string): { ok: true; facts: number; version: string } | { ok: false; message: string } {
  const load = loadDataDir(dataDir);
  if (load.problems.length) return { ok: false, message: describeProblems(load.problems) };
  const result = validatePack(load.input, load.origins);
  if (!result.ok) return { ok: false, message: describeProblems(result.problems) };
  mkdirSync(dirname(outFile), { recursive: true });
  // No build timestamp: the same data must give the same bytes, so builds are reproducible.
  writeFileSync(outFile, `${JSON.stringify(compactPack(result.pack))}\n`);
  writeFileSync(join(dirname(outFile), 'gate-terms.json'), `${JSON.stringify(gateTerms(result.pack))}\n`);
  return { ok: true, facts: result.pack.facts.length, version: result.pack.version };
}

const isMain = process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '') === resolve(import.meta.filename ?? '').replace(/\.ts$/, '');
if (isMain) {
  const dataDir = resolve(process.argv[2] ?? 'data');
  const out = resolve(process.argv[3] ?? DEFAULT_PACK_PATH);
  const res = buildPack(dataDir, out);
  if (!res.ok) {
    process.stderr.write(`Fact pack is invalid:\n${res.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Fact pack ${res.version}: ${res.facts} facts -> ${out}\n`);
}
