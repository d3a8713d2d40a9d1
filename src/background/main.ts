/**
 * The service worker (Chrome) or background page (Firefox). Listeners are registered at once,
 * on every start, so that a service worker woken by a message can answer it.
 */
import browser from 'webextension-polyfill';
import pack from '../generated/fact-pack.json';
import type { FactPack } from '../facts/schema';
import { createPackStore } from './pack-store';
import { listen } from './router';
import { forgetTab } from './tab-status';
import { registerFeatures } from './features';

export function startBackground(): void {
  const store = createPackStore(pack as unknown as FactPack);
  listen(store);
  browser.runtime.onInstalled.addListener(() => {
    // Install and update: seed now rather than at the first page.
    void store.ready().catch((err: unknown) => console.warn('[SourceLight] seeding failed', err));
  });
  void store.ready().catch((err: unknown) => console.warn('[SourceLight] seeding failed', err));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  registerFeatures();
  // For end-to-end tests and debugging from the service worker console.
  (globalThis as { sourcelight?: unknown }).sourcelight = { store };
}
