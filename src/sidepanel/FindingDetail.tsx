/**
 * Everything a finding can say about itself: the verdict in word and icon, why, each compared
 * detail with both values, the vetted fact with its verbatim quote and who said it, the caveats,
 * and the sources with a link to the original. Used by the side panel and the training pages.
 */
import type { DetailComparison, Finding } from '../core/types';
import { safeHttpUrl } from '../reports/safe-url';
import { VerdictBadge } from '../ui/components/VerdictBadge';
import { formatIsoDate } from '../ui/text';

export interface FindingDetailProps {
  finding: Finding;
  /** Opens SourceLight's own copy of a source; without it, no such button. */
  onOpenSource?: (finding: Finding) => void;
  /** Hides the sentence (when the caller shows it already). */
  hideSentence?: boolean;
}

function DetailRow({ d }: { d: DetailComparison }) {
  return (
    <tr class={d.compatible ? 'sl-detail-ok' : 'sl-detail-conflict'} data-compatible={String(d.compatible)}>
      <th scope="row">
        {d.kind}
        {d.role ? <span class="sl-detail-role"> ({d.role})</span> : null}
      </th>
      <td>{d.page}</td>
      <td>{d.source}</td>
      <td>
        <span aria-hidden="true">{d.compatible ? '\u2714' : '\u2716'}</span> {d.compatible ? 'fits' : 'conflicts'}
        {d.note ? <span class="sl-detail-note"> — {d.note}</span> : null}
      </td>
    </tr>
  );
}

export function FindingDetail({ finding: f, onOpenSource, hideSentence }: FindingDetailProps) {
  return (
    <article class={`sl-finding sl-finding-detail sl-verdict-edge-${f.verdict}`} data-verdict={f.verdict} data-testid="finding">
      <div class="sl-finding-head">
        <VerdictBadge verdict={f.verdict} />
      </div>
      {hideSentence ? null : <blockquote class="sl-sentence">{f.sentence}</blockquote>}
      {f.explanation ? <p class="sl-explanation">{f.explanation}</p> : null}
      {f.details?.length ? (
        <table class="sl-details">
          <caption class="sl-visually-hidden">Details compared</caption>
          <thead>
            <tr>
              <th scope="col">Detail</th>
              <th scope="col">This text</th>
              <th scope="col">The sources</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {f.details.map((d, i) => (
              <DetailRow d={d} key={i} />
            ))}
          </tbody>
        </table>
      ) : null}
      {f.fact ? (
        <div class="sl-fact">
          <p class="sl-fact-claim">
            <strong>Vetted fact:</strong> {f.fact.claim}
          </p>
          {f.fact.quote ? (
            <figure class="sl-quote">
              <blockquote>“{f.fact.quote}”</blockquote>
              <figcaption>
                — {f.fact.assertedBy || 'unknown'}
                {f.fact.asOf ? `, as of ${formatIsoDate(f.fact.asOf)}` : ''}
              </figcaption>
            </figure>
          ) : null}
          {f.fact.caveats?.length ? (
            <div class="sl-caveats">
              <strong>Caveats:</strong>
              <ul>
                {f.fact.caveats.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      {f.sources?.length ? (
        <div class="sl-sources">
          <strong>Sources:</strong>
          <ul>
            {f.sources.map((s) => {
              const url = safeHttpUrl(s.url);
              return (
                <li key={s.id} data-source={s.id}>
                  {url ? (
                    <a href={url} target="_blank" rel="noopener noreferrer">
                      {s.title || s.id}
                    </a>
                  ) : (
                    <span>{s.title || s.id}</span>
                  )}
                  <span class="sl-meta">
                    {' '}
                    — {s.publisher}, <time dateTime={s.date}>{formatIsoDate(s.date)}</time>
                  </span>
                </li>
              );
            })}
          </ul>
          {onOpenSource && f.fact?.sourceId ? (
            <button type="button" class="sl-button sl-button-small sl-button-quiet" data-action="source" onClick={() => onOpenSource(f)}>
              Read the source in SourceLight
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
