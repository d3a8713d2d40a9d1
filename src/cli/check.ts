/**
 * `npm run --silent check -- [options] FILE...`: checks drafts, Markdown and HTML files with the
 * same core as the extension. See USAGE in ./args.ts and DESIGN.md's contract:
 * `--json FILE` prints `{"findings":[...]}`; exit 0 whatever the verdicts, non-zero only when a
 * file cannot be read (2), or with `--fail-on discrepancy` when something differs (1).
 *
 * Output is written with process.exitCode rather than process.exit(), so a large report piped
 * to another program is never cut short.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMatcher } from '../core';
import type { Finding } from '../core/types';
import { describeProblems, validatePack } from '../facts/validate-pack';
import { renderReport } from '../reports/render';
import { parseCheckArgs, USAGE, type CheckArgs } from './args';
import { expandOperands } from './expand-operands';
import { formatTextReport } from './format-text';
import { loadPackFromData } from './load-pack';
import { readInput, type CheckInput } from './read-input';
import { tidyMasked } from './mask-markdown';

export const EXIT_OK = 0;
export const EXIT_FOUND = 1;
export const EXIT_CANNOT_READ = 2;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

async function validatePackFile(file: string, io: Io): Promise<number> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    io.err(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
    return EXIT_CANNOT_READ;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
  } catch (err) {
    io.out(`${file}: not valid JSON: ${(err as Error).message}\n`);
    return EXIT_FOUND;
  }
  const result = validatePack(json);
  if (!result.ok) {
    io.out(`${file}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:\n`);
    io.out(`${describeProblems(result.problems).replace(/^/gm, '  ')}\n`);
    return EXIT_FOUND;
  }
  const p = result.pack;
  io.out(`${file}: valid fact pack "${p.name}" ${p.version}: ${p.facts.length} facts, ${p.sources.length} sources, ${p.entities.length} entities\n`);
  return EXIT_OK;
}

/**
 * Findings as the contract states them: `sentence` is always `text.slice(start, end)` of the
 * file's text. For Markdown the matcher saw the masked text, so the sentence is taken back from
 * the file (markup included); people-facing output shows the masked form, tidied.
 */
function asFileFindings(input: CheckInput, findings: Finding[]): Finding[] {
  if (input.kind !== 'markdown') return findings;
  return findings.map((f) => ({ ...f, sentence: input.text.slice(f.start, f.end) }));
}

/** Findings with the sentence as a person should read it (Markdown syntax gone). */
function forReading(r: FileResult): Finding[] {
  if (r.input.kind !== 'markdown') return r.findings;
  return r.findings.map((f) => ({ ...f, sentence: tidyMasked(r.input.checked.slice(f.start, f.end)) }));
}

interface FileResult {
  input: CheckInput;
  findings: Finding[];
}

function render(results: FileResult[], args: CheckArgs, several: boolean, packVersion: string, checkedAt: string): string {
  if (args.format === 'json') {
    // One file: exactly the DESIGN.md contract. Several: one entry per file, in order.
    if (!several) return `${JSON.stringify({ findings: results[0]?.findings ?? [] })}\n`;
    return `${JSON.stringify({ files: results.map((r) => ({ file: r.input.name, findings: r.findings })) })}\n`;
  }
  if (args.format === 'markdown') {
    return results
      .map((r) => renderReport({ title: `SourceLight check: ${r.input.name === '-' ? 'stdin' : r.input.name}`, checkedAt, packVersion, origin: r.input.name === '-' ? 'stdin' : r.input.name, findings: forReading(r) }, 'markdown'))
      .join('\n');
  }
  return results.map((r) => formatTextReport(r.input, forReading(r), packVersion)).join('\n');
}

export async function runCheck(argv: string[], io: Io = processIo): Promise<number> {
  const parsed = parseCheckArgs(argv);
  if (!parsed.ok) {
    io.err(`check: ${parsed.error}\n\n${USAGE}\n`);
    return EXIT_CANNOT_READ;
  }
  const args = parsed.args;
  if (args.mode === 'help') {
    io.out(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (args.mode === 'validate-pack') return validatePackFile(args.packFile!, io);

  const expansion = expandOperands(args.operands);
  let status = EXIT_OK;
  for (const glob of expansion.unmatched) {
    io.err(`${glob}: cannot read: no file matches this pattern\n`);
    status = EXIT_CANNOT_READ;
  }
  if (expansion.inputs.filter((i) => i.path === '-').length > 1) {
    io.err('check: "-" (stdin) can be given only once\n');
    return EXIT_CANNOT_READ;
  }

  // Inputs first: a missing file is reported as such even when the fact data is also broken.
  const inputs: CheckInput[] = [];
  for (const op of expansion.inputs) {
    const read = await readInput(op.path, args.stdinKind);
    if (read.ok) {
      inputs.push(read.input);
      if (read.input.truncated) io.err(`${read.input.name}: very long page; only its first part was checked, as in the browser\n`);
    } else {
      io.err(`${read.name === '-' ? '<stdin>' : read.name}: cannot read: ${read.reason}\n`);
      status = EXIT_CANNOT_READ;
    }
  }
  if (!inputs.length) return status;

  const load = loadPackFromData(args.dataDir);
  if (!load.ok) {
    io.err(`${load.message}\n`);
    return EXIT_CANNOT_READ;
  }
  const matcher = createMatcher(load.pack);
  const checkedAt = new Date().toISOString();
  const options = args.date ? { textDate: args.date } : undefined;
  const results: FileResult[] = inputs.map((input) => ({ input, findings: asFileFindings(input, matcher.checkText(input.checked, options)) }));

  if (results.length) io.out(render(results, args, expansion.several, matcher.packVersion, checkedAt));
  if (status === EXIT_OK && args.failOn === 'discrepancy' && results.some((r) => r.findings.some((f) => f.verdict === 'discrepancy'))) {
    status = EXIT_FOUND;
  }
  return status;
}

// Run only as a program, so tests can import runCheck without it reading their argv.
const isMain = process.argv[1] !== undefined && resolve(process.argv[1]).replace(/\.ts$/, '') === fileURLToPath(import.meta.url).replace(/\.ts$/, '');
if (isMain) runCheck(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`check: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = EXIT_CANNOT_READ;
  },
);
