/**
 * The content script: wires the page to the background. The work is in src/page/content-main.ts;
 * `ctx.signal` aborts when the extension is reloaded or updated, and takes everything with it.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { RuntimeLike } from '@/page/background-client';
import { startContentScript } from '@/page/content-main';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript({ runtime: browser.runtime as unknown as RuntimeLike, signal: ctx.signal });
  },
});
