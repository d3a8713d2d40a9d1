import type { Finding } from '../core/types';

/**
 * One check, as handed out: by the side panel's Export buttons, the popup and the CLI. Plain
 * JSON so that a report written today can be read back by any later version.
 */
export interface Report {
  /** Shown as the report's heading ("Draft check", the page's title, the file name). */
  title: string;
  /** When the text was checked: ISO 8601 timestamp (`2026-03-20T10:05:00.000Z`). */
  checkedAt: string;
  /** Version of the fact pack the findings came from, so a reader knows what was known then. */
  packVersion: string;
  /** Where the text came from: the page's URL, `"draft"`, or a file name. */
  origin: string;
  findings: Finding[];
}

/** Counts per verdict, for the report's summary line. */
export interface ReportSummary {
  total: number;
  agree: number;
  discrepancy: number;
  related: number;
}

export function summarize(findings: readonly Finding[]): ReportSummary {
  const s: ReportSummary = { total: findings.length, agree: 0, discrepancy: 0, related: 0 };
  for (const f of findings) if (f.verdict in s) s[f.verdict] += 1;
  return s;
}
