/**
 * "Check with SourceLight" on selected text, and the two keyboard commands.
 *
 * The menu entry puts the selection in storage (src/sidepanel/pending-selection.ts) and opens
 * the side panel, which loads it. Opening a panel is allowed only inside the user's gesture:
 * `chrome.sidePanel.open()` and Firefox's `sidebarAction.open()` are therefore called
 * synchronously, first thing in the click or command listener, before any `await`; storing
 * the text happens after, and the panel picks it up through `storage.onChanged` if it is
 * already open by then.
 *
 * Commands (declared in the manifest): `check-page` checks the active tab now (injecting the
 * content script where none runs); `open-panel` opens the side panel.
 */
import { browser, type Browser } from 'wxt/browser';
import { storePendingSelection } from '../../sidepanel/pending-selection';
import { checkTab } from '../check-tab';

export const MENU_ID = 'sourcelight-check-selection';
export const MENU_TITLE = 'Check with SourceLight';
export const COMMAND_CHECK_PAGE = 'check-page';
export const COMMAND_OPEN_PANEL = 'open-panel';

const warn = (what: string, err: unknown) => console.warn(`[SourceLight] ${what}`, err);

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

/**
 * Opens the side panel. Must be called synchronously from a user gesture's listener.
 * Firefox is tried first because it also defines `chrome`, but never `chrome.sidePanel`.
 */
export function openPanel(windowId?: number, tabId?: number): void {
  const g = globalThis as { browser?: { sidebarAction?: FirefoxSidebarAction }; chrome?: { sidePanel?: ChromeSidePanel } };
  try {
    // The native `browser` global: Firefox's. Chromium has none (or the polyfill's, without sidebarAction).
    const sidebar = g.browser?.sidebarAction;
    if (sidebar?.open) {
      sidebar.open().catch((e: unknown) => warn('could not open the sidebar', e));
      return;
    }
    const panel = g.chrome?.sidePanel;
    if (panel?.open) {
      // sidePanel.open needs a window or a tab; the current window is the fallback.
      const target = windowId !== undefined && windowId >= 0 ? { windowId } : tabId !== undefined ? { tabId } : { windowId: -2 /* WINDOW_ID_CURRENT */ };
      panel.open(target).catch((e: unknown) => warn('could not open the side panel', e));
      return;
    }
    warn('no side panel API in this browser', null);
  } catch (e) {
    warn('could not open the side panel', e);
  }
}

/** Creates the menu entry; a "duplicate id" (entry already there) is expected and ignored. */
export function createMenu(): void {
  try {
    browser.contextMenus.create({ id: MENU_ID, title: MENU_TITLE, contexts: ['selection'] }, () => {
      // Reading lastError marks it handled, so Chrome does not log "Unchecked runtime.lastError".
      void browser.runtime.lastError;
    });
  } catch (e) {
    warn('could not create the context menu', e);
  }
}

/**
 * Checks `tab`, or the active tab, now: the same path as the popup's button (src/background/
 * check-tab.ts), so in manual mode the content script is injected through activeTab.
 */
export async function checkPageNow(tab?: Browser.tabs.Tab): Promise<boolean> {
  let target = tab;
  if (target?.id === undefined) [target] = await browser.tabs.query({ active: true, currentWindow: true });
  if (target?.id === undefined) return false;
  const result = await checkTab(target.id);
  // Browser pages, the web store, a PDF viewer: nothing SourceLight may read.
  if (!result.ok) warn('this tab cannot be checked', result.error);
  return result.ok;
}

export function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  if (info.menuItemId !== MENU_ID) return;
  // First, while the gesture lasts.
  openPanel(tab?.windowId, tab?.id);
  const text = info.selectionText?.trim();
  if (!text) return;
  storePendingSelection({ text, url: info.pageUrl ?? tab?.url, title: tab?.title }).catch((e: unknown) => warn('could not hand the selection to the side panel', e));
}

export function onCommand(command: string, tab?: Browser.tabs.Tab): void {
  if (command === COMMAND_OPEN_PANEL) openPanel(tab?.windowId, tab?.id);
  else if (command === COMMAND_CHECK_PAGE) void checkPageNow(tab).catch((e: unknown) => warn('check-page failed', e));
}

/**
 * Registers the menu and the command listeners, at once (a service worker woken by a click must
 * find its listener). The menu is created on install/update, and again at browser start for
 * Firefox's MV2 background page, whose menus do not survive a restart. `signal` removes the
 * listeners again (tests, hot reload).
 */
export function registerContextMenu(signal?: AbortSignal): void {
  if (signal?.aborted) return;
  const installed = () => createMenu();
  browser.runtime.onInstalled.addListener(installed);
  browser.runtime.onStartup.addListener(installed);
  browser.contextMenus.onClicked.addListener(onMenuClicked);
  // Some browsers (Firefox for Android) have no commands API.
  const commands = browser.commands as typeof browser.commands | undefined;
  commands?.onCommand.addListener(onCommand);
  signal?.addEventListener(
    'abort',
    () => {
      browser.runtime.onInstalled.removeListener(installed);
      browser.runtime.onStartup.removeListener(installed);
      browser.contextMenus.onClicked.removeListener(onMenuClicked);
      commands?.onCommand.removeListener(onCommand);
    },
    { once: true },
  );
}
