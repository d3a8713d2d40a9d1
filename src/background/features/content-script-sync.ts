/**
 * The content script runs on exactly the sites the reader granted, and nowhere else.
 *
 * The manifest declares no content script and no host access (wxt.config.ts). The reader grants
 * access from the options page: every site (automatic mode), or the sites on the allow list.
 * Here one dynamically registered content script follows those grants: its `matches` are the
 * granted web origins (`permissions.getAll().origins`), brought up to date at every start of the
 * background, on install and update, and whenever a grant is added or withdrawn (also from the
 * browser's own extension settings). With no origin granted it is unregistered, and pages are
 * checked only when the reader asks (src/background/check-tab.ts, through activeTab).
 *
 * After a new grant, tabs already open on the granted sites get the script at once (they would
 * otherwise wait for a reload), unless a copy already answers there.
 *
 * `scripting.registerContentScripts` and friends exist in Chrome MV3 and in Firefox 102+ (MV2
 * and MV3). Failures are logged, never thrown: a missing registration only means pages are not
 * checked on their own.
 */
import { browser } from 'wxt/browser';
import { highlightStyleFile, type HighlightStyle } from '../../page/highlight-styles';
import { CONTENT_SCRIPT_FILE } from '../check-tab';
import { onSettingsWritten } from '../settings-store';

export const CONTENT_SCRIPT_ID = 'sourcelight-content';
/**
 * The highlight rules of the reader's style, as CSS at document_start on the same sites: there
 * before the page's first style pass, they cost nothing, where the same rules adopted later make
 * the browser restyle the whole page (src/page/highlight-styles.ts). They style nothing until
 * the content script registers highlights.
 */
export const STYLE_SCRIPT_ID = 'sourcelight-highlight-style';

/** What is registered: the content script (document_idle, top frame only) and the style file, on `matches`. */
export interface ContentScriptRegistration {
  id: string;
  js?: string[];
  css?: string[];
  matches: string[];
  runAt: 'document_idle' | 'document_start';
}

/** The part of the extension APIs the sync uses: the real `browser`, or a fake in tests. */
export interface SyncApi {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[]; css?: string[] }[]>;
    registerContentScripts(scripts: ContentScriptRegistration[]): Promise<unknown>;
    updateContentScripts(scripts: ContentScriptRegistration[]): Promise<unknown>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<unknown>;
  };
}

/** The part used to bring open tabs up to date after a grant. */
export interface InjectApi {
  tabs: {
    query(info: { url: string[] }): Promise<{ id?: number; discarded?: boolean }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
}

const warn = (what: string, err: unknown) => console.warn(`[SourceLight] ${what}`, err);

/** A pattern for web pages: `<all_urls>`, or an http, https or any-scheme (`*://`) pattern. */
const WEB_PATTERN = /^(<all_urls>|(\*|https?):\/\/[^/]+\/.*)$/;

/**
 * The content script's `matches` for these granted origins: the web ones, sorted and without
 * duplicates; `<all_urls>` alone when it is granted, since it covers every other one.
 */
export function matchesFor(origins: readonly string[] | undefined): string[] {
  const web = [...new Set((origins ?? []).filter((o) => WEB_PATTERN.test(o)))].sort();
  return web.includes('<all_urls>') ? ['<all_urls>'] : web;
}

const sameList = (a: readonly string[] = [], b: readonly string[] = []) => [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Makes the registration match the grants now: registers, updates or unregisters, and does
 * nothing when it already matches. Returns the `matches` now registered ([] for none); never throws.
 */
export async function syncContentScript(api: SyncApi, style: HighlightStyle = 'default'): Promise<string[]> {
  try {
    const matches = matchesFor((await api.permissions.getAll()).origins);
    const ids = [CONTENT_SCRIPT_ID, STYLE_SCRIPT_ID];
    const registered = await api.scripting.getRegisteredContentScripts({ ids });
    const mine = registered.filter((s) => ids.includes(s.id));
    if (matches.length === 0) {
      if (mine.length) await api.scripting.unregisterContentScripts({ ids: mine.map((s) => s.id) });
      return [];
    }
    const wanted: ContentScriptRegistration[] = [
      { id: CONTENT_SCRIPT_ID, js: [CONTENT_SCRIPT_FILE.slice(1)], matches, runAt: 'document_idle' },
      { id: STYLE_SCRIPT_ID, css: [highlightStyleFile(style)], matches, runAt: 'document_start' },
    ];
    const add = wanted.filter((w) => !mine.some((s) => s.id === w.id));
    const change = wanted.filter((w) => {
      const now = mine.find((s) => s.id === w.id);
      return now && (!sameList(now.matches, w.matches) || !sameList(now.css, w.css));
    });
    if (add.length) await api.scripting.registerContentScripts(add);
    if (change.length) await api.scripting.updateContentScripts(change);
    return matches;
  } catch (e) {
    warn('could not register the content script on the granted sites', e);
    return [];
  }
}

/**
 * Gives the content script to open tabs on newly granted `origins` where no copy answers yet
 * (a copy that answers `get-status` is already running). Never throws.
 */
export async function injectIntoOpenTabs(api: InjectApi, origins: readonly string[] | undefined): Promise<number> {
  const patterns = matchesFor(origins);
  if (patterns.length === 0) return 0;
  let injected = 0;
  try {
    const tabs = await api.tabs.query({ url: patterns });
    for (const tab of tabs) {
      if (tab.id === undefined || tab.discarded) continue;
      const tabId = tab.id;
      const running = await api.tabs.sendMessage(tabId, { type: 'get-status' }).then(
        () => true,
        () => false,
      );
      if (running) continue;
      await api.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] }).then(
        () => void injected++,
        // A tab still loading, or showing an error page: its next load gets the registered script.
        (e: unknown) => warn(`could not start on an open tab`, e),
      );
    }
  } catch (e) {
    warn('could not reach the open tabs of the granted sites', e);
  }
  return injected;
}

/**
 * Syncs at once and on every change. Syncs run one after another, so that two close events
 * cannot both try to register the same id. `signal` removes the listeners (tests, hot reload).
 */
export function registerContentScriptSync(
  signal?: AbortSignal,
  highlightStyle: () => Promise<HighlightStyle> = async () => 'default',
): { settled(): Promise<unknown> } {
  let queue: Promise<unknown> = Promise.resolve();
  const api = browser as unknown as SyncApi & InjectApi;
  const style = () => highlightStyle().catch(() => 'default' as const);
  const sync = () => (queue = queue.then(async () => syncContentScript(api, await style())));
  if (signal?.aborted) return { settled: () => queue };
  // A new style reaches pages loaded from now on; open ones restyle themselves (settings-changed).
  const stopSettings = onSettingsWritten(() => void sync());
  const added = (p: { origins?: string[] }) => {
    void sync().then(() => injectIntoOpenTabs(api, p.origins));
  };
  const removed = () => void sync();
  const installed = () => void sync();
  browser.permissions.onAdded.addListener(added);
  browser.permissions.onRemoved.addListener(removed);
  browser.runtime.onInstalled.addListener(installed);
  void sync();
  signal?.addEventListener(
    'abort',
    () => {
      browser.permissions.onAdded.removeListener(added);
      browser.permissions.onRemoved.removeListener(removed);
      browser.runtime.onInstalled.removeListener(installed);
      stopSettings();
    },
    { once: true },
  );
  return { settled: () => queue };
}
