/**
 * What the background does for each message. Handlers receive validated payloads only.
 */
import browser from 'webextension-polyfill';
import { MAX_SENTENCE_LENGTH } from '../core/matcher';
import { segmentSentences } from '../core/segment';
import { sentencesOfParagraphs } from '../core/select-sentences';
import { createTopicGateFrom, gatePattern, type TopicGate } from '../core/topic-gate';
import type { SentenceSpan } from '../core/types';
import { BUNDLED } from '../db/database';
import { exportPack, importPack, removePack, setPackEnabled } from '../db/user-packs';
import { packFindings } from '../messaging/packed-findings';
import type { PageStatus, PageSummary } from '../messaging/protocol';
import { autoCheckAllowed, type Settings } from '../settings';
import { highlightLook } from '../page/highlight-styles';
import { sourceViewerPath } from '../ui/links';
import { checkTab } from './check-tab';
import type { PackStore } from './pack-store';
import { readSettings, writeSettings } from './settings-store';
import { getTabStatus, setTabStatus } from './tab-status';
import type { MessageType } from './validate-message';

export interface HandlerContext {
  store: PackStore;
  /** The tab a content script message came from. */
  tabId?: number;
  /** And its frame. */
  frameId?: number;
}

type Handler = (payload: any, ctx: HandlerContext) => Promise<unknown>;

async function broadcastSettings(settings: Settings): Promise<void> {
  const look = highlightLook(settings.highlightStyle);
  const tabs = await browser.tabs.query({}).catch(() => []);
  // A tab without our content script (a chrome:// page, a store page) cannot answer.
  const tell = async (tabId: number) => {
    try {
      await browser.tabs.sendMessage(tabId, { type: 'settings-changed', settings, look });
    } catch {
      /* nothing listens there */
    }
  };
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : tell(t.id))));
}

/** The top frame's own status with its findings, or null when nothing answers there. */
async function askPageStatus(tabId: number): Promise<PageStatus | null> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'get-status' }, { frameId: 0 })) as { status?: PageStatus } | undefined;
    const status = reply?.status;
    return status && typeof status === 'object' && Array.isArray(status.findings) ? status : null;
  } catch {
    return null;
  }
}

function withoutCounts({ counts: _c, ...rest }: PageSummary): Omit<PageStatus, 'findings'> {
  return rest;
}

/**
 * The gate for a list of terms and its pattern's source, which pages get so they need not build
 * it; the store keeps one list until the packs change. The terms are already minimal
 * (gateTermsFor), so the gate is made from that same source: one pattern per list.
 */
const gates = new WeakMap<readonly string[], { gate: TopicGate; source: string }>();

function gateFor(terms: readonly string[]): { gate: TopicGate; source: string } {
  let known = gates.get(terms);
  if (!known) {
    const source = gatePattern(terms).source;
    gates.set(terms, (known = { gate: createTopicGateFrom(source, terms), source }));
  }
  return known;
}

async function topicGate(store: PackStore): Promise<TopicGate> {
  return gateFor(await store.gateTerms()).gate;
}

