/**
 * The side panel: a draft editor checked as you type. The draft comes from typing or pasting,
 * a .txt/.md/.html file, or a selection sent from the page's context menu. Findings are shown
 * sentence by sentence, and the last check can be exported as Markdown, HTML or JSON.
 * Nothing here leaves the device: checks go to SourceLight's own background.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Finding } from '../core/types';
import type { Report } from '../reports/types';
import { Notice } from '../ui/components/Notice';
import { openSourceViewer } from '../ui/open-page';
import { errorText } from '../ui/send-message';
import { backgroundClient, type CheckClient } from './check-client';
import { DraftEditor } from './DraftEditor';
import { DraftResults } from './DraftResults';
import { ExportButtons, type ExportButtonsProps } from './ExportButtons';
import { takePendingSelection, watchPendingSelection, type PendingSelection } from './pending-selection';
import { readDraftFile } from './read-draft-file';
import { CHECK_DELAY_MS, useDraftCheck } from './use-draft-check';

export interface SidePanelProps {
  client?: CheckClient;
  /** Debounce of checking while typing, in ms. */
  delayMs?: number;
  /** Whether to load a pending context-menu selection (off in tests that do not need storage). */
  readSelection?: boolean;
  save?: ExportButtonsProps['save'];
  openSource?: (finding: Finding) => void;
}

/** What the draft is, for the report: its heading and where it came from. */
interface DraftOrigin {
  title: string;
  origin: string;
}

const DRAFT: DraftOrigin = { title: 'Draft check', origin: 'draft' };

interface Previous extends DraftOrigin {
  text: string;
}

function selectionOrigin(sel: PendingSelection): DraftOrigin {
  return { title: sel.title ? `Selection from “${sel.title}”` : 'Selected text', origin: sel.url || 'selection' };
}

const defaultOpenSource = (f: Finding) => void openSourceViewer(f.fact?.sourceId, f.fact?.id, f.fact?.quote).catch(() => undefined);

export function SidePanel({ client = backgroundClient, delayMs = CHECK_DELAY_MS, readSelection = true, save, openSource = defaultOpenSource }: SidePanelProps) {
  const [text, setText] = useState('');
  const [origin, setOrigin] = useState<DraftOrigin>(DRAFT);
  const [previous, setPrevious] = useState<Previous | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [packVersion, setPackVersion] = useState<string>('');
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // The latest draft, for callbacks that outlive a render (storage listener).
  const current = useRef({ text, origin });
  current.current = { text, origin };

  const check = useDraftCheck(text, client, delayMs);

  /** Replaces the draft, keeping the one it replaces for "Restore". */
  const replaceDraft = useCallback((next: string, nextOrigin: DraftOrigin) => {
    const cur = current.current;
    if (cur.text.trim() && cur.text !== next) setPrevious({ text: cur.text, ...cur.origin });
    setText(next);
    setOrigin(nextOrigin);
  }, []);

  useEffect(() => {
    let live = true;
    client.getPackInfo().then(
      (info) => live && setPackVersion(info.version),
      () => undefined, // The footer just shows no version; a check will report the real problem.
    );
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(() => {
    if (!readSelection) return;
    let live = true;
    const apply = (sel: PendingSelection) => {
      if (live) replaceDraft(sel.text, selectionOrigin(sel));
    };
    const stop = watchPendingSelection(apply);
    takePendingSelection().then(
      (sel) => sel && apply(sel),
      (e: unknown) => live && setNotice(`The selected text could not be loaded: ${errorText(e)}`),
    );
    return () => {
      live = false;
      stop();
    };
  }, [readSelection, replaceDraft]);

  const onFile = useCallback(
    async (file: File) => {
      const r = await readDraftFile(file);
      if (!r.ok) {
        setNotice(r.error);
        return;
      }
      setNotice(null);
      replaceDraft(r.text, { title: r.name, origin: r.name });
    },
    [replaceDraft],
  );

  const onClear = useCallback(() => replaceDraft('', DRAFT), [replaceDraft]);

  const onSelectSentence = useCallback((start: number, end: number) => {
    const ta = textareaRef.current;
    if (!ta) return;
    ta.focus();
    ta.setSelectionRange(start, end);
  }, []);

  const report: Report | null = useMemo(
    () =>
      check.phase === 'done' && check.checkedText === text
        ? { title: origin.title, origin: origin.origin, checkedAt: check.checkedAt ?? new Date().toISOString(), packVersion: check.packVersion || packVersion, findings: check.findings }
        : null,
    [check, text, origin, packVersion],
  );

  return (
    <div class="sl-panel">
      <header class="sl-panel-header">
        <h1 class="sl-brand">SourceLight</h1>
        <span class="sl-meta">Draft check, on this device</span>
      </header>
      <main class="sl-panel-main">
        <DraftEditor
          text={text}
          textareaRef={textareaRef}
          onText={(t) => {
            setText(t);
            if (!t) setOrigin(DRAFT);
          }}
          onFile={(f) => void onFile(f)}
          onClear={onClear}
        />
        {origin.origin !== 'draft' ? (
          <p class="sl-meta sl-draft-origin" data-testid="draft-origin">
            From: {origin.origin}
          </p>
        ) : null}
        {previous ? (
          <div class="sl-restore">
            <span class="sl-meta">The previous draft was replaced.</span>{' '}
            <button
              type="button"
              class="sl-button sl-button-small sl-button-quiet"
              data-action="restore"
              onClick={() => {
                const p = previous;
                setPrevious(null);
                setText(p.text);
                setOrigin({ title: p.title, origin: p.origin });
              }}
            >
              Restore it
            </button>
          </div>
        ) : null}
        {notice ? (
          <Notice kind="warning" action={{ label: 'Dismiss', onClick: () => setNotice(null) }}>
            <p>{notice}</p>
          </Notice>
        ) : null}
        {check.phase === 'error' ? (
          <Notice kind="error" title="The draft could not be checked." testId="check-error">
            <p>{check.error}</p>
          </Notice>
        ) : null}
        <DraftResults check={check} onOpenSource={openSource} onSelectSentence={check.checkedText === text ? onSelectSentence : undefined} />
      </main>
      <footer class="sl-panel-footer">
        <ExportButtons report={report} save={save} />
        <span class="sl-meta sl-pack" data-testid="pack-version">
          {packVersion || check.packVersion ? `Fact pack ${packVersion || check.packVersion}` : ''}
        </span>
      </footer>
    </div>
  );
}
