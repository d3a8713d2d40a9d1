/**
 * The `check` command's options, parsed with node:util's parseArgs (stable in Node 20) so the
 * CLI needs no argument library. Usage errors are returned, not thrown, so the caller prints
 * them with the usage line and exits 2.
 */
import { parseArgs } from 'node:util';

export type OutputFormat = 'text' | 'json' | 'markdown';
export type InputKind = 'text' | 'markdown' | 'html';

export interface CheckArgs {
  mode: 'check' | 'validate-pack' | 'help';
  /** Files, globs, or `-` for stdin, in the order given. */
  operands: string[];
  format: OutputFormat;
  /** Exit 1 when a finding of this verdict is found. */
  failOn?: 'discrepancy';
  /** ISO date of the text, for as-of rules: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  /** The pack file to validate (`--validate-pack`). */
  packFile?: string;
  /** data/ directory to load the facts from; default: the repository's data/. */
  dataDir?: string;
  /** How to read stdin (files are read by their extension). */
  stdinKind?: InputKind;
}

export const USAGE = `Usage: npm run --silent check -- [options] FILE...
       npm run --silent check -- --validate-pack PACK.json

Checks text, Markdown or HTML files (or stdin with "-") against SourceLight's vetted facts.
FILE may be a glob ("drafts/**/*.md"; quote it so the shell leaves it alone).

Options:
  --format text|json|markdown  output (default text, for people)
  --json                       same as --format json: {"findings":[...]} for one file,
                               {"files":[{"file","findings"}]} for several files or a glob
  --fail-on discrepancy        exit 1 when any sentence differs from the sources
  --date YYYY-MM-DD            the text's date (relative dates, counts that grow over time)
  --stdin-type text|markdown|html
                               how to read "-" (default: HTML when it looks like HTML)
  --data DIR                   fact data directory (default: the repository's data/)
  --validate-pack FILE.json    validate a fact pack file and list its problems
  -h, --help                   this help

Exit status: 0 whatever the verdicts; 1 with --fail-on when such a finding exists, or when
--validate-pack finds problems; 2 when a file cannot be read, the facts are invalid, or the
options are wrong.`;

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'markdown'];
const KINDS: readonly InputKind[] = ['text', 'markdown', 'html'];
const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function parseCheckArgs(argv: string[]): { ok: true; args: CheckArgs } | { ok: false; error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        date: { type: 'string' },
        'validate-pack': { type: 'string' },
        data: { type: 'string' },
        'stdin-type': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const v = parsed.values;
  if (v.help) return { ok: true, args: { mode: 'help', operands: [], format: 'text' } };

  let format: OutputFormat = 'text';
  if (v.format !== undefined) {
    if (!FORMATS.includes(v.format as OutputFormat)) return { ok: false, error: `--format must be one of ${FORMATS.join(', ')} (got "${v.format}")` };
    format = v.format as OutputFormat;
  }
  if (v.json) {
    if (v.format !== undefined && v.format !== 'json') return { ok: false, error: `--json contradicts --format ${v.format}` };
    format = 'json';
  }
  if (v['fail-on'] !== undefined && v['fail-on'] !== 'discrepancy') return { ok: false, error: `--fail-on takes "discrepancy" (got "${v['fail-on']}")` };
  if (v.date !== undefined && !ISO_DATE.test(v.date)) return { ok: false, error: `--date must be YYYY-MM-DD, YYYY-MM or YYYY (got "${v.date}")` };
  const stdinKind = v['stdin-type'];
  if (stdinKind !== undefined && !KINDS.includes(stdinKind as InputKind)) return { ok: false, error: `--stdin-type must be one of ${KINDS.join(', ')} (got "${stdinKind}")` };

  const base = {
    format,
    failOn: v['fail-on'] as 'discrepancy' | undefined,
    date: v.date,
    dataDir: v.data,
    stdinKind: stdinKind as InputKind | undefined,
  };
  if (v['validate-pack'] !== undefined) {
    if (parsed.positionals.length) return { ok: false, error: '--validate-pack takes one pack file and no other files' };
    return { ok: true, args: { ...base, mode: 'validate-pack', operands: [], packFile: v['validate-pack'] } };
  }
  if (!parsed.positionals.length) return { ok: false, error: 'no file to check (use "-" for stdin)' };
  return { ok: true, args: { ...base, mode: 'check', operands: parsed.positionals } };
}
