/**
 * The service worker (Chrome) or background page (Firefox). Listeners are registered at once,
 * on every start, so that a service worker woken by a message can answer it.
 */
import browser from 'webextension-polyfill';
import bundled from '../generated/fact-pack.json';
import { packSchema } from '../facts/schema';
import { createPackStore } from './pack-store';
import { listen } from './router';
import { forgetTab } from './tab-status';
import { registerFeatures } from './features';

export function startBackground(): void {
  // The bundled pack is stored compact; parsing restores its defaults (and would refuse a
  // damaged bundle rather than seed it).
  const store = createPackStore(packSchema.parse(bundled));
  listen(store);
  browser.runtime.onInstalled.addListener(() => {
    // Install and update: seed now rather than at the first page.
    void store.ready().catch((err: unknown) => console.warn('[SourceLight] seeding failed', err));
  });
  void store.ready().catch((err: unknown) => console.warn('[SourceLight] seeding failed', err));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  registerFeatures(store);
  // For end-to-end tests and debugging from the service worker console.
  (globalThis as { sourcelight?: unknown }).sourcelight = { store };
}
