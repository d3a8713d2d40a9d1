/**
 * The content script: wires the page to the background. The work is in src/page/content-main.ts;
 * `ctx.signal` aborts when the extension is reloaded or updated, and takes everything with it.
 *
 * Registered at run time, not in the manifest: src/background/features/content-script-sync.ts
 * registers it on exactly the origins the reader granted, and "Check this page" injects it into
 * the one tab the reader clicked (activeTab). A second copy in the same page (injected while a
 * registered one runs) stops the first: WXT's context invalidates older instances.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { RuntimeLike } from '@/page/background-client';
import { startContentScript } from '@/page/content-main';

export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    startContentScript({ runtime: browser.runtime as unknown as RuntimeLike, signal: ctx.signal });
  },
});
