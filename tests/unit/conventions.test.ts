// @vitest-environment happy-dom
/**
 * Conventions the code must keep, checked over the source tree itself:
 *  - no HTML parsing of strings in the DOM (innerHTML and friends) anywhere in src/ or extension/,
 *    except src/reports, which writes an HTML report as text and escapes every value (checked
 *    here by rendering a report full of markup and reading it back);
 *  - no network API at all in src/ or extension/: SourceLight makes no requests;
 *  - no eval or Function constructor;
 *  - src/core is pure: it imports nothing from the browser-facing folders, the extension
 *    framework, Dexie, Preact or Node;
 *  - extension/ entrypoint scripts have no top-level side effects beyond imports and their
 *    `export default define…()` (WXT imports them at build time);
 *  - file and folder names under src/ are kebab-case, except Preact components (PascalCase .tsx).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types';
import { toHtml } from '../../src/reports';

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');
const EXTENSION = join(ROOT, 'extension');
const CODE = /\.(ts|tsx|js|mjs|cjs|jsx|html)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const rel = (path: string) => relative(ROOT, path).split(sep).join('/');
/** Generated files (the fact pack, gate terms) are data, not code. */
const isGenerated = (path: string) => rel(path).startsWith('src/generated/');
const codeFiles = (dir: string) => walk(dir).filter((f) => CODE.test(f) && !isGenerated(f));

/**
 * The text of a file with comments removed, so that prose about an API ("no fetch() here") is
 * not mistaken for a use of it. String literals are kept: an API named in a string is suspect.
 */
function codeOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.html')) return text.replace(/<!--[\s\S]*?-->/g, '');
  const kind = path.endsWith('.tsx') || path.endsWith('.jsx') ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, kind, text);
  let out = '';
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) out += ' ';
    else out += scanner.getTokenText();
  }
  return out;
}

function offenders(files: string[], pattern: RegExp): string[] {
  const hits: string[] = [];
  for (const f of files) {
    const lines = codeOf(f).split('\n');
    lines.forEach((line, i) => {
      if (pattern.test(line)) hits.push(`${rel(f)}:${i + 1}: ${line.trim().slice(0, 120)}`);
    });
  }
  return hits;
}

const ALL_CODE = [...codeFiles(SRC), ...codeFiles(EXTENSION)];

describe('no HTML from strings', () => {
  const HTML_SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|createContextualFragment|parseHTMLUnsafe|setHTMLUnsafe)\b|\bdocument\s*\.\s*(write|writeln)\s*\(/;

  it('src/ and extension/ never hand a string to the HTML parser (src/reports writes report text only)', () => {
    const files = ALL_CODE.filter((f) => !rel(f).startsWith('src/reports/'));
    expect(files.length).toBeGreaterThan(50);
    expect(offenders(files, HTML_SINKS)).toEqual([]);
  });

  it('src/reports uses no DOM HTML sink either', () => {
    expect(offenders(codeFiles(join(SRC, 'reports')), HTML_SINKS)).toEqual([]);
  });

  it('the HTML report escapes every value: markup in findings comes back as text, links only to http(s)', () => {
    const evil = `"'><script>alert(1)</script><img src=x onerror=alert(2)>&amp;<!--`;
    const finding: Finding = {
      sentence: `Sentence ${evil}`,
      start: 0,
      end: 10,
      verdict: 'discrepancy',
      facts: [`fact${evil}`],
      sources: [
        { id: `src${evil}`, title: `Title ${evil}`, publisher: `Publisher ${evil}`, date: `2024-09-30${evil}`, url: 'javascript:alert(3)' },
        { id: 'ok', title: `Second ${evil}`, publisher: 'P', date: '2024-09-30', url: `https://example.org/?q=${evil}` },
      ],
      details: [{ kind: `kind${evil}`, role: `role${evil}`, page: `page${evil}`, source: `source${evil}`, compatible: false, note: `note${evil}` }],
      explanation: `Explanation ${evil}`,
      fact: { id: `id${evil}`, claim: `Claim ${evil}`, quote: `Quote ${evil}`, assertedBy: `Who ${evil}`, asOf: `2024-09-30${evil}`, caveats: [`Caveat ${evil}`], sourceId: `src${evil}` },
    } as unknown as Finding;
    const html = toHtml({ title: `Report ${evil}`, checkedAt: `2026-01-01T00:00:00Z${evil}`, packVersion: `1.0.0${evil}`, origin: `https://news.example/${evil}`, findings: [finding] });
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script, img, iframe, object, embed').length).toBe(0);
    const handlers = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName} ${a.name}`));
    expect(handlers).toEqual([]);
    const hrefs = [...doc.querySelectorAll('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '');
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    // The hostile text is there, as text, in every field.
    const text = doc.body.textContent ?? '';
    for (const field of ['Sentence', 'Explanation', 'Claim', 'Quote', 'Caveat', 'Title', 'Second', 'Publisher']) expect(text).toContain(`${field} ${evil}`);
    expect(doc.title).toBe(`Report ${evil}`);
  });
});

describe('no network', () => {
  it('src/ and extension/ use no network API (the extension makes no requests)', () => {
    const NETWORK = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b|\bWebTransport\b|\bRTCPeerConnection\b|\bimportScripts\s*\(/;
    expect(offenders(ALL_CODE, NETWORK)).toEqual([]);
  });

  it('the manifest CSP refuses connections from extension pages and the worker', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const policies = [...config.matchAll(/"(script-src[^"]*)"/g)].map((m) => m[1]!);
    expect(policies.length).toBeGreaterThanOrEqual(2);
    for (const p of policies) {
      expect(p).toMatch(/connect-src 'none'/);
      expect(p).toMatch(/script-src 'self'(;|$)/);
      expect(p).toMatch(/object-src 'none'/);
    }
  });
});

describe('no code from strings', () => {
  it('no eval, no Function constructor, no string timers', () => {
    const DYNAMIC = /(^|[^.\w$])eval\s*\(|\bnew\s+Function\s*\(|(^|[^.\w$])Function\s*\(\s*['"`]|\bset(Timeout|Interval)\s*\(\s*['"`]/;
    expect(offenders(ALL_CODE, DYNAMIC)).toEqual([]);
  });
});

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importsOf(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specs.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      specs.push(node.arguments[0].text);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      specs.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specs;
}

