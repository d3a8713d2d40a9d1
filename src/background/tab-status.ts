/**
 * What each tab's content script last reported (a summary: state and counts), for the popup and
 * the badge. Kept in storage.session as well as memory, so a restarted service worker still
 * knows the tabs.
 */
import browser from 'webextension-polyfill';
import type { PageSummary } from '../messaging/protocol';

const memory = new Map<number, PageSummary>();
const key = (tabId: number) => `tab-status:${tabId}`;

function sessionArea(): browser.Storage.StorageArea | undefined {
  return (browser.storage as { session?: browser.Storage.StorageArea }).session;
}

export async function setTabStatus(tabId: number, reported: PageSummary): Promise<void> {
  // Only the summary's own fields: a content script's message may carry anything.
  const { state, url, title, counts, textLength, checkedAt, error } = reported;
  const status: PageSummary = { state, url, title, counts, textLength, ...(checkedAt !== undefined ? { checkedAt } : {}), ...(error !== undefined ? { error } : {}) };
  memory.set(tabId, status);
  await sessionArea()?.set({ [key(tabId)]: status }).catch(() => undefined);
  await updateBadge(tabId, status);
}

export async function getTabStatus(tabId: number): Promise<PageSummary | null> {
  const known = memory.get(tabId);
  if (known) return known;
  const stored = await sessionArea()?.get(key(tabId)).catch(() => undefined);
  const status = (stored?.[key(tabId)] as PageSummary | undefined) ?? null;
  if (status) memory.set(tabId, status);
  return status;
}

export async function forgetTab(tabId: number): Promise<void> {
  memory.delete(tabId);
  await sessionArea()?.remove(key(tabId)).catch(() => undefined);
}

/** The number of discrepancies on the tab; no badge when there are none. */
export function badgeText(status: PageSummary): string {
  const n = status.counts.discrepancy;
  return n === 0 ? '' : n > 99 ? '99+' : String(n);
}

async function updateBadge(tabId: number, status: PageSummary): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  if (!action) return;
  await action.setBadgeText({ tabId, text: badgeText(status) }).catch(() => undefined);
  await action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }).catch(() => undefined);
}
