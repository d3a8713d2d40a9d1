/**
 * Opening a file into the draft editor: .txt and .md as they are, .html as its readable text.
 * Anything else is refused with a message rather than shown as garbage.
 */
import { extractHtmlText } from './extract-html-text';

export const DRAFT_FILE_ACCEPT = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

/** Larger files are not drafts; refusing them keeps the panel responsive. */
export const MAX_DRAFT_FILE_BYTES = 2_000_000;

export type DraftFileResult = { ok: true; text: string; name: string } | { ok: false; error: string };

export function draftFileKind(name: string, type = ''): 'text' | 'html' | null {
  const n = name.toLowerCase();
  if (/\.(html?|xhtml)$/.test(n) || type === 'text/html') return 'html';
  if (/\.(txt|md|markdown|text)$/.test(n) || type === 'text/plain' || type === 'text/markdown') return 'text';
  return null;
}

export async function readDraftFile(file: File): Promise<DraftFileResult> {
  const kind = draftFileKind(file.name, file.type);
  if (!kind) return { ok: false, error: `${file.name}: open a .txt, .md or .html file.` };
  if (file.size > MAX_DRAFT_FILE_BYTES) return { ok: false, error: `${file.name} is too large for a draft (${Math.round(file.size / 1000)} kB; at most ${MAX_DRAFT_FILE_BYTES / 1_000_000} MB).` };
  let content: string;
  try {
    content = await file.text();
  } catch (e) {
    return { ok: false, error: `${file.name} could not be read: ${(e as Error).message}` };
  }
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  return { ok: true, name: file.name, text: kind === 'html' ? extractHtmlText(content) : content };
}
