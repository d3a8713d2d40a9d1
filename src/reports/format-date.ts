/**
 * Dates for people, the same on every machine: no locale, no time zone but UTC, so reports are
 * reproducible and tests deterministic.
 */
export { formatIsoDate } from '../ui/text';

/** An ISO timestamp as "2026-03-20 10:05 UTC"; unparseable input is returned unchanged. */
export function formatTimestamp(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = new Date(t).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)} UTC`;
}
