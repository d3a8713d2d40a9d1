/**
 * Only web addresses become links in generated reports: a fact pack is user-importable, so a
 * source's `url` could be `javascript:` or `data:`; such values are shown as text instead.
 */
export function safeHttpUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
