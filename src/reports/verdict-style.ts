/**
 * The verdict's word, icon and colour for generated reports, taken from the UI's single
 * definition (src/ui/verdict.ts, pure) so a report and the popup never disagree. Unknown
 * verdicts (a newer engine) fall back to "related", the mildest.
 */
import type { Verdict } from '../core/types';
import { VERDICT_COLOURS, VERDICT_ICON, VERDICT_LABEL } from '../ui/verdict';

export interface VerdictStyle {
  verdict: Verdict;
  word: string;
  icon: string;
  /** Text/border colour on a light background (contrast >= 4.5:1). */
  fg: string;
  /** Tint for badges. */
  bg: string;
}

export function verdictStyle(verdict: string): VerdictStyle {
  const v: Verdict = verdict === 'agree' || verdict === 'discrepancy' ? verdict : 'related';
  return { verdict: v, word: VERDICT_LABEL[v], icon: VERDICT_ICON[v], fg: VERDICT_COLOURS[v].light.fg, bg: VERDICT_COLOURS[v].light.bg };
}
