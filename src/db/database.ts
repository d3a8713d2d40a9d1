/**
 * The extension's IndexedDB, owned by the background. Bundled content is replaced wholesale on
 * every pack upgrade; what the user made (settings, imported packs) is never touched by seeding.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Entity, Fact, Source } from '../facts/schema';

/** `bundled` for the shipped pack, else the name of the user-imported pack the row came from. */
export type Origin = string;
export const BUNDLED: Origin = 'bundled';

export type StoredFact = Fact & { packName: Origin; enabled: boolean };
export type StoredSource = Source & { packName: Origin };
export type StoredEntity = Entity & { packName: Origin };

export interface MetaRow {
  key: string;
  value: unknown;
}
export interface SettingRow {
  key: string;
  value: unknown;
}
export interface ImportedPackRow {
  name: string;
  version: string;
  importedAt: string;
  facts: number;
  enabled: boolean;
}

export type SourceLightDb = Dexie & {
  facts: EntityTable<StoredFact, 'id'>;
  sources: EntityTable<StoredSource, 'id'>;
  entities: EntityTable<StoredEntity, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  settings: EntityTable<SettingRow, 'key'>;
  packs: EntityTable<ImportedPackRow, 'name'>;
};

export const DB_NAME = 'sourcelight';

/**
 * Every schema version the database has had, oldest first. Never edit a released version:
 * add a new one, so that a browser holding any earlier database upgrades in place.
 */
export function defineVersions(db: Dexie): void {
  db.version(1).stores({
    facts: 'id, packName',
    sources: 'id, packName',
    entities: 'id, packName',
    meta: 'key',
    settings: 'key',
  });
  db.version(2)
    .stores({ packs: 'name' })
    .upgrade(async (tx) => {
      // v1 stored no `enabled` flag: every fact was active.
      await tx
        .table('facts')
        .toCollection()
        .modify((f: Partial<StoredFact>) => {
          if (f.enabled === undefined) f.enabled = true;
        });
    });
}

export function openDatabase(name = DB_NAME, indexedDB?: IDBFactory, keyRange?: typeof IDBKeyRange): SourceLightDb {
  const db = new Dexie(name, indexedDB ? { indexedDB, IDBKeyRange: keyRange } : undefined) as SourceLightDb;
  defineVersions(db);
  return db;
}
