/**
 * The host access SourceLight asks for, as match patterns. The manifest grants none at install
 * (wxt.config.ts lists `<all_urls>` as optional only); the options page requests these, and the
 * background registers the content script on whatever is granted.
 */

/** Automatic mode: every site. */
export const ALL_SITES: readonly string[] = ['<all_urls>'];

const IP_V4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * The patterns for one allow-list entry: the host, and its subdomains as the list's matching
 * does (src/settings.ts). An IP address has no subdomains, and `*.` before one is no pattern.
 */
export function sitePatterns(host: string): string[] {
  if (IP_V4.test(host) || host.startsWith('[')) return [`*://${host}/*`];
  return [`*://${host}/*`, `*://*.${host}/*`];
}
