/**
 * Hostnames in the allow and block lists, and the "Check this site automatically" switch.
 * The lists match a host and its subdomains, exactly as autoCheckAllowed in settings.ts does.
 */
import { autoCheckAllowed, type Settings } from '../settings';

/** The hostname of a web page, or null for pages the extension cannot check (chrome://, file:). */
export function webHostname(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname || null;
  } catch {
    return null;
  }
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export type HostnameResult = { ok: true; host: string } | { ok: false; problem: string };

/**
 * What a reader typed ("https://www.BBC.co.uk/news", "*.example.org", "пример.бел") as a
 * lower-case (punycode) hostname, or why it is not one.
 */
export function parseHostname(input: string): HostnameResult {
  let text = input.trim();
  if (text === '') return { ok: false, problem: 'Type a site name, such as example.com.' };
  text = text.replace(/^\*\./, '');
  let host: string;
  try {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
    const u = new URL(withScheme);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      return { ok: false, problem: 'Only web sites (http and https) can be listed.' };
    }
    if (u.username || u.password) return { ok: false, problem: `"${input.trim()}" is not a site name.` };
    host = u.hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return { ok: false, problem: `"${input.trim()}" is not a site name.` };
  }
  if (host.startsWith('[')) return { ok: true, host }; // IPv6 literal, normalised by URL
  const labels = host.split('.');
  if (host.length > 253 || labels.some((l) => !LABEL.test(l))) {
    return { ok: false, problem: `"${input.trim()}" is not a site name.` };
  }
  if (labels.length < 2 && host !== 'localhost') {
    return { ok: false, problem: `"${host}" is not a full site name; add its ending, such as ${host}.com.` };
  }
  return { ok: true, host };
}

/** Whether a list entry `entry` covers `host` (the host itself or one of its parent domains). */
export function covers(entry: string, host: string): boolean {
  return host === entry || host.endsWith(`.${entry}`);
}

/**
 * The settings change that turns automatic checking of `host` on or off, given the mode:
 * in `auto` mode the block list decides, in `manual` mode the allow list (and a block entry
 * always wins, so turning on also lifts it). Returns null when nothing needs to change.
 */
export function autoCheckChange(
  settings: Settings,
  host: string,
  on: boolean,
): Pick<Settings, 'allowSites' | 'blockSites'> | null {
  const url = `https://${host}/`;
  if (autoCheckAllowed(settings, url) === on) return null;
  let allowSites = [...settings.allowSites];
  let blockSites = [...settings.blockSites];
  if (on) {
    blockSites = blockSites.filter((h) => !covers(h, host));
    if (settings.mode === 'manual' && !allowSites.some((h) => covers(h, host))) allowSites.push(host);
  } else if (settings.mode === 'auto') {
    blockSites.push(host);
  } else {
    allowSites = allowSites.filter((h) => !covers(h, host));
  }
  return { allowSites, blockSites };
}
