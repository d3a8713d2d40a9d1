/**
 * `npm run build:pack`: validates data/ and writes the versioned pack the extension bundles.
 * Exits non-zero with one line per problem (file, id, what is wrong) so a broken edit never
 * reaches a build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fold } from '../core/normalize';
import { minimalTerms } from '../core/topic-gate';
import type { FactPack } from './schema';
import { loadDataDir } from './load-data';
import { describeProblems, validatePack } from './validate-pack';

export const DEFAULT_PACK_PATH = 'src/generated/fact-pack.json';

/**
 * The topic gate's terms: every spelling of the topic entities, as written and folded, so the
 * content script can test a page's raw text without folding it first.
 */
export function gateTerms(pack: FactPack): string[] {
  const terms = new Set<string>();
  for (const e of pack.entities) {
    if (!e.topic) continue;
    for (const name of [e.name, ...e.aliases, ...e.adjectives]) {
      if (name.length < 3) continue;
      terms.add(name.toLowerCase());
      terms.add(fold(name));
    }
  }
  return minimalTerms([...terms]);
}

export function buildPack(dataDir: string, outFile: string): { ok: true; facts: number; version: string } | { ok: false; message: string } {
  const load = loadDataDir(dataDir);
  if (load.problems.length) return { ok: false, message: describeProblems(load.problems) };
  const result = validatePack(load.input, load.origins);
  if (!result.ok) return { ok: false, message: describeProblems(result.problems) };
  mkdirSync(dirname(outFile), { recursive: true });
  // No build timestamp: the same data must give the same bytes, so builds are reproducible.
  writeFileSync(outFile, `${JSON.stringify(result.pack)}\n`);
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
