import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase } from '../../../src/db/database';
import { createPackStore, type PackStore } from '../../../src/background/pack-store';
import { route, senderKind } from '../../../src/background/router';
import { validateMessage, MESSAGE_LIMITS } from '../../../src/background/validate-message';
import { loadBundledPack } from '../../eval/eval-lib';

const EXT = 'sourcelight-test-id';
const ORIGIN = 'chrome-extension://sourcelight-test-id/';
const page = { id: EXT, url: `${ORIGIN}popup.html` };
const content = { id: EXT, url: 'https://news.example/article', tab: { id: 7 } };
const pack = loadBundledPack();

let store: PackStore;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  store = createPackStore(pack, openDatabase(`router-${++n}`));
});
afterEach(async () => {
  store.db.close();
  await Dexie.delete(store.db.name);
});

describe('senders', () => {
  it('accepts only our own contexts', () => {
    expect(senderKind(page, EXT, ORIGIN)).toBe('page');
    expect(senderKind(content, EXT, ORIGIN)).toBe('content');
    expect(senderKind({ id: 'another-extension', url: 'https://evil.example' }, EXT, ORIGIN)).toBeNull();
    expect(senderKind({ id: EXT }, EXT, ORIGIN)).toBeNull();
  });

  it('refuses another extension', async () => {
    expect(await route({ type: 'get-settings' }, { id: 'other' }, store, EXT, ORIGIN)).toEqual({ error: 'sender not allowed' });
  });

  it('keeps page-only messages away from content scripts', async () => {
    const reply = await route({ type: 'import-pack', json: '{}' }, content, store, EXT, ORIGIN);
    expect(reply).toEqual({ error: 'import-pack is not allowed from a page' });
  });
});

describe('malformed messages get an error, never a throw', () => {
  it.each([
    [null, /must be an object/],
    ['check-sentences', /must be an object/],
    [{ type: 'no-such-thing' }, /unknown message type/],
    [{ type: 'check-sentences' }, /invalid check-sentences: sentences/],
    [{ type: 'check-sentences', sentences: [{ text: 5, start: 0, end: 1 }] }, /invalid check-sentences/],
    [{ type: 'check-sentences', sentences: Array.from({ length: MESSAGE_LIMITS.sentences + 1 }, () => ({ text: 'a', start: 0, end: 1 })) }, /invalid check-sentences/],
    [{ type: 'check-paragraphs', paragraphs: [{ text: 'a'.repeat(MESSAGE_LIMITS.paragraphLength + 1), start: 0, end: 1 }] }, /invalid check-paragraphs/],
    [
      { type: 'check-paragraphs', paragraphs: Array.from({ length: 20 }, () => ({ text: 'a'.repeat(12_000), start: 0, end: 1 })) },
      /invalid check-paragraphs: .*characters in all/,
    ],
    [{ type: 'set-settings', settings: { mode: 'always' } }, /invalid set-settings/],
    [{ type: 'set-settings', settings: { blockSites: ['<script>'] } }, /invalid set-settings/],
    [{ type: 'get-tab-status', tabId: -1 }, /invalid get-tab-status/],
  ])('case %#', async (message, error) => {
    expect(validateMessage(message)).toMatchObject({ ok: false });
    const reply = (await route(message, page, store, EXT, ORIGIN)) as { error: string };
    expect(reply.error).toMatch(error);
  });
});