describe('src/core is pure', () => {
  const core = codeFiles(join(SRC, 'core'));
  const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'url', 'util', 'crypto', 'child_process', 'http', 'https', 'net', 'stream', 'events', 'buffer', 'process', 'worker_threads', 'zlib', 'readline']);
  const FORBIDDEN_PACKAGES = /^(webextension-polyfill|wxt(\/.*)?|@wxt-dev\/.*|dexie|preact(\/.*)?|happy-dom|playwright-core)$/;

  it('imports only src/core, src/facts and pure packages', () => {
    expect(core.length).toBeGreaterThan(5);
    const bad: string[] = [];
    for (const f of core) {
      for (const spec of importsOf(f)) {
        if (spec.startsWith('.') || spec.startsWith('@/') || spec.startsWith('~/')) {
          const target = spec.startsWith('.') ? resolve(dirname(f), spec) : join(SRC, spec.slice(2));
          const where = rel(target);
          if (!where.startsWith('src/core') && !where.startsWith('src/facts')) bad.push(`${rel(f)} imports ${spec} (${where})`);
        } else if (spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]!) || FORBIDDEN_PACKAGES.test(spec)) {
          bad.push(`${rel(f)} imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('src/facts, which core imports, is pure too', () => {
    const bad = codeFiles(join(SRC, 'facts'))
      // build-pack and load-data are the Node build step (they read data/); only what core
      // reaches must be pure.
      .filter((f) => !/build-pack|load-data/.test(basename(f)))
      .flatMap((f) => importsOf(f).filter((s) => s.startsWith('node:') || NODE_BUILTINS.has(s) || FORBIDDEN_PACKAGES.test(s)).map((s) => `${rel(f)} imports ${s}`));
    expect(bad).toEqual([]);
  });
});

describe('extension/ entrypoints', () => {
  /**
   * Script entrypoints: background, content scripts, unlisted scripts. An HTML page's module
   * (popup/main.tsx beside popup/index.html) renders at load by design and is not one of them.
   */
  function scriptEntrypoints(): string[] {
    const out: string[] = [];
    for (const name of readdirSync(EXTENSION)) {
      const path = join(EXTENSION, name);
      if (statSync(path).isDirectory()) {
        const files = readdirSync(path);
        if (files.includes('index.html')) continue;
        for (const f of files) if (/^index\.(ts|tsx|js)$/.test(f)) out.push(join(path, f));
      } else if (/\.(ts|tsx|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
    return out;
  }

  it('have no top-level side effects beyond imports and `export default define…()`', () => {
    const entries = scriptEntrypoints();
    expect(entries.map(rel)).toEqual(expect.arrayContaining(['extension/background.ts', 'extension/content/index.ts']));
    const bad: string[] = [];
    for (const f of entries) {
      const source = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      let defineCalls = 0;
      for (const st of source.statements) {
        if (ts.isImportDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) continue;
        if (ts.isExportDeclaration(st) && st.isTypeOnly) continue;
        if (ts.isExportAssignment(st) && ts.isCallExpression(st.expression) && ts.isIdentifier(st.expression.expression) && /^define[A-Z]\w*$/.test(st.expression.expression.text)) {
          defineCalls++;
          continue;
        }
        bad.push(`${rel(f)}:${source.getLineAndCharacterOfPosition(st.getStart()).line + 1}: ${st.getText().split('\n')[0]!.slice(0, 100)}`);
      }
      if (defineCalls !== 1) bad.push(`${rel(f)}: ${defineCalls} \`export default define…()\` calls (want exactly one)`);
    }
    expect(bad).toEqual([]);
  });
});

describe('file names under src/', () => {
  const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const PASCAL = /^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)*$/;

  it('are kebab-case, except Preact components (PascalCase .tsx that export the component)', () => {
    const bad: string[] = [];
    for (const f of walk(SRC)) {
      const name = basename(f);
      const stem = name.slice(0, name.indexOf('.') > 0 ? name.indexOf('.') : undefined);
      if (KEBAB.test(stem)) {
        if (extname(f) === '.tsx' && !/^(main|index)$/.test(stem)) bad.push(`${rel(f)}: a .tsx file is a component, named in PascalCase`);
        continue;
      }
      if (extname(f) === '.tsx' && PASCAL.test(stem)) {
        const exported = new RegExp(`export\\s+(function|const)\\s+${stem}\\b`).test(readFileSync(f, 'utf8'));
        if (!exported) bad.push(`${rel(f)}: PascalCase but exports no component named ${stem}`);
        continue;
      }
      bad.push(`${rel(f)}: not kebab-case`);
    }
    expect(bad).toEqual([]);
  });

  it('folders are kebab-case', () => {
    const dirs = new Set(walk(SRC).map((f) => relative(SRC, dirname(f))).filter(Boolean).flatMap((d) => d.split(sep)));
    expect([...dirs].filter((d) => !KEBAB.test(d))).toEqual([]);
  });
});
