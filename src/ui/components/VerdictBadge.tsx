import type { Verdict } from '../../core/types';
import { VERDICT_ICON, VERDICT_LABEL } from '../verdict';

/** Icon and word, coloured by verdict: the colour is never the only signal. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span class={`sl-badge sl-verdict-${verdict}`} data-verdict={verdict}>
      <span class="sl-badge-icon" aria-hidden="true">
        {VERDICT_ICON[verdict]}
      </span>
      {VERDICT_LABEL[verdict]}
    </span>
  );
}
