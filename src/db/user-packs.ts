/**
 * Fact packs a user or newsroom imports. An import is all or nothing: it is validated whole
 * before the database is touched, and written in one transaction.
 */
import { packSchema, type FactPack } from '../facts/schema';
import { describeProblems, validatePack, type PackProblem } from '../facts/validate-pack';
import { BUNDLED, type SourceLightDb } from './database';

export const RESERVED_PACK_NAMES = new Set([BUNDLED, 'sourcelight-core']);

export type ImportResult = { ok: true; name: string; facts: number } | { ok: false; problems: string[] };

/** JSON positions for messages: "facts[3]" → the line where that fact starts, when findable. */
function locate(json: string, problems: PackProblem[]): string[] {
  return problems.map((p) => {
    const m = /^(\w+)\[(\d+)\]/.exec(p.where);
    let line = '';
    if (m && p.id) {
      const at = json.indexOf(`"${p.id}"`);
      if (at >= 0) line = ` (line ${json.slice(0, at).split('\n').length})`;
    }
    return `${describeProblems([p])}${line}`;
  });
}

export async function importPack(db: SourceLightDb, json: string, now = new Date()): Promise<ImportResult> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    return { ok: false, problems: [`not valid JSON: ${(err as Error).message}`] };
  }
  // A user pack may name the bundled entities and cite bundled sources without copying them.
  const [bundledEntities, bundledSources] = await Promise.all([
    db.entities.where('packName').equals(BUNDLED).primaryKeys(),
    db.sources.where('packName').equals(BUNDLED).toArray(),
  ]);
  const result = validatePack(data, {}, { entities: bundledEntities as string[], sources: new Map(bundledSources.map((s) => [s.id, s])) });
  if (!result.ok) return { ok: false, problems: locate(json, result.problems) };
  const pack = result.pack;
  if (RESERVED_PACK_NAMES.has(pack.name)) return { ok: false, problems: [`name: "${pack.name}" is reserved for the bundled pack; give your pack its own name`] };

  const problems: string[] = [];
  const clash = async (table: 'facts' | 'sources' | 'entities', ids: string[]) => {
    const rows = await db[table].bulkGet(ids);
    rows.forEach((row, i) => {
      if (row && row.packName !== pack.name) problems.push(`${table}: id "${ids[i]}" already exists in pack "${row.packName}"`);
    });
  };
  await clash('facts', pack.facts.map((f) => f.id));
  await clash('sources', pack.sources.map((s) => s.id));
  await clash('entities', pack.entities.map((e) => e.id));
  if (problems.length) return { ok: false, problems };

  await db.transaction('rw', [db.facts, db.sources, db.entities, db.packs], async () => {
    // Re-importing a pack replaces it.
    for (const t of [db.facts, db.sources, db.entities] as const) await t.where('packName').equals(pack.name).delete();
    await db.sources.bulkPut(pack.sources.map((s) => ({ ...s, packName: pack.name })));
    await db.entities.bulkPut(pack.entities.map((e) => ({ ...e, packName: pack.name })));
    await db.facts.bulkPut(pack.facts.map((f) => ({ ...f, origin: 'imported' as const, packName: pack.name, enabled: true })));
    await db.packs.put({ name: pack.name, version: pack.version, importedAt: now.toISOString(), facts: pack.facts.length, enabled: true });
  });
  return { ok: true, name: pack.name, facts: pack.facts.length };
}

/** The pack as it was imported: imports back identically. */
export async function exportPack(db: SourceLightDb, name: string): Promise<FactPack | null> {
  const info = await db.packs.get(name);
  if (!info) return null;
  const strip = <T extends { packName: string }>({ packName: _p, ...rest }: T) => rest;
  const [facts, sources, entities] = await Promise.all([
    db.facts.where('packName').equals(name).toArray(),
    db.sources.where('packName').equals(name).toArray(),
    db.entities.where('packName').equals(name).toArray(),
  ]);
  return packSchema.parse({
    format: 1,
    name,
    version: info.version,
    sources: sources.map(strip),
    entities: entities.map(strip),
    facts: facts.map(({ enabled: _e, origin: _o, ...f }) => strip({ ...f, origin: 'bundled' as const })),
  });
}

export async function removePack(db: SourceLightDb, name: string): Promise<boolean> {
  if (RESERVED_PACK_NAMES.has(name)) return false;
  return db.transaction('rw', [db.facts, db.sources, db.entities, db.packs], async () => {
    const existed = !!(await db.packs.get(name));
    for (const t of [db.facts, db.sources, db.entities] as const) await t.where('packName').equals(name).delete();
    await db.packs.delete(name);
    return existed;
  });
}

export async function setPackEnabled(db: SourceLightDb, name: string, enabled: boolean): Promise<boolean> {
  return (await db.packs.update(name, { enabled })) > 0;
}
