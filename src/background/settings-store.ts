import type { SourceLightDb } from '../db/database';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

const KEY = 'settings';

/** Told after every write, in the background only: features that follow settings (the registered style file). */
const written = new Set<(settings: Settings) => void>();

/** Calls `listener` after each write of the settings; returns the unsubscribe. */
export function onSettingsWritten(listener: (settings: Settings) => void): () => void {
  written.add(listener);
  return () => written.delete(listener);
}

export async function readSettings(db: SourceLightDb): Promise<Settings> {
  const row = await db.settings.get(KEY);
  const stored = row?.value && typeof row.value === 'object' ? (row.value as Partial<Settings>) : {};
  return { ...DEFAULT_SETTINGS, ...stored };
}

export async function writeSettings(db: SourceLightDb, patch: Partial<Settings>): Promise<Settings> {
  const next = await db.transaction('rw', db.settings, async () => {
    const merged = { ...(await readSettings(db)), ...patch };
    await db.settings.put({ key: KEY, value: merged });
    return merged;
  });
  for (const listener of written) {
    try {
      listener(next);
    } catch (e) {
      console.warn('[SourceLight] a settings listener failed', e);
    }
  }
  return next;
}
