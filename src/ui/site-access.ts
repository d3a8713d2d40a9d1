/**
 * Asking for, giving back and reading the reader's grants of site access, from the extension's
 * pages (options, popup). The manifest holds no host access (wxt.config.ts); the background
 * follows whatever is granted (src/background/features/content-script-sync.ts).
 *
 * The browser shows its permission prompt only inside a user gesture: `requestOrigins` must be
 * called synchronously from a click or submit handler, before any `await`, and it calls
 * `permissions.request` at once for that reason.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * Runs one permissions call, with `fallback` when the browser throws or rejects (no such API,
 * an invalid pattern, no gesture): these helpers never reject. `what` is logged, when given.
 */
function safely<T>(what: string | null, run: () => Promise<T>, fallback: T): Promise<T> {
  const fail = (e: unknown) => {
    if (what) console.warn(`[SourceLight] ${what}`, e);
    return fallback;
  };
  try {
    return run().catch(fail);
  } catch (e) {
    return Promise.resolve(fail(e));
  }
}

/** Shows the browser's prompt for `origins`; true when they are granted. */
export const requestOrigins = (origins: readonly string[]): Promise<boolean> =>
  safely('the browser refused the request for site access', async () => (await browser.permissions.request({ origins: [...origins] })) === true, false);

/** Gives `origins` back; true when the browser removed them (Chromium keeps what a manifest requires). */
export const removeOrigins = (origins: readonly string[]): Promise<boolean> =>
  safely('could not give site access back', async () => (await browser.permissions.remove({ origins: [...origins] })) === true, false);

/** Whether every one of `origins` is granted; null when the browser cannot say. */
export const hasOrigins = (origins: readonly string[]): Promise<boolean | null> =>
  safely<boolean | null>(null, async () => (await browser.permissions.contains({ origins: [...origins] })) === true, null);

/**
 * A number that changes whenever a grant is added or withdrawn anywhere (this page, another
 * page, the browser's own settings), or `bump` is called: a dependency for effects that read grants.
 */
export function useGrantChanges(): { version: number; bump(): void } {
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    const p = browser.permissions;
    try {
      p.onAdded.addListener(bump);
      p.onRemoved.addListener(bump);
    } catch {
      // No permission events here: grants are read again after this page's own requests only.
      return undefined;
    }
    return () => {
      p.onAdded.removeListener(bump);
      p.onRemoved.removeListener(bump);
    };
  }, [bump]);
  return { version, bump };
}

export interface SiteAccess {
  /** Granted, not granted, or not known (yet, or the browser cannot say). */
  granted: boolean | null;
  /** Reads the grant again (after a request or a removal). */
  refresh(): void;
}

/** Whether `origins` are all granted, kept up to date. */
export function useSiteAccess(origins: readonly string[]): SiteAccess {
  const [granted, setGranted] = useState<boolean | null>(null);
  const { version, bump } = useGrantChanges();
  // Callers pass a fresh array each render: the joined text is the dependency.
  const key = origins.join(' ');
  useEffect(() => {
    let current = true;
    void hasOrigins(origins).then((has) => current && setGranted(has));
    return () => {
      current = false;
    };
  }, [key, version]);
  return { granted, refresh: bump };
}
