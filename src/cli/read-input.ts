/**
 * Reads one input of the `check` command and decides what text the offsets refer to:
 * - text: the file as is;
 * - Markdown: the file as is, with its syntax masked by spaces for the matcher (offsets unchanged);
 * - HTML: the text the content script would read, extracted by the page rules in Node
 *   (src/page/extract-html-node.ts), so a file and a web page are checked alike.
 * A file that cannot be read gives a reason for stderr instead of throwing.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { InputKind } from './args';
import { maskMarkdown } from './mask-markdown';

export interface CheckInput {
  /** As the user named it; `-` for stdin. */
  name: string;
  kind: InputKind;
  /** The file's text: findings' offsets and sentences refer to it (for HTML, the extracted text). */
  text: string;
  /** What the matcher is given: `text`, or `text` with Markdown syntax masked (same length). */
  checked: string;
  /** True when the page rules stopped reading a very large HTML file early. */
  truncated?: boolean;
}

export type ReadResult = { ok: true; input: CheckInput } | { ok: false; name: string; reason: string };

export function kindOfPath(path: string): InputKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown' || ext === '.mdown' || ext === '.mkd') return 'markdown';
  return 'text';
}

/** Stdin has no extension: a document that starts like HTML is read as HTML. */
export function sniffKind(content: string): InputKind {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(content) ? 'html' : 'text';
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return e?.message ?? String(err);
  }
}

/** Strips a UTF-8 byte-order mark, which editors on Windows add and which is not text. */
function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

async function htmlToText(html: string): Promise<{ text: string; truncated: boolean }> {
  // Loaded only for HTML input: happy-dom is large, and text files should not pay for it.
  const { extractTextFromHtml } = await import('../page/extract-html-node');
  return extractTextFromHtml(html);
}

export async function readInput(name: string, stdinKind?: InputKind): Promise<ReadResult> {
  let raw: string;
  try {
    raw = stripBom(name === '-' ? await readStdin() : await readFile(name, 'utf8'));
  } catch (err) {
    return { ok: false, name, reason: describeFsError(err) };
  }
  const kind = name === '-' ? (stdinKind ?? sniffKind(raw)) : kindOfPath(name);
  if (kind === 'html') {
    try {
      const { text, truncated } = await htmlToText(raw);
      return { ok: true, input: { name, kind, text, checked: text, truncated } };
    } catch (err) {
      return { ok: false, name, reason: `cannot extract the text of this HTML: ${(err as Error).message}` };
    }
  }
  if (kind === 'markdown') return { ok: true, input: { name, kind, text: raw, checked: maskMarkdown(raw) } };
  return { ok: true, input: { name, kind, text: raw, checked: raw } };
}