describe('handlers', () => {
  it('seeds on first use and checks sentences from a content script', async () => {
    const text = 'Poland referred Lukashenko to the ICC.';
    const reply = (await route({ type: 'check-sentences', sentences: [{ text, start: 10, end: 10 + text.length }] }, content, store, EXT, ORIGIN)) as { findings: { verdict: string; start: number }[] };
    expect(reply.findings).toHaveLength(1);
    expect(reply.findings[0]).toMatchObject({ verdict: 'discrepancy', start: 10 });
    expect(await store.db.facts.count()).toBe(pack.facts.length);
  });

  it('picks the sentences of the paragraphs a page sends, and checks them with the page\'s offsets', async () => {
    const on = 'Poland referred Lukashenko to the ICC. The weather was mild.';
    const off = 'Poland referred nobody to anything. It rained.';
    const reply = (await route(
      { type: 'check-paragraphs', paragraphs: [{ text: on, start: 100, end: 100 + on.length }, { text: off, start: 300, end: 300 + off.length }] },
      content,
      store,
      EXT,
      ORIGIN,
    )) as { findings: { verdict: string; start: number; end: number; sentence: string }[] };
    expect(reply.findings.map((f) => [f.verdict, f.start, f.end])).toEqual([['discrepancy', 100, 100 + 'Poland referred Lukashenko to the ICC.'.length]]);
  });

  it('checks free text for the side panel and names the pack version', async () => {
    const reply = (await route({ type: 'check-text', text: 'On 30 September 2024, Lithuania referred the situation in Belarus to the ICC.' }, page, store, EXT, ORIGIN)) as { findings: { verdict: string }[]; packVersion: string };
    expect(reply.packVersion).toBe(pack.version);
    expect(reply.findings.map((f) => f.verdict)).toEqual(['agree']);
  });

  it('stores settings and answers page config by site', async () => {
    await route({ type: 'set-settings', settings: { blockSites: ['blocked.example'] } }, page, store, EXT, ORIGIN);
    expect(await route({ type: 'get-page-config', url: 'https://blocked.example/x' }, content, store, EXT, ORIGIN)).toMatchObject({ autoCheck: false });
    expect(await route({ type: 'get-page-config', url: 'https://news.example/x' }, content, store, EXT, ORIGIN)).toMatchObject({ autoCheck: true });
  });

  it('records page status per tab for the popup', async () => {
    const status = { state: 'done', url: 'https://news.example/a', title: 'A', counts: { agree: 0, discrepancy: 1, related: 0 }, textLength: 10 };
    await route({ type: 'page-status', status }, content, store, EXT, ORIGIN);
    // No content script answers in this fake: the stored summary stands in, without findings.
    expect(await route({ type: 'get-tab-status', tabId: 7 }, page, store, EXT, ORIGIN)).toEqual({
      status: { state: 'done', url: 'https://news.example/a', title: 'A', textLength: 10, findings: [] },
    });
    // A status that still carries findings (an old content script) is refused, not stored.
    const old = { state: 'done', url: 'https://news.example/a', title: 'A', findings: [], textLength: 10 };
    expect(await route({ type: 'page-status', status: old }, content, store, EXT, ORIGIN)).toMatchObject({ error: expect.stringMatching(/invalid page-status/) });
  });

  it("answers get-tab-status from the page itself first, so an off-topic page that reported nothing still has its status", async () => {
    const live = { state: 'off-topic', url: 'https://news.example/b', title: 'B', findings: [], textLength: 40 };
    const asked: unknown[] = [];
    const spy = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown) => {
      asked.push([tabId, message]);
      return { status: live };
    }) as typeof fakeBrowser.tabs.sendMessage);
    expect(await route({ type: 'get-tab-status', tabId: 7 }, page, store, EXT, ORIGIN)).toEqual({ status: live });
    expect(asked).toEqual([[7, { type: 'get-status' }]]);
    spy.mockRestore();
  });

  it('serves sources without their page chrome and lists them without bodies', async () => {
    const list = (await route({ type: 'list-sources' }, page, store, EXT, ORIGIN)) as { sources: Record<string, unknown>[] };
    expect(list.sources).toHaveLength(5);
    expect(list.sources[0]).not.toHaveProperty('body');
    const one = (await route({ type: 'get-source', id: list.sources[0]!.id }, page, store, EXT, ORIGIN)) as { source: { body: string } };
    expect(one.source.body.length).toBeGreaterThan(100);
  });

  it('rebuilds the index after an import, and the imported fact is checked', async () => {
    const userPack = {
      format: 1, name: 'newsroom', version: '0.1.0', sources: [], entities: [],
      facts: [{ id: 'newsroom-icc-seat', claim: 'The ICC sits in The Hague.', quote: { source: pack.sources.find((s) => s.body.includes('The Hague'))!.id, text: 'The Hague' }, assertedBy: 'outlet', asOf: '2024-09-30', frame: [['@icc'], ['sits', 'seated', 'headquarter']], details: [{ kind: 'place', role: 'seat', entity: 'the-hague' }] }],
    };
    await route({ type: 'check-text', text: 'warm up' }, page, store, EXT, ORIGIN);
    expect(await route({ type: 'import-pack', json: JSON.stringify(userPack) }, page, store, EXT, ORIGIN)).toEqual({ ok: true, name: 'newsroom', facts: 1 });
    const reply = (await route({ type: 'check-text', text: 'The ICC is headquartered in Geneva.' }, page, store, EXT, ORIGIN)) as { findings: { verdict: string; facts: string[] }[] };
    expect(reply.findings[0]).toMatchObject({ verdict: 'discrepancy', facts: expect.arrayContaining(['newsroom-icc-seat']) });
    await route({ type: 'set-pack-enabled', name: 'newsroom', enabled: false }, page, store, EXT, ORIGIN);
    const after = (await route({ type: 'check-text', text: 'The ICC is headquartered in Geneva.' }, page, store, EXT, ORIGIN)) as { findings: { facts: string[] }[] };
    expect(after.findings.flatMap((f) => f.facts)).not.toContain('newsroom-icc-seat');
  });

  it('rebuilds a database it cannot read from the bundled pack', async () => {
    await store.ready();
    // Another tab or a crash left the meta row in a state seeding cannot use.
    await store.db.meta.put({ key: 'packVersion', value: pack.version });
    await store.db.facts.clear();
    const fresh = createPackStore(pack, store.db);
    await fresh.ready();
    expect(await store.db.facts.count()).toBe(pack.facts.length);
  });
});
