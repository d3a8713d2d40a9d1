/**
 * The database in the real browser. The stored pack version and meta are corrupted and the
 * facts table emptied (or filled with junk) with plain IndexedDB calls in the service worker;
 * the worker is stopped (DevTools' ServiceWorker.stopWorker, what Chromium does to an idle
 * worker); the next message wakes a fresh worker, which must re-seed from the bundled pack and
 * answer checks. Two tabs checking at once, while the worker seeds, must see the same
 * findings and leave one consistent copy of the pack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import pack from '../../../src/generated/fact-pack.json';
import { highlightTexts, launchWithExtension, waitFor, type ExtensionBrowser } from '../browser';
import { ON_TOPIC, recordErrors, sendFromExtensionPage, serveHostile, type HostileServer } from './harness';

interface DbState {
  facts: number;
  bundledFacts: number;
  distinctIds: number;
  packVersion: unknown;
  packName: unknown;
}

let ext: ExtensionBrowser;
let server: HostileServer;
let ui: Page;
let devtools: CDPSession;
let versions: { versionId: string; runningStatus: string; scriptURL: string }[] = [];

beforeAll(async () => {
  server = await serveHostile();
  ext = await launchWithExtension();
  ui = await ext.context.newPage();
  await ui.goto(`chrome-extension://${ext.extensionId}/options.html`);
  devtools = await ext.context.newCDPSession(ui);
  devtools.on('ServiceWorker.workerVersionUpdated', (e: { versions: typeof versions }) => {
    versions = [...versions.filter((v) => !e.versions.some((n) => n.versionId === v.versionId)), ...e.versions];
  });
  await devtools.send('ServiceWorker.enable');
  await waitFor(readDb, (s) => s.bundledFacts === pack.facts.length && s.packVersion === pack.version, 20_000);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** The sourcelight database as plain IndexedDB sees it, from the service worker. */
