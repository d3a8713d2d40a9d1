/**
 * The first page a new reader sees. SourceLight is installed with no access to any site
 * (wxt.config.ts), so automatic checking, the intended default, cannot start until the reader
 * grants it; on a fresh install the options page opens at its welcome section, which explains the
 * choice and offers the grant. Not on updates, and not when access is already there.
 */
import { browser } from 'wxt/browser';
import { ALL_SITES } from '../../site-permissions';

export const WELCOME_PATH = '/options.html#welcome';

const warn = (what: string, err: unknown) => console.warn(`[SourceLight] ${what}`, err);

/** Opens the welcome page after a fresh install without access to every site. Never throws. */
export async function welcomeOnInstall(details: { reason: string }): Promise<boolean> {
  if (details.reason !== 'install') return false;
  try {
    if (await browser.permissions.contains({ origins: [...ALL_SITES] })) return false;
    await browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)(WELCOME_PATH) });
    return true;
  } catch (e) {
    warn('could not open the welcome page', e);
    return false;
  }
}

/** Listens for the install, at once (it fires only in the first run of the background). */
export function registerWelcome(signal?: AbortSignal): void {
  if (signal?.aborted) return;
  const installed = (details: { reason: string }) => void welcomeOnInstall(details);
  browser.runtime.onInstalled.addListener(installed);
  signal?.addEventListener('abort', () => browser.runtime.onInstalled.removeListener(installed), { once: true });
}
