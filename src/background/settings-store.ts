import type { SourceLightDb } from '../db/database';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

const KEY = 'settings';

export async function readSettings(db: SourceLightDb): Promise<Settings> {
  const row = await db.settings.get(KEY);
  const stored = row?.value && typeof row.value === 'object' ? (row.value as Partial<Settings>) : {};
  return { ...DEFAULT_SETTINGS, ...stored };
}

export async function writeSettings(db: SourceLightDb, patch: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await readSettings(db)), ...patch };
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}
