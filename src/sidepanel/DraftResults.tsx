/**
 * The findings of the draft, sentence by sentence in the order of the text, each with its
 * finding cards under (or, in a wide panel, beside) it.
 */
import type { Finding } from '../core/types';
import { countByVerdict } from '../ui/verdict';
import { plural } from '../ui/text';
import { FindingDetail } from './FindingDetail';
import { groupBySentence } from './group-by-sentence';
import type { DraftCheck } from './use-draft-check';

export interface DraftResultsProps {
  check: DraftCheck;
  /** Selects the sentence in the editor; only offered when the findings match the editor's text. */
  onSelectSentence?: (start: number, end: number) => void;
  onOpenSource?: (finding: Finding) => void;
}

export function statusText(check: DraftCheck): string {
  switch (check.phase) {
    case 'empty':
      return 'Paste or type a draft, or open a file.';
    case 'waiting':
    case 'checking':
      return 'Checking\u2026';
    case 'error':
      return 'The draft could not be checked.';
    case 'done': {
      const n = check.findings.length;
      if (!n) return 'No sentence of this draft makes a claim that the vetted facts cover.';
      const c = countByVerdict(check.findings);
      return `${plural(n, 'finding', 'findings')}: ${c.discrepancy} differ, ${c.agree} agree, ${c.related} related.`;
    }
  }
}

export function DraftResults({ check, onSelectSentence, onOpenSource }: DraftResultsProps) {
  const groups = groupBySentence(check.findings);
  const stale = check.phase === 'waiting' || check.phase === 'checking';
  return (
    <section class={`sl-draft-results${stale ? ' sl-stale' : ''}`} aria-label="Findings" aria-busy={stale}>
      <p class="sl-status" role="status" aria-live="polite" data-testid="check-status" data-phase={check.phase}>
        {statusText(check)}
      </p>
      {groups.length ? (
        <ol class="sl-draft-sentences" data-testid="findings">
          {groups.map((g) => (
            <li class="sl-draft-sentence" key={`${g.start}:${g.end}`} data-start={g.start} data-end={g.end}>
              <div class="sl-draft-sentence-text">
                <blockquote class="sl-sentence">{g.sentence}</blockquote>
                {onSelectSentence ? (
                  <button type="button" class="sl-button sl-button-small sl-button-quiet" data-action="select" onClick={() => onSelectSentence(g.start, g.end)}>
                    Show in draft
                  </button>
                ) : null}
              </div>
              <div class="sl-draft-sentence-findings">
                {g.findings.map((f, i) => (
                  <FindingDetail finding={f} key={`${f.facts[0] ?? ''}:${i}`} hideSentence onOpenSource={onOpenSource} />
                ))}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
