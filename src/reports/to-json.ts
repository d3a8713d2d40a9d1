/**
 * A report as JSON: the findings exactly as the engine gave them, plus the context a reader needs
 * (when, which pack, which text). `format` lets a later version read old reports.
 */
import { summarize, type Report } from './types';

export const REPORT_FORMAT = 'sourcelight-report/1';

export function toJson(report: Report): string {
  const { title, checkedAt, packVersion, origin, findings } = report;
  return `${JSON.stringify({ format: REPORT_FORMAT, title, checkedAt, packVersion, origin, summary: summarize(findings), findings }, null, 2)}\n`;
}
