/**
 * What a bundle is made of: bytes of the minified file attributed to the sources its source map
 * names, grouped by package (node_modules/<name>) or by source folder (src/core, src/page...).
 * Used by `npm run bench -- --profile` on a second, source-mapped build.
 */
import { readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';

export interface Part {
  part: string;
  bytes: number;
}

/** Groups a source path: "dexie", "zod", "src/core", "src/generated/fact-pack.json"... */
export function groupOf(source: string): string {
  const s = source.replace(/\\/g, '/');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s);
  if (nm) return nm[1]!;
  const src = /(?:^|\/)(src\/(?:generated\/[^/]+|[^/]+)|extension\/[^/]+)/.exec(s);
  if (src) return src[1]!.replace(/\.(ts|tsx)$/, '');
  return s.replace(/^(\.\.\/)+/, '');
}

const MAX_TOKEN = 1_000;
const UNMAPPED = '(no source map: data such as imported JSON)';

export function composition(file: string, mapFile = `${file}.map`): Part[] {
  const code = readFileSync(file, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')));
  const lines = code.split('\n');
  const lineStart: number[] = [];
  let at = 0;
  for (const l of lines) {
    lineStart.push(at);
    at += Buffer.byteLength(l) + 1;
  }
  const marks: { offset: number; source: string | null }[] = [];
  map.eachMapping((m) => {
    const line = lines[m.generatedLine - 1] ?? '';
    const offset = lineStart[m.generatedLine - 1]! + Buffer.byteLength(line.slice(0, m.generatedColumn));
    marks.push({ offset, source: m.source ? groupOf(m.source) : null });
  });
  marks.sort((a, b) => a.offset - b.offset);
  const total = Buffer.byteLength(code);
  const bytes = new Map<string, number>();
  let covered = 0;
  const add = (key: string, n: number) => bytes.set(key, (bytes.get(key) ?? 0) + n);
  for (let i = 0; i < marks.length; i++) {
    const end = i + 1 < marks.length ? marks[i + 1]!.offset : total;
    const len = end - marks[i]!.offset;
    // Minified tokens are short; a long run without mappings is a module that has none (an
    // imported JSON file: the fact pack, the gate terms).
    const own = Math.min(len, MAX_TOKEN);
    add(marks[i]!.source ?? UNMAPPED, own);
    if (len > own) add(UNMAPPED, len - own);
    covered += len;
  }
  if (total > covered) add(UNMAPPED, total - covered);
  return [...bytes].map(([part, b]) => ({ part, bytes: b })).sort((a, b) => b.bytes - a.bytes);
}
