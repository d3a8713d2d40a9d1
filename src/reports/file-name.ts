/**
 * A download name for a report: `sourcelight-<origin>-<YYYY-MM-DD>.<ext>`, with the origin cut
 * to safe characters so it works on every file system (no slashes, colons or spaces).
 */
import type { Report } from './types';

export type ReportFormat = 'markdown' | 'html' | 'json';

export const REPORT_EXTENSIONS: Record<ReportFormat, string> = { markdown: 'md', html: 'html', json: 'json' };
export const REPORT_MIME: Record<ReportFormat, string> = {
  markdown: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

export function reportFileName(report: Pick<Report, 'origin' | 'checkedAt'>, format: ReportFormat): string {
  let origin = report.origin;
  try {
    // A page URL: its host and path say more than the scheme.
    const u = new URL(origin);
    if (u.protocol === 'http:' || u.protocol === 'https:') origin = `${u.hostname}${u.pathname}`;
  } catch {
    // "draft" or a file name: used as is.
  }
  const slug =
    origin
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\.[a-z0-9]{1,5}$/i, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '')
      .toLowerCase() || 'text';
  const day = /^\d{4}-\d{2}-\d{2}/.exec(report.checkedAt)?.[0] ?? 'undated';
  return `sourcelight-${slug}-${day}.${REPORT_EXTENSIONS[format]}`;
}
