/** Opening SourceLight's own pages from the popup and the side panel. */
import { browser } from 'wxt/browser';
import { sourceViewerPath } from './links';

export function extensionUrl(path: string): string {
  return (browser.runtime.getURL as (p: string) => string)(path);
}

export async function openExtensionPage(path: string): Promise<void> {
  await browser.tabs.create({ url: extensionUrl(path) });
}

export async function openSourceViewer(sourceId?: string, factId?: string, quote?: string): Promise<void> {
  await openExtensionPage(sourceViewerPath(sourceId, factId, quote));
}

export async function openOptions(): Promise<void> {
  try {
    await browser.runtime.openOptionsPage();
  } catch {
    await openExtensionPage('/options.html');
  }
}
