/**
 * Loads the bundled fact pack into the database. One transaction over every table it writes,
 * so a load that fails half-way leaves the previous pack in place.
 */
import type { FactPack } from '../facts/schema';
import { BUNDLED, type SourceLightDb } from './database';

export const META_PACK_VERSION = 'packVersion';
export const META_PACK_NAME = 'packName';
export const META_SEEDED_AT = 'seededAt';

export interface SeedResult {
  seeded: boolean;
  version: string;
  previousVersion?: string;
}

export async function storedPackVersion(db: SourceLightDb): Promise<string | undefined> {
  const row = await db.meta.get(META_PACK_VERSION);
  return typeof row?.value === 'string' ? row.value : undefined;
}

/** Replaces the bundled rows with `pack`'s; imported rows, settings and packs are kept. */
export async function seedBundledPack(db: SourceLightDb, pack: FactPack, now = new Date()): Promise<SeedResult> {
  const previousVersion = await storedPackVersion(db);
  await db.transaction('rw', [db.facts, db.sources, db.entities, db.meta], async () => {
    // Facts a user disabled stay disabled across upgrades when the fact survives.
    const disabled = new Set(
      (await db.facts.where('packName').equals(BUNDLED).toArray()).filter((f) => !f.enabled).map((f) => f.id),
    );
    await db.facts.where('packName').equals(BUNDLED).delete();
    await db.sources.where('packName').equals(BUNDLED).delete();
    await db.entities.where('packName').equals(BUNDLED).delete();
    await db.sources.bulkPut(pack.sources.map((s) => ({ ...s, packName: BUNDLED })));
    await db.entities.bulkPut(pack.entities.map((e) => ({ ...e, packName: BUNDLED })));
    await db.facts.bulkPut(
      pack.facts.map((f) => ({ ...f, origin: 'bundled' as const, packName: BUNDLED, enabled: !disabled.has(f.id) })),
    );
    await db.meta.bulkPut([
      { key: META_PACK_VERSION, value: pack.version },
      { key: META_PACK_NAME, value: pack.name },
      { key: META_SEEDED_AT, value: now.toISOString() },
    ]);
  });
  return { seeded: true, version: pack.version, previousVersion };
}

/** Seeds when the stored version differs from the bundled one (install, update, or a wiped DB). */
export async function ensureSeeded(db: SourceLightDb, pack: FactPack): Promise<SeedResult> {
  const current = await storedPackVersion(db);
  const count = await db.facts.where('packName').equals(BUNDLED).count();
  if (current === pack.version && count === pack.facts.length) return { seeded: false, version: current };
  return seedBundledPack(db, pack);
}
