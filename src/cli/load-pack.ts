/**
 * The CLI's fact pack, read straight from data/ (YAML) and validated with the same rules as the
 * build, so `check` never needs `npm run build:pack` first and never uses a stale pack.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FactPack } from '../facts/schema';
import { loadDataDir } from '../facts/load-data';
import { describeProblems, validatePack } from '../facts/validate-pack';

/** The repository's data/, found from this file so the CLI works from any directory. */
export const DEFAULT_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');

export type PackLoad = { ok: true; pack: FactPack } | { ok: false; message: string };

export function loadPackFromData(dataDir = DEFAULT_DATA_DIR): PackLoad {
  if (!existsSync(dataDir)) return { ok: false, message: `no fact data directory at ${dataDir}` };
  const load = loadDataDir(dataDir);
  if (load.problems.length) return { ok: false, message: `The fact data in ${dataDir} cannot be read:\n${describeProblems(load.problems)}` };
  const result = validatePack(load.input, load.origins);
  if (!result.ok) return { ok: false, message: `The fact data in ${dataDir} is invalid (fix it, then run again):\n${describeProblems(result.problems)}` };
  return { ok: true, pack: result.pack };
}
