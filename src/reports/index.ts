/** Report writers: pure functions from a `Report` to a file's text (CLI, side panel, popup). */
export type { Report, ReportSummary } from './types';
export { summarize } from './types';
export { toMarkdown, escapeMarkdown } from './to-markdown';
export { toHtml } from './to-html';
export { toJson, REPORT_FORMAT } from './to-json';
export { escapeHtml } from './escape-html';
export { verdictStyle, type VerdictStyle } from './verdict-style';
export { formatIsoDate, formatTimestamp } from './format-date';
export { safeHttpUrl } from './safe-url';
export { reportFileName, REPORT_EXTENSIONS, REPORT_MIME, type ReportFormat } from './file-name';
export { renderReport } from './render';
