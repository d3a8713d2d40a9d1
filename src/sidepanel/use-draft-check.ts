/**
 * Checks a draft as it is typed: waits until typing pauses (`delayMs`, 400 ms by default, so a
 * fast typist does not send a check per key), then asks the background. Replies that arrive for
 * an older text are dropped, so the findings shown always belong to the latest checked text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../core/types';
import type { CheckClient } from './check-client';
import { errorText } from '../ui/send-message';

export const CHECK_DELAY_MS = 400;

export interface DraftCheck {
  phase: 'empty' | 'waiting' | 'checking' | 'done' | 'error';
  /** The findings of `checkedText`; kept while a newer text is being checked. */
  findings: Finding[];
  /** The text the findings' offsets refer to. */
  checkedText: string;
  packVersion: string;
  /** ISO timestamp of the last completed check. */
  checkedAt?: string;
  error?: string;
}

const EMPTY: DraftCheck = { phase: 'empty', findings: [], checkedText: '', packVersion: '' };

export function useDraftCheck(text: string, client: CheckClient, delayMs = CHECK_DELAY_MS): DraftCheck {
  const [state, setState] = useState<DraftCheck>(EMPTY);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    if (!text.trim()) {
      setState((s) => ({ ...EMPTY, packVersion: s.packVersion }));
      return;
    }
    setState((s) => ({ ...s, phase: 'waiting', error: undefined }));
    const timer = setTimeout(() => {
      if (mine !== seq.current) return;
      setState((s) => ({ ...s, phase: 'checking' }));
      client.checkText(text).then(
        (r) => {
          if (mine !== seq.current) return;
          setState({ phase: 'done', findings: r.findings, checkedText: text, packVersion: r.packVersion, checkedAt: new Date().toISOString() });
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setState((s) => ({ ...s, phase: 'error', error: errorText(e) }));
        },
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, client, delayMs]);

  return state;
}
