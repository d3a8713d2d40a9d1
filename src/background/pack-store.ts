/**
 * The background's view of the fact base: the database, seeded from the bundled pack, and an
 * in-memory matcher built from it. The matcher is rebuilt lazily after any change and after the
 * browser restarts the service worker (memory is gone; the database is not).
 */
import { createMatcher, type Matcher } from '../core/matcher';
import { BUNDLED, openDatabase, type SourceLightDb } from '../db/database';
import { ensureSeeded, seedBundledPack } from '../db/seed';
import { gateTermsFor } from '../core/topic-gate';
import type { FactPack } from '../facts/schema';

export interface PackStore {
  db: SourceLightDb;
  /** Resolves once the database holds the bundled pack. */
  ready(): Promise<void>;
  matcher(): Promise<Matcher>;
  /** The topic gate's terms for content scripts: the bundled pack's and enabled imports'. */
  gateTerms(): Promise<string[]>;
  /** Drops the in-memory index; the next check rebuilds it from the database. */
  invalidate(): void;
  bundledVersion: string;
}

export function createPackStore(bundled: FactPack, db: SourceLightDb = openDatabase()): PackStore {
  let seeding: Promise<void> | undefined;
  let building: Promise<Matcher> | undefined;
  let terms: Promise<string[]> | undefined;

  const ready = () => {
    seeding ??= ensureSeeded(db, bundled)
      .then(() => undefined)
      .catch(async (err: unknown) => {
        seeding = undefined;
        // A database that cannot even be read is rebuilt from the bundled pack; settings are
        // kept where the settings table can still be read.
        console.warn('[SourceLight] database unreadable, rebuilding', err);
        const settings = await db.settings.toArray().catch(() => []);
        db.close();
        await db.delete();
        await db.open();
        await ensureSeeded(db, bundled);
        if (settings.length) await db.settings.bulkPut(settings);
      });
    return seeding;
  };

  async function activePacks(): Promise<(name: string) => boolean> {
    await ready();
    const disabledPacks = new Set((await db.packs.toArray()).filter((p) => !p.enabled).map((p) => p.name));
    return (name: string) => name === BUNDLED || !disabledPacks.has(name);
  }

  async function activeEntities() {
    const active = await activePacks();
    return (await db.entities.toArray()).filter((e) => active(e.packName));
  }

  /** The matcher over what the database holds; `bundledOnly` leaves imported packs out. */
  async function buildFrom(bundledOnly: boolean): Promise<Matcher> {
    const enabled = await activePacks();
    const active = (name: string) => enabled(name) && (!bundledOnly || name === BUNDLED);
    const [facts, entities, sources, version] = await Promise.all([
      db.facts.toArray(),
      db.entities.toArray(),
      db.sources.toArray(),
      db.meta.get('packVersion'),
    ]);
    return createMatcher({
      version: typeof version?.value === 'string' ? version.value : bundled.version,
      facts: facts.filter((f) => f.enabled && active(f.packName)),
      entities: entities.filter((e) => active(e.packName)),
      sources,
    });
  }

  /**
   * Rows damaged behind SourceLight's back (or by a bug) can make the matcher fail although the
   * stored version looks current, and every check with it. Then the bundled pack is written
   * afresh; if imported packs still fail, checks go on with the bundled facts alone.
   */
  async function build(): Promise<Matcher> {
    try {
      return await buildFrom(false);
    } catch (err) {
      console.warn('[SourceLight] stored facts unusable, re-seeding the bundled pack', err);
      await seedBundledPack(db, bundled);
      terms = undefined;
      try {
        return await buildFrom(false);
      } catch (again) {
        console.warn('[SourceLight] an imported pack is unusable; checking with the bundled facts only', again);
        return buildFrom(true);
      }
    }
  }

  return {
    db,
    ready,
    matcher() {
      building ??= build().catch((err: unknown) => {
        building = undefined;
        throw err;
      });
      return building;
    },
    gateTerms() {
      terms ??= activeEntities()
        .then((entities) => gateTermsFor(entities))
        .catch((err: unknown) => {
          terms = undefined;
          throw err;
        });
      return terms;
    },
    invalidate() {
      building = undefined;
      terms = undefined;
    },
    bundledVersion: bundled.version,
  };
}
