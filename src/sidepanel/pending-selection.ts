/**
 * The hand-over from the context menu to the side panel. The background cannot message a panel
 * that is not open yet, so it writes the selection to storage and opens the panel; the panel
 * reads it when it starts and whenever it changes (the panel may already be open).
 * `storage.session` keeps the text in memory only (gone when the browser closes); Firefox
 * versions without it use `storage.local`, and the panel removes the entry once it has read it.
 */
import { browser } from 'wxt/browser';

export const PENDING_SELECTION_KEY = 'sourcelight:pending-selection';

/** Longest selection kept: a page's worth; the panel checks what it is given. */
export const MAX_SELECTION_CHARS = 100_000;

export interface PendingSelection {
  text: string;
  /** Address of the page the text was selected on, used as the report's origin. */
  url?: string;
  /** Title of that page. */
  title?: string;
  /** ISO timestamp of the selection, so a panel can tell a new selection from the last one. */
  at: string;
}

type Area = typeof browser.storage.local;

/** `storage.session` where it exists (Chromium MV3, Firefox 115+), else `storage.local`. */
export function pendingSelectionArea(): { area: Area; name: 'session' | 'local' } {
  const session = (browser.storage as { session?: Area }).session;
  return session ? { area: session, name: 'session' } : { area: browser.storage.local, name: 'local' };
}

/** Accepts the stored object, or a bare string written by an older or simpler writer. */
export function parsePendingSelection(value: unknown): PendingSelection | null {
  if (typeof value === 'string') return value.trim() ? { text: value, at: '' } : null;
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.text !== 'string' || !v.text.trim()) return null;
  return {
    text: v.text,
    url: typeof v.url === 'string' ? v.url : undefined,
    title: typeof v.title === 'string' ? v.title : undefined,
    at: typeof v.at === 'string' ? v.at : '',
  };
}

export async function storePendingSelection(sel: Omit<PendingSelection, 'at'> & { at?: string }): Promise<void> {
  const value: PendingSelection = { ...sel, text: sel.text.slice(0, MAX_SELECTION_CHARS), at: sel.at ?? new Date().toISOString() };
  await pendingSelectionArea().area.set({ [PENDING_SELECTION_KEY]: value });
}

/** Reads the pending selection and removes it, so it is loaded once. */
export async function takePendingSelection(): Promise<PendingSelection | null> {
  const { area } = pendingSelectionArea();
  const got = await area.get(PENDING_SELECTION_KEY);
  const sel = parsePendingSelection((got as Record<string, unknown>)[PENDING_SELECTION_KEY]);
  if (sel) await area.remove(PENDING_SELECTION_KEY);
  return sel;
}

/** Calls `onSelection` for each new selection written while the panel is open; returns unsubscribe. */
export function watchPendingSelection(onSelection: (sel: PendingSelection) => void): () => void {
  const { name } = pendingSelectionArea();
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName !== name || !(PENDING_SELECTION_KEY in changes)) return;
    const sel = parsePendingSelection(changes[PENDING_SELECTION_KEY]?.newValue);
    if (!sel) return; // Our own removal after reading.
    void pendingSelectionArea().area.remove(PENDING_SELECTION_KEY);
    onSelection(sel);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
