/** The reader's settings, stored in the database's `settings` table and kept across upgrades. */
export interface Settings {
  /** `auto`: check pages about Belarus/ICC on every allowed site; `manual`: only when asked. */
  mode: 'auto' | 'manual';
  /** Hostnames always checked (in manual mode) */
  allowSites: string[];
  /** Hostnames never checked. */
  blockSites: string[];
  showRelated: boolean;
  highlightStyle: 'default' | 'high-contrast' | 'underline-only';
}

export const DEFAULT_SETTINGS: Settings = {
  mode: 'auto',
  allowSites: [],
  blockSites: [],
  showRelated: false,
  highlightStyle: 'default',
};

/** Whether a page at `url` is checked without the reader asking. */
export function autoCheckAllowed(settings: Settings, url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  const matches = (list: string[]) => list.some((h) => host === h || host.endsWith(`.${h}`));
  if (matches(settings.blockSites)) return false;
  if (settings.mode === 'auto') return true;
  return matches(settings.allowSites);
}
