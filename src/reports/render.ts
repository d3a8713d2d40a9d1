/** One entry point for "write this report in that format", for the CLI and the Export buttons. */
import type { ReportFormat } from './file-name';
import { toHtml } from './to-html';
import { toJson } from './to-json';
import { toMarkdown } from './to-markdown';
import type { Report } from './types';

export function renderReport(report: Report, format: ReportFormat): string {
  if (format === 'html') return toHtml(report);
  if (format === 'json') return toJson(report);
  return toMarkdown(report);
}
