/**
 * Turns the command line's operands into the inputs to read: plain paths stay as given (even
 * missing ones, so the reader reports "cannot read" for them), globs are expanded with
 * tinyglobby (Node 20's fs.globSync is not stable), `-` is stdin.
 */
import { existsSync } from 'node:fs';
import { globSync } from 'tinyglobby';

export interface Operand {
  /** Path as given or as matched, or `-` for stdin. */
  path: string;
}

export interface Expansion {
  inputs: Operand[];
  /** Globs that matched no file: reported as unreadable, since the user expected input. */
  unmatched: string[];
  /** True when the output should be the several-files shape: more than one operand, or a glob. */
  several: boolean;
}

const GLOB_CHARS = /[*?[\]{}]/;

export function isGlob(operand: string): boolean {
  return operand !== '-' && GLOB_CHARS.test(operand) && !existsSync(operand);
}

export function expandOperands(operands: string[], cwd = process.cwd()): Expansion {
  const inputs: Operand[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  let globs = 0;
  for (const op of operands) {
    if (!isGlob(op)) {
      inputs.push({ path: op });
      continue;
    }
    globs += 1;
    const matches = globSync(op, { cwd, onlyFiles: true, dot: false, expandDirectories: false }).sort();
    if (!matches.length) unmatched.push(op);
    for (const m of matches) {
      if (seen.has(m)) continue;
      seen.add(m);
      inputs.push({ path: m });
    }
  }
  return { inputs, unmatched, several: operands.length > 1 || globs > 0 };
}
