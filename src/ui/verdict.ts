/**
 * How each verdict is shown everywhere in the UI: the order (what differs first), the word, the
 * icon that goes with the colour (never colour alone), and the colours, which follow the page
 * highlights (src/page/highlight-styles.ts) so that a mark on the page and a row here match.
 */
import type { Finding, Verdict } from '../core/types';

export const VERDICT_ORDER: readonly Verdict[] = ['discrepancy', 'agree', 'related'];

/** Short label, as on a badge. */
export const VERDICT_LABEL: Record<Verdict, string> = {
  discrepancy: 'Differs',
  agree: 'Agrees',
  related: 'Related',
};

/** Heading of a group of findings. */
export const VERDICT_HEADING: Record<Verdict, string> = {
  discrepancy: 'Differs from the sources',
  agree: 'Agrees with the sources',
  related: 'Related, nothing to compare',
};

export const VERDICT_ICON: Record<Verdict, string> = {
  discrepancy: '\u2716', // ✖
  agree: '\u2714', // ✔
  related: '\u25CB', // ○
};

/**
 * Light and dark values of each verdict colour, as in theme.css: `fg` for text (>= 6:1 on `bg`
 * and on the page background), `line` for borders and underlines (the hues of the page
 * highlights in src/page/highlight-styles.ts), `bg` a tint for badges.
 */
export const VERDICT_COLOURS: Record<Verdict, Record<'light' | 'dark', { fg: string; line: string; bg: string }>> = {
  agree: { light: { fg: '#166534', line: '#15803d', bg: '#dcfce7' }, dark: { fg: '#4ade80', line: '#4ade80', bg: '#14532d' } },
  discrepancy: { light: { fg: '#9a3412', line: '#c2410c', bg: '#ffedd5' }, dark: { fg: '#fb923c', line: '#fb923c', bg: '#431407' } },
  related: { light: { fg: '#4b5563', line: '#6b7280', bg: '#f3f4f6' }, dark: { fg: '#d1d5db', line: '#9ca3af', bg: '#374151' } },
};

export interface IndexedFinding {
  finding: Finding;
  /** Position in the status's `findings` array (what `scroll-to-finding` wants). */
  index: number;
}

export interface FindingGroup {
  verdict: Verdict;
  items: IndexedFinding[];
}

/**
 * Findings grouped by verdict in VERDICT_ORDER, each group in page order (by offset), each item
 * keeping its index in the original array. Related findings only when `showRelated`; groups
 * without items are left out.
 */
export function groupFindings(findings: readonly Finding[], showRelated: boolean): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const verdict of VERDICT_ORDER) {
    if (verdict === 'related' && !showRelated) continue;
    const items = findings
      .map((finding, index) => ({ finding, index }))
      .filter((x) => x.finding.verdict === verdict)
      .sort((a, b) => a.finding.start - b.finding.start || a.index - b.index);
    if (items.length > 0) groups.push({ verdict, items });
  }
  return groups;
}

export function countByVerdict(findings: readonly Finding[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { agree: 0, discrepancy: 0, related: 0 };
  for (const f of findings) counts[f.verdict] += 1;
  return counts;
}
