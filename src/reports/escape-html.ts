/**
 * HTML-escapes any value for text and for quoted attribute values. The HTML report is the one
 * place SourceLight builds markup from strings, so every value goes through here.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
