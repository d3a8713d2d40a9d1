import type { Finding } from '../../core/types';
import { groupFindings, VERDICT_HEADING, VERDICT_ICON } from '../verdict';
import { truncate } from '../text';
import { VerdictBadge } from './VerdictBadge';

export interface FindingListProps {
  findings: readonly Finding[];
  showRelated: boolean;
  /** Called with the finding's index in `findings`. Without it, no jump buttons. */
  onJump?: (index: number) => void;
  /** Called to open the source document of a finding's best fact. */
  onOpenSource?: (finding: Finding) => void;
  /** Characters of the sentence shown before it is cut. */
  maxSentence?: number;
}

/**
 * Findings grouped by verdict, what differs first. Shared by the popup and the side panel.
 */
export function FindingList({ findings, showRelated, onJump, onOpenSource, maxSentence = 160 }: FindingListProps) {
  const groups = groupFindings(findings, showRelated);
  return (
    <div class="sl-findings">
      {groups.map((g) => (
        <section class={`sl-group sl-group-${g.verdict}`} key={g.verdict} data-verdict={g.verdict} aria-label={VERDICT_HEADING[g.verdict]}>
          <h2 class={`sl-group-heading sl-verdict-text-${g.verdict}`}>
            <span aria-hidden="true">{VERDICT_ICON[g.verdict]}</span> {VERDICT_HEADING[g.verdict]}{' '}
            <span class="sl-count">({g.items.length})</span>
          </h2>
          <ul class="sl-finding-list">
            {g.items.map(({ finding, index }) => (
              <li class={`sl-finding sl-verdict-edge-${finding.verdict}`} key={index} data-index={index}>
                <div class="sl-finding-head">
                  <VerdictBadge verdict={finding.verdict} />
                  {finding.sources[0] ? (
                    <span class="sl-finding-source" title={finding.sources[0].title}>
                      {finding.sources[0].publisher}
                    </span>
                  ) : null}
                </div>
                <blockquote class="sl-sentence" title={finding.sentence.length > maxSentence ? finding.sentence : undefined}>
                  {truncate(finding.sentence, maxSentence)}
                </blockquote>
                {finding.explanation ? <p class="sl-explanation">{finding.explanation}</p> : null}
                {onJump || onOpenSource ? (
                  <div class="sl-finding-actions">
                    {onJump ? (
                      <button
                        type="button"
                        class="sl-button sl-button-small"
                        data-action="jump"
                        aria-label={`Show on the page: ${truncate(finding.sentence, 60)}`}
                        onClick={() => onJump(index)}
                      >
                        Show on page
                      </button>
                    ) : null}
                    {onOpenSource && finding.fact?.sourceId ? (
                      <button
                        type="button"
                        class="sl-button sl-button-small sl-button-quiet"
                        data-action="source"
                        onClick={() => onOpenSource(finding)}
                      >
                        Read the source
                      </button>
                    ) : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
