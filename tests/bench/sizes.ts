/**
 * Sizes of the built extension: the content script, the background, each page with everything
 * it loads (scripts, their static imports, style sheets), and the whole folder; raw bytes (what
 * the store and the disk hold; the bundles are already minified) and gzip (what a download costs).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizeRow {
  name: string;
  /** Files counted, relative to the extension folder. */
  files: string[];
  bytes: number;
  gzip: number;
}

export interface Sizes {
  contentScript: SizeRow;
  background: SizeRow;
  pages: SizeRow[];
  total: SizeRow;
  /** The largest files, for the report. */
  largest: { file: string; bytes: number; gzip: number }[];
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

function row(root: string, name: string, files: string[]): SizeRow {
  const unique = [...new Set(files)].filter((f) => existsSync(f));
  let bytes = 0;
  let gzip = 0;
  for (const f of unique) {
    const buf = readFileSync(f);
    bytes += buf.length;
    gzip += gz(buf);
  }
  return { name, files: unique.map((f) => relative(root, f)).sort(), bytes, gzip };
}

/** A JS file and every file it imports statically (`from"./x.js"`, `import"./x.js"`). */
function withImports(file: string, root: string, seen = new Set<string>()): string[] {
  if (seen.has(file) || !existsSync(file)) return [];
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/g)) {
    const spec = m[1]!;
    const target = spec.startsWith('/') ? join(root, spec) : resolve(dirname(file), spec);
    withImports(target, root, seen);
  }
  return [...seen];
}

/** An HTML page with the scripts and style sheets it names, and their imports. */
function pageFiles(html: string, root: string): string[] {
  const text = readFileSync(html, 'utf8');
  const files = [html];
  for (const m of text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)) {
    const ref = m[1]!;
    if (/^[a-z]+:/i.test(ref)) continue;
    const target = ref.startsWith('/') ? join(root, ref) : resolve(dirname(html), ref);
    files.push(...(target.endsWith('.js') ? withImports(target, root) : [target]));
  }
  return files;
}

export function measureSizes(extensionDir: string): Sizes {
  const root = resolve(extensionDir);
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  // Registered at runtime (no access until the reader grants it), so not in the manifest: the
  // built content scripts are the files WXT puts under content-scripts/.
  const declared = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]).map((f) => join(root, f));
  const contentFiles = declared.length ? declared : listFiles(root).filter((f) => relative(root, f).startsWith('content-scripts/'));
  const bg = manifest.background?.service_worker ? withImports(join(root, manifest.background.service_worker), root) : [];
  const all = listFiles(root);
  const pages = all
    .filter((f) => f.endsWith('.html') && dirname(f) === root)
    .sort()
    .map((f) => row(root, relative(root, f), pageFiles(f, root)));
  return {
    contentScript: row(root, 'content script', contentFiles.flatMap((f) => (f.endsWith('.js') ? withImports(f, root) : [f]))),
    background: row(root, 'background', bg),
    pages,
    total: row(root, 'whole extension', all),
    largest: all
      .map((f) => {
        const buf = readFileSync(f);
        return { file: relative(root, f), bytes: statSync(f).size, gzip: gz(buf) };
      })
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 8),
  };
}
