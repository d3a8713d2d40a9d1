/**
 * Presenter view for a room: one finding at a time in large type. Arrow keys (and the Page keys
 * that presentation clickers send) step through; Home and End jump to the ends.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '../core/types';
import { FindingDetail } from '../sidepanel/FindingDetail';
import { groupBySentence } from '../sidepanel/group-by-sentence';

export interface PresenterViewProps {
  findings: readonly Finding[];
  onOpenSource?: (finding: Finding) => void;
  /** Where to listen for keys; the document by default. */
  keyTarget?: Pick<Document, 'addEventListener' | 'removeEventListener'>;
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown']);
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/** Keys typed into a form field are the field's, not the presenter's. */
function inField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && typeof el.closest === 'function' && !!el.closest('input, textarea, select, [contenteditable="true"]');
}

export function PresenterView({ findings, onOpenSource, keyTarget }: PresenterViewProps) {
  const slides = groupBySentence(findings);
  const [at, setAt] = useState(0);
  const last = slides.length - 1;
  const index = Math.min(at, Math.max(last, 0));

  useEffect(() => {
    const target = keyTarget ?? document;
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      if (inField(k.target) || k.altKey || k.ctrlKey || k.metaKey) return;
      if (NEXT.has(k.key)) setAt((i) => Math.min(i + 1, last));
      else if (PREV.has(k.key)) setAt((i) => Math.max(i - 1, 0));
      else if (k.key === 'Home') setAt(0);
      else if (k.key === 'End') setAt(last);
      else return;
      k.preventDefault();
    };
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  }, [keyTarget, last]);

  const slide = slides[index];
  if (!slide) return <p class="sl-presenter-empty">No sentence of this text makes a claim that the vetted facts cover.</p>;
  return (
    <section class="sl-presenter" aria-roledescription="slides" aria-label="Presenter view" data-testid="presenter">
      <p class="sl-presenter-pos" aria-live="polite" data-testid="presenter-position">
        Finding {index + 1} of {slides.length}
      </p>
      <blockquote class="sl-presenter-sentence">{slide.sentence}</blockquote>
      {slide.findings.map((f, i) => (
        <FindingDetail key={`${index}:${i}`} finding={f} hideSentence onOpenSource={onOpenSource} />
      ))}
      <nav class="sl-presenter-nav" aria-label="Slides">
        <button type="button" class="sl-button" data-action="prev" disabled={index === 0} onClick={() => setAt(Math.max(index - 1, 0))}>
          <span aria-hidden="true">←</span> Previous
        </button>
        <span class="sl-meta">Use the arrow keys</span>
        <button type="button" class="sl-button" data-action="next" disabled={index >= last} onClick={() => setAt(Math.min(index + 1, last))}>
          Next <span aria-hidden="true">→</span>
        </button>
      </nav>
    </section>
  );
}
