/**
 * "Check this page" on one tab, from the popup (`check-tab-now`), the `check-page` keyboard
 * command and the context menu: one path, so they behave alike.
 *
 * The tab's content script is asked first. Where none answers (manual mode: the extension has
 * no access to the site; or a tab opened before the extension was installed), SourceLight's own
 * content script file is injected with `scripting.executeScript`, which the reader's click or key
 * press allows through `activeTab` without any host permission, and then asked again.
 */
import { browser } from 'wxt/browser';

/** The built content script (extension/content/index.ts), as WXT names it. */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

export interface CheckTabResult {
  ok: boolean;
  error?: string;
}

/** Asks after an injection this many times, this far apart: the script starts as it is evaluated, but give it time. */
const ASK_TRIES = 5;
const ASK_EVERY_MS = 100;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function askToCheck(tabId: number): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'check-page-now' });
}

/** Checks `tabId` now, injecting the content script first when no copy of it answers there. */
export async function checkTab(tabId: number): Promise<CheckTabResult> {
  try {
    await askToCheck(tabId);
    return { ok: true };
  } catch {
    // Nothing listens in that tab yet.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  } catch (err) {
    // A browser page, the web store, a PDF viewer, or no gesture (no activeTab grant).
    return { ok: false, error: `cannot check this page: ${(err as Error)?.message ?? String(err)}` };
  }
  let last: unknown;
  for (let i = 0; i < ASK_TRIES; i++) {
    await pause(ASK_EVERY_MS);
    try {
      await askToCheck(tabId);
      return { ok: true };
    } catch (err) {
      last = err;
    }
  }
  return { ok: false, error: `cannot check this page: ${(last as Error)?.message ?? String(last)}` };
}
