/**
 * A message whose type names a property every object inherits ("constructor", "toString",
 * "__proto__") is unknown, like any other: answered with `{ error }`, never a throw that leaves
 * the sender without a reply. Found by the reliability work; see tests/e2e/reliability/.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPackStore, type PackStore } from '../../../src/background/pack-store';
import { route } from '../../../src/background/router';
import { validateMessage } from '../../../src/background/validate-message';
import { openDatabase } from '../../../src/db/database';
import { loadBundledPack } from '../../eval/eval-lib';

const EXT = 'sourcelight-test-id';
const ORIGIN = 'chrome-extension://sourcelight-test-id/';
const INHERITED = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__'];

let store: PackStore;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  store = createPackStore(loadBundledPack(), openDatabase(`router-proto-${++n}`));
});
afterEach(async () => {
  store.db.close();
  await Dexie.delete(store.db.name);
});

describe('message types that are inherited property names', () => {
  it.each(INHERITED)('validateMessage answers %s as unknown', (type) => {
    expect(validateMessage({ type })).toEqual({ ok: false, error: `unknown message type: ${type}` });
  });

  it.each(INHERITED)('route answers %s from a content script and from a page with an error', async (type) => {
    const content = { id: EXT, url: 'https://news.example/', tab: { id: 3 } };
    const page = { id: EXT, url: `${ORIGIN}popup.html` };
    await expect(route({ type }, content, store, EXT, ORIGIN)).resolves.toEqual({ error: `unknown message type: ${type}` });
    await expect(route({ type }, page, store, EXT, ORIGIN)).resolves.toEqual({ error: `unknown message type: ${type}` });
  });
});
