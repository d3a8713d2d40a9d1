/**
 * The source viewer: every source document SourceLight holds, and one document in full with the
 * quote behind a fact marked. Opened as `/source-viewer.html?source=<id>&fact=<factId>&quote=<q>`.
 * Everything comes from the background's database, so it works offline. The body is rendered as
 * text and <mark> nodes, never as HTML.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Source } from '../../facts/schema';
import { send, errorText } from '../send-message';
import { formatIsoDate, languageName, plural } from '../text';
import { findQuote, paragraphs, segmentParagraph } from '../find-quote';
import { sourceViewerPath, type ViewerParams } from '../links';
import { Notice } from '../components/Notice';

type SourceMeta = Omit<Source, 'body'>;

export type SourceViewerProps = ViewerParams;

export function SourceViewer({ sourceId, factId, quote }: SourceViewerProps) {
  return (
    <div class="sl-page sl-viewer">
      <header class="sl-page-header">
        <p class="sl-brand">
          <span class="sl-logo" aria-hidden="true" /> SourceLight
        </p>
        {sourceId ? (
          <a class="sl-back" href={sourceViewerPath()}>
            &larr; All sources
          </a>
        ) : null}
      </header>
      <main>{sourceId ? <SourceDocument id={sourceId} factId={factId} quote={quote} /> : <SourceList />}</main>
    </div>
  );
}

function ExternalLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function SourceList() {
  const [state, setState] = useState<{ sources: SourceMeta[] } | { error: string } | null>(null);
  const [filter, setFilter] = useState('');

  const load = () => {
    setState(null);
    send('list-sources', {})
      .then(({ sources }) => setState({ sources }))
      .catch((e) => setState({ error: errorText(e) }));
  };
  useEffect(() => {
    document.title = 'Sources \u2013 SourceLight';
    load();
  }, []);

  if (state === null) return <p role="status">Loading the sources&hellip;</p>;
  if ('error' in state) {
    return (
      <Notice kind="error" title="The sources could not be loaded" action={{ label: 'Try again', onClick: load }} testId="load-error">
        <p>{state.error}</p>
      </Notice>
    );
  }
  const needle = filter.trim().toLowerCase();
  const shown = [...state.sources]
    .sort((a, b) => b.published.localeCompare(a.published) || a.title.localeCompare(b.title))
    .filter((s) => !needle || `${s.title} ${s.publisher}`.toLowerCase().includes(needle));

  return (
    <>
      <h1>Sources</h1>
      <p class="sl-lead">
        Every fact SourceLight checks against is tied to a verbatim quote in one of these{' '}
        {plural(state.sources.length, 'document', 'documents')}. They are stored on this device.
      </p>
      {state.sources.length > 5 ? (
        <p>
          <label class="sl-field">
            <span>Find a source</span>
            <input type="search" value={filter} onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)} />
          </label>
        </p>
      ) : null}
      {state.sources.length === 0 ? (
        <Notice kind="info">No sources are stored yet.</Notice>
      ) : (
        <ul class="sl-source-list" data-testid="source-list">
          {shown.map((s) => (
            <li key={s.id} data-source={s.id}>
              <a class="sl-source-title" href={sourceViewerPath(s.id)}>
                {s.title}
              </a>
              <span class="sl-meta">
                {s.publisher} &middot; <time dateTime={s.published}>{formatIsoDate(s.published)}</time> &middot;{' '}
                <ExternalLink href={s.url}>{s.urlIsArticle ? 'original' : 'publisher\u2019s site'}</ExternalLink>
              </span>
            </li>
          ))}
          {shown.length === 0 ? <li>No source matches &ldquo;{filter}&rdquo;.</li> : null}
        </ul>
      )}
    </>
  );
}

function SourceDocument({ id, factId, quote }: { id: string; factId?: string; quote?: string }) {
  const [state, setState] = useState<{ source: Source | null } | { error: string } | null>(null);
  const markRef = useRef<HTMLElement | null>(null);

  const load = () => {
    setState(null);
    send('get-source', { id })
      .then(({ source }) => setState({ source }))
      .catch((e) => setState({ error: errorText(e) }));
  };
  useEffect(load, [id]);

  const source = state && 'source' in state ? state.source : null;
  const range = useMemo(() => (source && quote ? findQuote(source.body, quote) : null), [source, quote]);
  const paras = useMemo(() => (source ? paragraphs(source.body) : []), [source]);

  useEffect(() => {
    if (source) document.title = `${source.title} \u2013 SourceLight`;
  }, [source]);

  useEffect(() => {
    const el = markRef.current;
    if (!el) return;
    if (typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [range, source]);

  if (state === null) return <p role="status">Loading the source&hellip;</p>;
  if ('error' in state) {
    return (
      <Notice kind="error" title="The source could not be loaded" action={{ label: 'Try again', onClick: load }} testId="load-error">
        <p>{state.error}</p>
      </Notice>
    );
  }
  if (!source) {
    return (
      <Notice kind="warning" title="Source not found" testId="not-found">
        <p>
          No source with the id &ldquo;{id}&rdquo; is stored. It may have come from a fact pack that was removed.{' '}
          <a href={sourceViewerPath()}>See all sources</a>.
        </p>
      </Notice>
    );
  }

  let firstMark = true;
  return (
    <article class="sl-source" data-testid="source">
      <h1>{source.title}</h1>
      <dl class="sl-source-meta">
        <dt>Publisher</dt>
        <dd>{source.publisher}</dd>
        <dt>Published</dt>
        <dd>
          <time dateTime={source.published}>{formatIsoDate(source.published)}</time>
        </dd>
        <dt>Language</dt>
        <dd>{languageName(source.language)}</dd>
        <dt>Original</dt>
        <dd>
          <ExternalLink href={source.url}>{source.url}</ExternalLink>
          {source.urlIsArticle === false ? (
            <p class="sl-hint" data-testid="url-not-article">
              This is the publisher&rsquo;s site: the article&rsquo;s own address is not known.
            </p>
          ) : null}
        </dd>
      </dl>
      {source.notes.length > 0 ? (
        <section class="sl-vetter-notes" aria-label="Vetter's notes">
          <h2>Vetter&rsquo;s notes</h2>
          <ul>
            {source.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {quote ? (
        range ? (
          <p class="sl-hint sl-quote-hint" role="status">
            The marked passage is the quote{factId ? <> behind fact <code>{factId}</code></> : null}.
          </p>
        ) : (
          <Notice kind="warning" title="The quote could not be found in this text" testId="quote-missing">
            <blockquote class="sl-sentence">{quote}</blockquote>
          </Notice>
        )
      ) : null}

      <section class="sl-source-body" lang={source.language} aria-label="Text of the source">
        {paras.map((p) => (
          <p key={p.start}>
            {segmentParagraph(p, range).map((seg, i) => {
              if (!seg.marked) return seg.text;
              const isFirst = firstMark;
              firstMark = false;
              return (
                <mark
                  key={i}
                  class="sl-quote-mark"
                  data-fact={factId}
                  tabIndex={isFirst ? -1 : undefined}
                  ref={
                    isFirst
                      ? (el: HTMLElement | null) => {
                          markRef.current = el;
                        }
                      : undefined
                  }
                >
                  {seg.text}
                </mark>
              );
            })}
          </p>
        ))}
      </section>
    </article>
  );
}
