/**
 * The `check` command as a user runs it: `npx tsx src/cli/check.ts` in a child process, on the
 * fixture files in tests/fixtures/cli/. The JSON contract is DESIGN.md's: `{"findings":[...]}`
 * for one file, each finding with sentence, start/end offsets into the file's text, verdict,
 * facts and sources; exit 0 whatever the verdicts, non-zero with a reason when a file cannot be
 * read. Each run starts a Node process (2-4 s on a busy machine), so the groups run concurrently.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check';
import { extractTextFromHtml } from '../../src/page/extract-html-node';

const ROOT = resolve(import.meta.dirname, '../..');
const FIX = 'tests/fixtures/cli';
const AGREE = 'On 30 September 2024, Lithuania referred Belarus to the International Criminal Court.';
const DIFFER = 'Poland referred Lukashenko to the ICC in October 2024.';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function check(args: string[], input?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', 'src/cli/check.ts', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/**
 * The same command in this process (runCheck with captured output): for options and formats,
 * where a child process per case would only add seconds. Exit codes and the JSON contract are
 * asserted on real child processes above.
 */
async function checkHere(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCheck(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

interface JsonFinding {
  sentence: string;
  start: number;
  end: number;
  verdict: string;
  facts: string[];
  sources: { id: string; title: string; publisher: string; date: string; url: string }[];
}

/** Every finding has the contract's fields, and its offsets point at its sentence in `text`. */
function expectContract(findings: JsonFinding[], text: string): void {
  expect(Array.isArray(findings)).toBe(true);
  for (const f of findings) {
    expect(typeof f.sentence).toBe('string');
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(0 <= f.start && f.start < f.end && f.end <= text.length).toBe(true);
    expect(['agree', 'discrepancy', 'related']).toContain(f.verdict);
    expect(f.facts.length).toBeGreaterThan(0);
    for (const id of f.facts) expect(typeof id).toBe('string');
    expect(f.sources.length).toBeGreaterThan(0);
    for (const s of f.sources) {
      for (const k of ['id', 'title', 'publisher', 'date', 'url'] as const) expect(typeof s[k]).toBe('string');
    }
  }
}

function verdictOf(findings: JsonFinding[], sentence: string): string[] {
  return findings.filter((f) => f.sentence === sentence).map((f) => f.verdict);
}

describe('check --json FILE: the contract', { timeout: 90_000 }, () => {
  it('prints exactly {"findings":[...]} for a text file, offsets into the file, exit 0', async () => {
    const r = await check(['--json', `${FIX}/draft.txt`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['findings']);
    const text = readFileSync(resolve(ROOT, FIX, 'draft.txt'), 'utf8');
    expectContract(out.findings, text);
    for (const f of out.findings as JsonFinding[]) expect(text.slice(f.start, f.end)).toBe(f.sentence);
  });

  it('checks an HTML file by the page rules: offsets into the extracted text, no script or hidden text', async () => {
    const r = await check(['--json', `${FIX}/article.html`]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['findings']);
    const { text } = extractTextFromHtml(readFileSync(resolve(ROOT, FIX, 'article.html'), 'utf8'));
    expect(text).toContain(AGREE);
    expect(text).not.toContain('Latvia');
    expectContract(out.findings, text);
    for (const f of out.findings as JsonFinding[]) {
      expect(text.slice(f.start, f.end)).toBe(f.sentence);
      expect(f.sentence).not.toContain('Latvia');
      expect(f.sentence).not.toContain('Estonia');
    }
  });

  it('checks Markdown with offsets into the file’s own text', async () => {
    const r = await check(['--json', `${FIX}/draft.md`]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const md = readFileSync(resolve(ROOT, FIX, 'draft.md'), 'utf8');
    expectContract(out.findings, md);
    // The sentence is the file's own text at the offsets, Markdown syntax included.
    for (const f of out.findings as JsonFinding[]) expect(md.slice(f.start, f.end)).toBe(f.sentence);
  });

  it('reads stdin with "-"', async () => {
    const r = await check(['--json', '-'], `${AGREE} ${DIFFER}`);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['findings']);
    expectContract(out.findings, `${AGREE} ${DIFFER}`);
  });
});

describe('check --json: verdicts of the real engine', { timeout: 90_000 }, () => {
  it('finds that the Lithuania sentence agrees and the Poland sentence differs (text, HTML, Markdown)', async () => {
    const files = ['draft.txt', 'article.html', 'draft.md'].map((f) => `${FIX}/${f}`);
    const r = await check(['--json', ...files]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { files: { file: string; findings: JsonFinding[] }[] };
    expect(out.files.map((f) => f.file)).toEqual(files);
    for (const { file, findings } of out.files) {
      const differs = findings.filter((f) => f.sentence.includes('Poland referred Lukashenko'));
      expect(differs.map((f) => f.verdict), file).toContain('discrepancy');
      const agrees = findings.filter((f) => f.sentence.includes('referred Belarus to the'));
      expect(agrees.map((f) => f.verdict), file).toContain('agree');
      expect(agrees.some((f) => f.verdict === 'discrepancy'), file).toBe(false);
      expect(verdictOf(findings, 'The weather in Vilnius was mild that week.'), file).toEqual([]);
    }
  });
});

describe('check: unreadable files and exit codes', { timeout: 90_000 }, () => {
  it('exits non-zero with the reason on stderr when the file does not exist', async () => {
    const r = await check(['--json', `${FIX}/no-such-file.txt`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('no-such-file.txt');
    expect(r.stderr).toContain('no such file');
    expect(r.stdout).toBe('');
  });

  it('exits non-zero when given a directory', async () => {
    const r = await check(['--json', FIX]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/directory/);
  });

  it('exits non-zero with a clear message when the fact data is invalid', async () => {
    const r = await check(['--json', '--data', `${FIX}/bad-data`, `${FIX}/draft.txt`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('is invalid');
    expect(r.stderr).toContain('version');
  });

  it('exits 0 on a text without discrepancies even with --fail-on discrepancy', async () => {
    const r = await checkHere(['--fail-on', 'discrepancy', '--json', `${FIX}/neutral.txt`]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ findings: [] });
  });

  it('--fail-on discrepancy exits 1 when a sentence differs', async () => {
    const r = await check(['--fail-on', 'discrepancy', `${FIX}/draft.txt`]);
    expect(r.code).toBe(1);
  });

  it('rejects unknown options and bad values with exit 2 and the usage', async () => {
    const spawned = await check(['--frobnicate', 'x']);
    expect(spawned.code).toBe(2);
    expect(spawned.stderr).toContain('Usage:');
    for (const args of [['--format', 'xml', 'x'], ['--date', '30/09/2024', 'x'], ['--fail-on', 'agree', 'x'], ['--json', '--format', 'text', 'x'], []]) {
      const r = await checkHere(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage:');
    }
  });
});

describe('check: several files, formats, dates', { timeout: 90_000 }, () => {
  it('gives {"files":[{file, findings}]} for several files and for a glob', async () => {
    const r = await checkHere(['--json', `${FIX}/draft.txt`, `${FIX}/neutral.txt`]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['files']);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual([`${FIX}/draft.txt`, `${FIX}/neutral.txt`]);
    for (const f of out.files) expect(Array.isArray(f.findings)).toBe(true);

    const g = await checkHere(['--format', 'json', `${FIX}/*.txt`]);
    expect(g.code).toBe(0);
    expect(JSON.parse(g.stdout).files.map((f: { file: string }) => f.file)).toEqual([`${FIX}/draft.txt`, `${FIX}/neutral.txt`]);
  });

  it('reports a glob that matches nothing as unreadable, and still checks the rest', async () => {
    const r = await checkHere(['--json', `${FIX}/*.nothing`, `${FIX}/neutral.txt`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no file matches');
    expect(JSON.parse(r.stdout).files).toHaveLength(1);
  });

  it('prints a readable summary by default and Markdown with --format markdown', async () => {
    const t = await checkHere([`${FIX}/neutral.txt`]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^tests\/fixtures\/cli\/neutral\.txt: 0 findings: 0 differ, 0 agree, 0 related \(fact pack \d+\.\d+\.\d+\)/);
    const m = await checkHere(['--format', 'markdown', `${FIX}/neutral.txt`]);
    expect(m.code).toBe(0);
    expect(m.stdout).toMatch(/^# SourceLight check: tests\/fixtures\/cli\/neutral\.txt/);
    expect(m.stdout).toContain('**Fact pack:**');
  });

  it('the readable output names each finding’s verdict, explanation and source', async () => {
    const r = await checkHere([`${FIX}/draft.txt`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✖ DIFFERS {2}line 2, column 1/);
    expect(r.stdout).toContain(`“${DIFFER}”`);
    expect(r.stdout).toMatch(/Why: .+/);
    expect(r.stdout).toMatch(/Source: .+ — .+, \d{1,2} \w+ \d{4} <https?:\/\//);
  });

  it('accepts --date for the text’s date', async () => {
    const r = await checkHere(['--json', '--date', '2024-10-01', `${FIX}/draft.txt`]);
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['findings']);
  });
});

describe('check --validate-pack', { timeout: 90_000 }, () => {
  it('accepts a valid pack', async () => {
    const r = await checkHere(['--validate-pack', `${FIX}/pack-valid.json`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid fact pack "newsroom-extra" 1.0.0: 1 facts');
  });

  it('lists each problem with its place and exits 1', async () => {
    const r = await check(['--validate-pack', `${FIX}/pack-invalid.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('3 problems');
    expect(r.stdout).toContain('entities[2] (belarus): duplicate entity id "belarus"');
    expect(r.stdout).toContain('facts[0] (desk-referral): quote: quote does not occur verbatim');
    expect(r.stdout).toContain('facts[0] (desk-referral): assertedBy: unknown entity "nobody-known"');
    const s = await checkHere(['--validate-pack', `${FIX}/pack-bad-shape.json`]);
    expect(s.code).toBe(1);
    expect(s.stdout).toContain('facts[0] (Bad Id): id:');
  });

  it('says when the file is not JSON (1) or cannot be read (2)', async () => {
    const j = await checkHere(['--validate-pack', `${FIX}/not-json.json`]);
    expect(j.code).toBe(1);
    expect(j.stdout).toContain('not valid JSON');
    const m = await checkHere(['--validate-pack', `${FIX}/missing.json`]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('no such file');
  });
});
