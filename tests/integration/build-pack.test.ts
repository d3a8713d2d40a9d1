import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildPack, compactPack } from '../../src/facts/build-pack';
import { packSchema } from '../../src/facts/schema';
import { loadDataDir } from '../../src/facts/load-data';
import { validatePack } from '../../src/facts/validate-pack';

const root = resolve(__dirname, '../..');
const dataDir = join(root, 'data');

function copyData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sl-data-'));
  cpSync(dataDir, join(dir, 'data'), { recursive: true });
  return join(dir, 'data');
}

function firstFactsFile(dir: string): string {
  return join(dir, 'facts', readdirSync(join(dir, 'facts')).filter((f) => f.endsWith('.yaml')).sort()[0]!);
}

describe('the bundled data', () => {
  const load = loadDataDir(dataDir);
  const result = validatePack(load.input, load.origins);

  it('is valid: every quote verbatim in its source, every entity and source known, no duplicate ids', () => {
    expect(load.problems).toEqual([]);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('has a substantial fact base drawn from all five sources', () => {
    if (!result.ok) throw new Error('invalid pack');
    expect(result.pack.sources).toHaveLength(5);
    expect(result.pack.facts.length).toBeGreaterThanOrEqual(60);
    const used = new Set(result.pack.facts.map((f) => f.quote.source));
    expect(used.size).toBe(5);
  });

  it('carries the caveats a careful vetter would add', () => {
    if (!result.ok) throw new Error('invalid pack');
    const caveats = result.pack.facts.flatMap((f) => f.caveats).join('\n');
    expect(caveats).toMatch(/term is five years/i);
    expect(caveats).toMatch(/Chamber/);
    expect(caveats).toMatch(/reasonable basis/i);
  });

  it('compacts to a smaller file that parses back to the same pack', () => {
    if (!result.ok) throw new Error('invalid pack');
    const compact = compactPack(result.pack);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(result.pack).length * 0.95);
    expect(packSchema.parse(compact)).toEqual(result.pack);
  });

  it('strips page chrome from the source bodies', () => {
    if (!result.ok) throw new Error('invalid pack');
    const bodies = result.pack.sources.map((s) => s.body).join('\n');
    expect(bodies).not.toMatch(/The material is available only to POZIRK\+/);
    expect(bodies).not.toMatch(/Last news/);
    expect(bodies).not.toMatch(/^Donate/m);
  });
});

describe('build:pack on broken data', () => {
  it('fails naming the file, the fact and the problem when a quote is not verbatim', () => {
    const dir = copyData();
    const file = firstFactsFile(dir);
    const facts = parse(readFileSync(file, 'utf8')) as { id: string; quote: { text: string } }[];
    facts[0]!.quote.text = `${facts[0]!.quote.text} (words the source never said)`;
    writeFileSync(file, stringify(facts));
    const res = buildPack(dir, join(dir, '..', 'out', 'pack.json'));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.message).toContain(`data/facts/${file.split('/').pop()}`);
      expect(res.message).toContain(facts[0]!.id);
      expect(res.message).toMatch(/does not occur verbatim/);
    }
    expect(existsSync(join(dir, '..', 'out', 'pack.json'))).toBe(false);
  });

  it('fails on a missing field', () => {
    const dir = copyData();
    const file = firstFactsFile(dir);
    const facts = parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
    delete facts[0]!.claim;
    writeFileSync(file, stringify(facts));
    const res = buildPack(dir, join(dir, '..', 'out', 'pack.json'));
    expect(res.ok ? '' : res.message).toMatch(new RegExp(`${String(facts[0]!.id)}\\): claim: `));
  });

  it('fails on an unknown entity and a duplicate id', () => {
    const dir = copyData();
    const file = firstFactsFile(dir);
    const facts = parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
    facts[1]!.assertedBy = 'nobody-we-know';
    facts.push({ ...facts[2]! });
    writeFileSync(file, stringify(facts));
    const res = buildPack(dir, join(dir, '..', 'out', 'pack.json'));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.message).toMatch(/unknown entity "nobody-we-know"/);
      expect(res.message).toMatch(new RegExp(`duplicate fact id "${String(facts[2]!.id)}"`));
    }
  });

  it('exits non-zero with the message on stderr from the command line', () => {
    const dir = copyData();
    writeFileSync(firstFactsFile(dir), '- id: [unclosed');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/facts/build-pack.ts'), dir, join(dir, '..', 'p.json')], { encoding: 'utf8', cwd: root });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Fact pack is invalid:[\s\S]*cannot parse/);
  });
});