export const handlers: Record<MessageType, Handler> = {
  async 'check-paragraphs'({ paragraphs, pageDate }, { store }) {
    const [matcher, gate] = await Promise.all([store.matcher(), topicGate(store)]);
    return packFindings(matcher.checkSentences(sentencesOfParagraphs(paragraphs as SentenceSpan[], gate, segmentSentences), { textDate: pageDate }));
  },
  async 'check-sentences'({ sentences, pageDate }, { store }) {
    const matcher = await store.matcher();
    const spans = (sentences as { text: string; start: number; end: number }[]).map((s) => ({ ...s, text: s.text.slice(0, MAX_SENTENCE_LENGTH) }));
    return { findings: matcher.checkSentences(spans, { textDate: pageDate }) };
  },
  async 'page-status'({ status }, { tabId, frameId }) {
    // The badge speaks for the page, not for a frame inside it.
    if (tabId !== undefined && (frameId ?? 0) === 0) await setTabStatus(tabId, status as PageSummary);
    return { ok: true };
  },
  async 'get-page-config'({ url }, { store }) {
    const [settings, gateTerms] = await Promise.all([readSettings(store.db), store.gateTerms()]);
    return { autoCheck: autoCheckAllowed(settings, url), settings, gateTerms, gatePattern: gateFor(gateTerms).source, look: highlightLook(settings.highlightStyle) };
  },
  async 'load-card'(_p, { tabId, frameId }) {
    if (tabId === undefined) return { ok: false };
    // Into the content script's isolated world: the page never sees the card's code.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId ?? 0] }, files: ['/card.js'] });
    return { ok: true };
  },
  async 'open-source-viewer'({ source, fact }, { store }) {
    await store.ready();
    const quote = fact ? (await store.db.facts.get(fact))?.quote.text : undefined;
    await browser.tabs.create({ url: browser.runtime.getURL(sourceViewerPath(source, fact, quote) as '/source-viewer.html') });
    return { ok: true };
  },
  async 'get-tab-status'({ tabId }) {
    // The findings live in the page, so it is asked first: an off-topic page reports nothing (its
    // badge is empty, and a tab's badge resets when it navigates). The last summary stands in
    // when no content script answers.
    const live = await askPageStatus(tabId);
    if (live) return { status: live };
    const summary = await getTabStatus(tabId);
    return { status: summary ? { ...withoutCounts(summary), findings: [] } : null };
  },
  async 'check-tab-now'({ tabId }) {
    // Injects the content script first where none runs (manual mode: activeTab, no host access).
    return checkTab(tabId);
  },
  async 'scroll-to-finding'({ tabId, index }) {
    try {
      return (await browser.tabs.sendMessage(tabId, { type: 'scroll-to-finding', index })) ?? { ok: false };
    } catch {
      return { ok: false };
    }
  },
  async 'check-text'({ text, pageDate }, { store }) {
    const matcher = await store.matcher();
    return { findings: matcher.checkText(text, { textDate: pageDate }), packVersion: matcher.packVersion };
  },
  async 'list-sources'(_p, { store }) {
    await store.ready();
    const sources = await store.db.sources.toArray();
    return { sources: sources.map(({ body: _b, packName: _n, ...meta }) => meta) };
  },
  async 'get-source'({ id }, { store }) {
    await store.ready();
    const row = await store.db.sources.get(id);
    if (!row) return { source: null };
    const { packName: _n, ...source } = row;
    return { source };
  },
  async 'get-settings'(_p, { store }) {
    return { settings: await readSettings(store.db) };
  },
  async 'set-settings'({ settings }, { store }) {
    const next = await writeSettings(store.db, settings);
    await broadcastSettings(next);
    return { settings: next };
  },
  async 'get-pack-info'(_p, { store }) {
    await store.ready();
    const [facts, packs] = await Promise.all([store.db.facts.where('packName').equals(BUNDLED).count(), store.db.packs.toArray()]);
    return { version: store.bundledVersion, facts, imported: packs.map((p) => ({ name: p.name, version: p.version, facts: p.facts, enabled: p.enabled })) };
  },
  async 'import-pack'({ json }, { store }) {
    await store.ready();
    const result = await importPack(store.db, json);
    if (result.ok) store.invalidate();
    return result;
  },
  async 'export-pack'({ name }, { store }) {
    const pack = await exportPack(store.db, name);
    return { json: pack ? JSON.stringify(pack, null, 2) : null };
  },
  async 'remove-pack'({ name }, { store }) {
    const ok = await removePack(store.db, name);
    store.invalidate();
    return { ok };
  },
  async 'set-pack-enabled'({ name, enabled }, { store }) {
    const ok = await setPackEnabled(store.db, name, enabled);
    store.invalidate();
    return { ok };
  },
};
