import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED, openDatabase, type SourceLightDb } from '../../src/db/database';
import { ensureSeeded, seedBundledPack, storedPackVersion } from '../../src/db/seed';
import { exportPack, importPack, removePack, setPackEnabled } from '../../src/db/user-packs';
import { readSettings, writeSettings } from '../../src/background/settings-store';
import { tinyPack } from './fixtures';

let db: SourceLightDb;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`test-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('seeding', () => {
  it('loads the bundled pack and records its version', async () => {
    const res = await ensureSeeded(db, tinyPack('1.0.0'));
    expect(res).toMatchObject({ seeded: true, version: '1.0.0' });
    expect(await db.facts.count()).toBe(2);
    expect(await storedPackVersion(db)).toBe('1.0.0');
    expect((await ensureSeeded(db, tinyPack('1.0.0'))).seeded).toBe(false);
  });

  it('upgrades to a newer pack, keeping settings, imported facts and disabled flags', async () => {
    await ensureSeeded(db, tinyPack('1.0.0', ['fact-a', 'fact-b', 'fact-gone']));
    await writeSettings(db, { showRelated: true, blockSites: ['example.com'] });
    await db.facts.update('fact-a', { enabled: false });
    const imported = await importPack(db, JSON.stringify(tinyPack('0.1.0', ['newsroom-1'], 'newsroom')));
    expect(imported.ok).toBe(true);

    const res = await ensureSeeded(db, tinyPack('1.1.0', ['fact-a', 'fact-b', 'fact-new']));
    expect(res).toMatchObject({ seeded: true, version: '1.1.0', previousVersion: '1.0.0' });
    const bundled = (await db.facts.where('packName').equals(BUNDLED).toArray()).map((f) => f.id).sort();
    expect(bundled).toEqual(['fact-a', 'fact-b', 'fact-new']);
    expect((await db.facts.get('fact-a'))?.enabled).toBe(false);
    expect(await db.facts.get('newsroom-1')).toBeTruthy();
    expect(await readSettings(db)).toMatchObject({ showRelated: true, blockSites: ['example.com'] });
  });

  it('leaves the previous pack intact when a load fails half-way', async () => {
    await ensureSeeded(db, tinyPack('1.0.0'));
    const broken = tinyPack('2.0.0', ['x-1', 'x-2']);
    // A fact whose key IndexedDB cannot store makes bulkPut fail inside the transaction.
    (broken.facts[1] as { id: unknown }).id = {};
    await expect(seedBundledPack(db, broken)).rejects.toThrow();
    expect(await storedPackVersion(db)).toBe('1.0.0');
    expect((await db.facts.toArray()).map((f) => f.id).sort()).toEqual(['fact-a', 'fact-b']);
  });

  it('re-seeds when the bundled rows were lost although the version is recorded', async () => {
    await ensureSeeded(db, tinyPack('1.0.0'));
    await db.facts.clear();
    expect((await ensureSeeded(db, tinyPack('1.0.0'))).seeded).toBe(true);
    expect(await db.facts.count()).toBe(2);
  });
});

describe('schema migrations', () => {
  it('upgrades a version-1 database in place', async () => {
    db.close();
    const name = `legacy-${n}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ facts: 'id, packName', sources: 'id, packName', entities: 'id, packName', meta: 'key', settings: 'key' });
    await v1.open();
    await v1.table('facts').put({ id: 'old-fact', packName: BUNDLED });
    await v1.table('settings').put({ key: 'settings', value: { showRelated: true } });
    v1.close();

    const upgraded = openDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(2);
    expect(await upgraded.facts.get('old-fact')).toMatchObject({ enabled: true });
    expect(await readSettings(upgraded)).toMatchObject({ showRelated: true });
    expect(await upgraded.packs.count()).toBe(0);
    upgraded.close();
    await Dexie.delete(name);
  });
});

describe('user packs', () => {
  beforeEach(async () => {
    await ensureSeeded(db, tinyPack('1.0.0'));
  });

  it('imports, exports identically, disables and removes', async () => {
    const pack = tinyPack('0.2.0', ['n-1', 'n-2'], 'newsroom');
    expect(await importPack(db, JSON.stringify(pack))).toEqual({ ok: true, name: 'newsroom', facts: 2 });
    const exported = await exportPack(db, 'newsroom');
    expect(exported).toEqual(pack);
    expect(await importPack(db, JSON.stringify(exported))).toMatchObject({ ok: true });
    expect(await exportPack(db, 'newsroom')).toEqual(pack);

    expect(await setPackEnabled(db, 'newsroom', false)).toBe(true);
    expect((await db.packs.get('newsroom'))?.enabled).toBe(false);
    expect(await removePack(db, 'newsroom')).toBe(true);
    expect(await db.facts.where('packName').equals('newsroom').count()).toBe(0);
  });

  it('rejects a bad pack and changes nothing', async () => {
    const before = await db.facts.count();
    const bad = tinyPack('0.1.0', ['n-1'], 'newsroom');
    bad.facts[0]!.quote.text = 'words that are not in the source';
    const res = await importPack(db, JSON.stringify(bad));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems.join('\n')).toMatch(/n-1.*does not occur verbatim/);
    expect(await db.facts.count()).toBe(before);
    expect(await db.packs.count()).toBe(0);
  });

  it('rejects malformed JSON, reserved names and id clashes with a clear message', async () => {
    expect(await importPack(db, '{"format": 1,')).toMatchObject({ ok: false, problems: [expect.stringMatching(/not valid JSON/)] });
    expect(await importPack(db, JSON.stringify(tinyPack('9.0.0')))).toMatchObject({ ok: false, problems: [expect.stringMatching(/reserved/)] });
    const clash = tinyPack('0.1.0', ['fact-a'], 'newsroom');
    expect(await importPack(db, JSON.stringify(clash))).toMatchObject({ ok: false, problems: [expect.stringMatching(/"fact-a" already exists/)] });
  });

  it('names the field and fact for a schema error', async () => {
    const bad = JSON.parse(JSON.stringify(tinyPack('0.1.0', ['n-1'], 'newsroom')));
    delete bad.facts[0].claim;
    const res = await importPack(db, JSON.stringify(bad, null, 2));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems[0]).toMatch(/facts\[0\] \(n-1\): claim: .*line \d+/);
  });

  it('keeps the bundled pack from being removed', async () => {
    expect(await removePack(db, BUNDLED)).toBe(false);
    expect(await db.facts.count()).toBe(2);
  });
});

describe('user packs that build on the bundled one', () => {
  it('may name bundled entities and cite bundled sources', async () => {
    await ensureSeeded(db, tinyPack('1.0.0'));
    const pack = tinyPack('0.1.0', ['n-1'], 'newsroom');
    pack.entities = [];
    pack.sources = [];
    pack.facts[0]!.quote.source = 'sourcelight-core-src';
    pack.facts[0]!.frame = [['@sourcelight-core-lithuania'], ['refer']];
    expect(await importPack(db, JSON.stringify(pack))).toEqual({ ok: true, name: 'newsroom', facts: 1 });
  });
});
