/**
 * The card's content for one finding: what SourceLight concluded, why, and from which source,
 * in words a reader understands. Built with plain DOM calls (see dom.ts) rather than Preact to
 * keep the content script inside its size budget; it is one static view, re-built per finding.
 */
import type { DetailComparison, Finding, Verdict } from '../../core/types';
import { h } from './dom';
import { formatIsoDate } from './format-date';
import { isWebUrl, sourceViewerUrl, textFragmentUrl, urlIsArticle } from './source-links';

export const VERDICT_WORDS: Record<Verdict, string> = {
  agree: 'Agrees with the sources',
  discrepancy: 'Differs from the sources',
  related: 'Related',
};

/** A symbol beside the words, so the verdict does not rest on colour alone. */
const VERDICT_MARKS: Record<Verdict, string> = { agree: '\u2713', discrepancy: '\u2715', related: '\u2248' };

/** Sources listed on the card; the source viewer has the rest. */
const MAX_SOURCES = 3;

export interface CardViewOptions {
  getURL: (path: string) => string;
  /** Called when the close button is pressed. */
  onClose: () => void;
  /**
   * Opens the source viewer. A web page may not navigate to an extension page that is not
   * web-accessible, so a plain link to it is blocked; the background opens it instead.
   */
  openViewer?: (url: string, sourceId: string, factId: string) => void;
  /** Position of this finding among those painted, for "2 of 5". */
  position?: { index: number; count: number };
}

export function renderCard(doc: Document, finding: Finding, options: CardViewOptions): HTMLElement {
  const verdict: Verdict = finding.verdict in VERDICT_WORDS ? finding.verdict : 'related';
  const fact = finding.fact;
  const close = h(doc, 'button', { class: 'close', type: 'button', 'aria-label': 'Close' }, '\u00d7');
  close.addEventListener('click', options.onClose);

  const factSource = finding.sources.find((s) => s.id === fact?.sourceId) ?? finding.sources[0];

  return h(
    doc,
    'div',
    { class: `card ${verdict}`, role: 'dialog', 'aria-labelledby': 'sl-verdict', 'aria-describedby': 'sl-explanation', tabindex: '-1' },
    h(
      doc,
      'div',
      { class: 'head' },
      h(doc, 'span', { class: 'mark', 'aria-hidden': 'true' }, VERDICT_MARKS[verdict]),
      h(doc, 'h2', { id: 'sl-verdict', class: 'verdict' }, VERDICT_WORDS[verdict]),
      options.position && options.position.count > 1
        ? h(doc, 'span', { class: 'count' }, `${options.position.index + 1} of ${options.position.count}`)
        : null,
      close,
    ),
    finding.explanation ? h(doc, 'p', { id: 'sl-explanation', class: 'explanation' }, finding.explanation) : null,
    finding.details?.length ? renderDetails(doc, finding.details) : null,
    fact ? renderFact(doc, finding) : null,
    fact?.caveats?.length
      ? h(doc, 'section', { class: 'caveats' }, h(doc, 'h3', null, 'Caveats'), h(doc, 'ul', null, ...fact.caveats.map((c) => h(doc, 'li', null, c))))
      : null,
    renderSources(doc, finding, factSource?.id),
    fact && factSource ? h(doc, 'p', { class: 'actions' }, viewerLink(doc, options, factSource.id, fact.id)) : null,
    h(doc, 'p', { class: 'foot' }, 'SourceLight \u00b7 checked on this device \u00b7 Alt+Shift+N / P: next / previous'),
  );
}

function viewerLink(doc: Document, options: CardViewOptions, sourceId: string, factId: string): HTMLElement {
  const href = sourceViewerUrl(options.getURL, sourceId, factId);
  const link = h(doc, 'a', { class: 'viewer', href, target: '_blank', rel: 'noopener' }, 'Show the quote in its source');
  const open = options.openViewer;
  if (open) {
    link.addEventListener('click', (e) => {
      // Modified clicks (copy link, new window) keep the browser's own handling.
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      open(href, sourceId, factId);
    });
  }
  return link;
}

function renderDetails(doc: Document, details: readonly DetailComparison[]): HTMLElement {
  return h(
    doc,
    'ul',
    { class: 'details', 'aria-label': 'Details compared' },
    ...details.map((d) =>
      h(
        doc,
        'li',
        { class: d.compatible ? 'detail ok' : 'detail bad' },
        h(doc, 'span', { class: 'detail-mark', 'aria-label': d.compatible ? 'matches' : 'differs' }, d.compatible ? '\u2713' : '\u2715'),
        h(doc, 'span', { class: 'role' }, capitalise(d.role || d.kind)),
        h(
          doc,
          'span',
          { class: 'values' },
          h(doc, 'span', { class: 'pair' }, 'This page: ', h(doc, 'strong', null, d.page)),
          h(doc, 'span', { class: 'pair' }, 'Source: ', h(doc, 'strong', null, d.source)),
        ),
        d.note ? h(doc, 'span', { class: 'note' }, d.note) : null,
      ),
    ),
  );
}

function renderFact(doc: Document, finding: Finding): HTMLElement {
  const fact = finding.fact;
  const who = [fact.assertedBy, fact.asOf ? `as of ${formatIsoDate(fact.asOf)}` : ''].filter(Boolean).join(', ');
  return h(
    doc,
    'figure',
    { class: 'fact' },
    fact.claim ? h(doc, 'p', { class: 'claim' }, h(doc, 'span', { class: 'label' }, 'Vetted fact: '), fact.claim) : null,
    fact.quote ? h(doc, 'blockquote', null, `\u201c${fact.quote}\u201d`) : null,
    who ? h(doc, 'figcaption', null, `\u2014 ${who}`) : null,
  );
}

function renderSources(doc: Document, finding: Finding, factSourceId: string | undefined): HTMLElement | null {
  const sources = finding.sources.slice(0, MAX_SOURCES);
  if (!sources.length) return null;
  return h(
    doc,
    'section',
    { class: 'sources' },
    h(doc, 'h3', null, sources.length > 1 ? 'Sources' : 'Source'),
    h(
      doc,
      'ul',
      null,
      ...sources.map((s) => {
        const meta = [s.publisher, s.date ? formatIsoDate(s.date) : ''].filter(Boolean).join(', ');
        // The quote belongs to the fact's own source; only there can a fragment find it.
        const href = s.id === factSourceId && urlIsArticle(s) && finding.fact?.quote ? textFragmentUrl(s.url, finding.fact.quote) : s.url;
        const title = isWebUrl(s.url)
          ? h(doc, 'a', { class: 'source', href, target: '_blank', rel: 'noopener noreferrer' }, s.title || s.url)
          : h(doc, 'span', { class: 'source' }, s.title);
        return h(doc, 'li', null, title, meta ? h(doc, 'span', { class: 'meta' }, ` \u00b7 ${meta}`) : null);
      }),
    ),
  );
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
