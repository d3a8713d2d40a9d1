/**
 * The topic gate's terms. build:pack writes them from the entity names in data/ to
 * src/generated/gate-terms.json (a JSON array of lowercase strings); a glob import, unlike a
 * plain one, still builds while that file does not exist yet, and then the fallback applies.
 */
import { FALLBACK_GATE_TERMS } from './gate-terms-fallback';

const generated = import.meta.glob<unknown>('../generated/gate-terms.json', { eager: true, import: 'default' });

function isTermList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string' && t.length > 0);
}

const fromBuild = Object.values(generated)[0];

export const GATE_TERMS: readonly string[] = isTermList(fromBuild) ? fromBuild : FALLBACK_GATE_TERMS;
