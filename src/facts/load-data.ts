/**
 * Reads the human-edited files in data/ into one pack input (Node only: used by the build,
 * the CLI and tests, never by the extension, which gets the compiled pack).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Origins } from './validate-pack';

export interface DataLoad {
  input: Record<string, unknown>;
  origins: Origins;
  /** Problems found before schema validation (unreadable or malformed files). */
  problems: { where: string; message: string }[];
}

function readYaml(file: string, root: string, problems: DataLoad['problems']): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push({ where: relative(root, file), message: `cannot parse: ${(err as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

function asList(value: unknown, where: string, problems: DataLoad['problems']): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ where, message: 'expected a list of records' });
    return [];
  }
  return value as Record<string, unknown>[];
}

export function loadDataDir(dataDir: string): DataLoad {
  const root = join(dataDir, '..');
  const problems: DataLoad['problems'] = [];
  const origins: Origins = {};
  const rel = (f: string) => relative(root, f);

  const meta = (readYaml(join(dataDir, 'pack.yaml'), root, problems) ?? {}) as Record<string, unknown>;

  const sourcesFile = join(dataDir, 'sources.yaml');
  const sources = asList(readYaml(sourcesFile, root, problems), rel(sourcesFile), problems).map((s, i) => {
    origins[`sources[${i}]`] = rel(sourcesFile);
    const bodyFile = join(dataDir, 'sources', `${String(s.id)}.txt`);
    if (s.body === undefined) {
      if (existsSync(bodyFile)) return { ...s, body: readFileSync(bodyFile, 'utf8') };
      problems.push({ where: rel(sourcesFile), message: `source "${String(s.id)}": no body file ${rel(bodyFile)}` });
    }
    return s;
  });

  // entities.yaml: the names facts are about; gazetteer.yaml: other names the engine must know
  // to notice a swapped actor or place.
  const entities: Record<string, unknown>[] = [];
  for (const name of ['entities.yaml', 'gazetteer.yaml']) {
    const file = join(dataDir, name);
    if (!existsSync(file)) continue;
    for (const e of asList(readYaml(file, root, problems), rel(file), problems)) {
      origins[`entities[${entities.length}]`] = rel(file);
      entities.push(e);
    }
  }

  const facts: Record<string, unknown>[] = [];
  const factsDir = join(dataDir, 'facts');
  const files = existsSync(factsDir) ? readdirSync(factsDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  for (const name of files) {
    const file = join(factsDir, name);
    for (const fact of asList(readYaml(file, root, problems), rel(file), problems)) {
      origins[`facts[${facts.length}]`] = rel(file);
      facts.push(fact);
    }
  }

  return { input: { ...meta, sources, entities, facts }, origins, problems };
}