function readDb(): Promise<DbState> {
  return ext.sw.evaluate(
    () =>
      new Promise<DbState>((resolve, reject) => {
        const open = indexedDB.open('sourcelight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const tx = idb.transaction(['facts', 'meta'], 'readonly');
          const all = tx.objectStore('facts').getAll();
          const version = tx.objectStore('meta').get('packVersion');
          const name = tx.objectStore('meta').get('packName');
          tx.oncomplete = () => {
            const rows = all.result as { id: unknown; packName?: unknown }[];
            idb.close();
            resolve({
              facts: rows.length,
              bundledFacts: rows.filter((r) => r.packName === 'bundled').length,
              distinctIds: new Set(rows.map((r) => String(r.id))).size,
              packVersion: (version.result as { value?: unknown } | undefined)?.value,
              packName: (name.result as { value?: unknown } | undefined)?.value,
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

type Corruption = 'version-and-facts' | 'meta-gone' | 'junk-facts';

/** Damages the stored pack in one of several ways, behind Dexie's back. */
function corrupt(kind: Corruption): Promise<void> {
  return ext.sw.evaluate(
    (k) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sourcelight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const tx = idb.transaction(['facts', 'meta'], 'readwrite');
          const facts = tx.objectStore('facts');
          const meta = tx.objectStore('meta');
          if (k === 'version-and-facts') {
            meta.put({ key: 'packVersion', value: { corrupted: true } });
            meta.put({ key: 'packName', value: 42 });
            facts.clear();
          } else if (k === 'meta-gone') {
            meta.clear();
            facts.clear();
          } else {
            // Same version, same count, but every row is junk: the version check alone would pass.
            const req = facts.getAllKeys();
            req.onsuccess = () => {
              for (const id of req.result) facts.put({ id, packName: 'bundled', enabled: true, claim: 7, frame: 'not a frame', details: null });
            };
          }
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    kind,
  );
}

/** Stops the extension's service worker as Chromium does an idle one; the next event starts a fresh one. */
async function stopWorker(): Promise<void> {
  const running = versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${ext.extensionId}/`) && v.runningStatus === 'running');
  expect(running, 'the worker is running before it is stopped').toBeDefined();
  await ext.sw.evaluate(() => {
    (globalThis as { beforeRestart?: boolean }).beforeRestart = true;
  });
  await devtools.send('ServiceWorker.stopWorker', { versionId: running!.versionId });
  await waitFor(
    async () => versions.find((v) => v.versionId === running!.versionId)?.runningStatus,
    (s) => s === 'stopped',
    10_000,
    100,
  );
}

/** True when the worker now answering is a new instance (the marker set before the stop is gone). */
function freshWorker(): Promise<boolean> {
  return ext.sw.evaluate(() => (globalThis as { beforeRestart?: boolean }).beforeRestart !== true);
}

async function checkText(text: string): Promise<{ findings?: { verdict: string }[]; error?: string }> {
  return sendFromExtensionPage(ui, { type: 'check-text', text });
}

describe('a corrupted database, after the service worker restarts', () => {
  for (const kind of ['version-and-facts', 'meta-gone', 'junk-facts'] as const) {
    it(`re-seeds from the bundled pack and answers checks (${kind})`, async () => {
      await corrupt(kind);
      const damaged = await readDb();
      if (kind === 'junk-facts') expect(damaged.bundledFacts).toBe(pack.facts.length);
      else expect(damaged.facts).toBe(0);

      await stopWorker();
      // The first message after the stop wakes a fresh worker; it must already answer correctly.
      const reply = await checkText(ON_TOPIC.discrepancy);
      expect(await freshWorker()).toBe(true);
      expect(reply.error).toBeUndefined();
      expect(reply.findings?.map((f) => f.verdict)).toEqual(['discrepancy']);
      const info = await sendFromExtensionPage<{ version: string; facts: number }>(ui, { type: 'get-pack-info' });
      expect(info).toMatchObject({ version: pack.version, facts: pack.facts.length });
      const healed = await readDb();
      expect(healed).toEqual({ facts: pack.facts.length, bundledFacts: pack.facts.length, distinctIds: pack.facts.length, packVersion: pack.version, packName: pack.name });
    }, 60_000);
  }

  it('keeps the reader settings across the re-seed', async () => {
    await sendFromExtensionPage(ui, { type: 'set-settings', settings: { showRelated: true, blockSites: ['blocked.example'] } });
    await corrupt('version-and-facts');
    await stopWorker();
    const reply = await sendFromExtensionPage<{ settings: { showRelated: boolean; blockSites: string[] } }>(ui, { type: 'get-settings' });
    expect(reply.settings).toMatchObject({ showRelated: true, blockSites: ['blocked.example'] });
    expect(await checkText(ON_TOPIC.discrepancy)).toMatchObject({ findings: [{ verdict: 'discrepancy' }] });
    await sendFromExtensionPage(ui, { type: 'set-settings', settings: { showRelated: false, blockSites: [] } });
  }, 60_000);
});

describe('two tabs at once', () => {
  it('check the same page while a fresh worker re-seeds: the same marks in both, one consistent pack', async () => {
    await corrupt('version-and-facts');
    await stopWorker();
    const pages = await Promise.all([ext.context.newPage(), ext.context.newPage()]);
    const recorders = await Promise.all(pages.map((p) => recordErrors(p)));
    // Both content scripts wake the worker and ask before it has seeded.
    await Promise.all(pages.map((p) => p.goto(server.url('network-quiet.html'))));
    const marks = await Promise.all(
      pages.map((p) => waitFor(() => highlightTexts(p, 'sourcelight-discrepancy'), (t) => t.length >= 2, 30_000)),
    );
    expect(marks[0]).toEqual([ON_TOPIC.discrepancy, ON_TOPIC.discrepancy2]);
    expect(marks[1]).toEqual(marks[0]);
    expect(await Promise.all(pages.map((p) => highlightTexts(p, 'sourcelight-agree')))).toEqual([[ON_TOPIC.agree], [ON_TOPIC.agree]]);
    expect(await readDb()).toEqual({ facts: pack.facts.length, bundledFacts: pack.facts.length, distinctIds: pack.facts.length, packVersion: pack.version, packName: pack.name });
    for (const r of recorders) expect(r.problems('extension')).toEqual([]);
    await Promise.all(pages.map((p) => p.close()));
  }, 90_000);

  it('24 checks in parallel from two extension pages give identical answers and leave the pack as it was', async () => {
    const other = await ext.context.newPage();
    await other.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
    const text = `${ON_TOPIC.agree} ${ON_TOPIC.discrepancy} ${ON_TOPIC.discrepancy2}`;
    const replies = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        sendFromExtensionPage<{ findings?: { verdict: string; start: number; end: number }[] }>(i % 2 ? ui : other, { type: 'check-text', text }),
      ),
    );
    const first = JSON.stringify(replies[0]?.findings);
    expect(replies[0]?.findings?.map((f) => f.verdict)).toEqual(['agree', 'discrepancy', 'discrepancy']);
    for (const r of replies) expect(JSON.stringify(r.findings)).toBe(first);
    expect(await readDb()).toMatchObject({ facts: pack.facts.length, distinctIds: pack.facts.length });
    await other.close();
  }, 60_000);
});
