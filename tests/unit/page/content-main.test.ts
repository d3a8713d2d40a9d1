// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SentenceSpan } from '../../../src/core/types';
import type { PageStatus, PageSummary } from '../../../src/messaging/protocol';
import { BATCH_CHARS, BATCH_SIZE, startContentScript } from '../../../src/page/content-main';
import { discrepancy } from './finding-fixture';
import { fakeBackground, sentencesIn } from './fake-runtime';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}
let registry: Map<string, FakeHighlight>;
const originalCss = Object.getOwnPropertyDescriptor(window, 'CSS');
let controller: AbortController;

const ARTICLE = `
  <header><nav><a>Belarus</a> <a>World</a></nav></header>
  <main><article>
    <h1>Lithuania takes Belarus to the International Criminal Court</h1>
    <p>On 30 September 2024, Lithuania referred the situation in Belarus to the International Criminal Court.</p>
    <p>Poland referred Lukashenko to the ICC in October 2024. Officials said others could join.</p>
    <p>The weather in Vilnius was mild on the day, with light winds.</p>
  </article></main>
  <footer>Belarus coverage footer</footer>`;

function load(html: string): void {
  document.body.innerHTML = html;
}

const painted = (name: string) => [...(registry.get(name) ?? [])].map((r) => (r as Range).toString());
/** The paragraphs the page sent, and the sentences the background picks from them. */
const sentParagraphs = (bg: ReturnType<typeof fakeBackground>) =>
  bg.sent.filter((m) => m.type === 'check-paragraphs').flatMap((m) => (m.paragraphs as SentenceSpan[]).map((s) => s.text));
const sentSentences = (bg: ReturnType<typeof fakeBackground>) =>
  sentencesIn(bg.sent.filter((m) => m.type === 'check-paragraphs').flatMap((m) => m.paragraphs as SentenceSpan[])).map((s) => s.text);
const lastStatus = (bg: ReturnType<typeof fakeBackground>) => (bg.sent.filter((m) => m.type === 'page-status').at(-1)?.status as PageSummary) ?? null;

async function settle(ms = 30): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
}

beforeEach(() => {
  registry = new Map();
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
  (window as unknown as { Highlight: unknown }).Highlight = FakeHighlight;
  // happy-dom lays nothing out, so nothing is ever near the viewport: every range is registered.
  vi.stubGlobal('IntersectionObserver', undefined);
  controller = new AbortController();
});

afterEach(() => {
  vi.unstubAllGlobals();
  controller.abort();
  if (originalCss) Object.defineProperty(window, 'CSS', originalCss);
  document.adoptedStyleSheets = [];
});

describe('startContentScript', () => {
  it('asks for the page config, sends only on-topic sentences, paints the findings and reports them', async () => {
    load(ARTICLE);
    const bg = fakeBackground();
    const cs = startContentScript({ runtime: bg.runtime, signal: controller.signal });
    await cs.ready;
    await settle();
    expect(bg.sent[0]).toEqual({ type: 'get-page-config', url: location.href });
    expect(sentSentences(bg)).toEqual([
      'Lithuania takes Belarus to the International Criminal Court',
      'On 30 September 2024, Lithuania referred the situation in Belarus to the International Criminal Court.',
      'Poland referred Lukashenko to the ICC in October 2024.',
      'Officials said others could join.',
    ]);
    expect(painted('sourcelight-discrepancy')).toEqual(['Poland referred Lukashenko to the ICC in October 2024.']);
    expect(painted('sourcelight-agree')).toEqual(['On 30 September 2024, Lithuania referred the situation in Belarus to the International Criminal Court.']);
    const status = lastStatus(bg)!;
    expect(status.state).toBe('done');
    // The report carries counts only; the findings stay in the page until asked for.
    expect(status.counts).toEqual({ agree: 1, discrepancy: 1, related: 0 });
    expect(status).not.toHaveProperty('findings');
    expect(cs.status().findings.map((f) => f.verdict)).toEqual(['agree', 'discrepancy']);
    expect(status.textLength).toBeGreaterThan(100);
  });

  it('sends nothing from an off-topic page and says so', async () => {
    load('<main><article><p>About 300,000 homes lost power for up to six hours.</p><p>United won 3-1.</p></article></main>');
    const bg = fakeBackground();
    const cs = startContentScript({ runtime: bg.runtime, signal: controller.signal });
    await cs.ready;
    await settle();
    expect(sentSentences(bg)).toEqual([]);
    expect(registry.size).toBe(0);
    expect(cs.status().state).toBe('off-topic');
    // Nothing to badge: the page reports nothing, and answers get-status when the popup asks.
    expect(bg.sent.map((m) => m.type)).toEqual(['get-page-config']);
  });

  it('adds no listener to an off-topic page, and its pointer and keyboard listeners once a finding is painted', async () => {
    const added = vi.spyOn(document, 'addEventListener');
    load('<main><article><p>About 300,000 homes lost power for up to six hours.</p></article></main>');
    const bg = fakeBackground();
    await startContentScript({ runtime: bg.runtime, signal: controller.signal }).ready;
    await settle();
    expect(bg.sent.map((m) => m.type)).toEqual(['get-page-config']);
    expect(added.mock.calls.map((c) => c[0])).toEqual([]);
    controller.abort();
    controller = new AbortController();
    load(ARTICLE);
    await startContentScript({ runtime: fakeBackground().runtime, signal: controller.signal }).ready;
    await settle();
    expect(painted('sourcelight-discrepancy')).toHaveLength(1);
    expect(added.mock.calls.map((c) => c[0])).toEqual(expect.arrayContaining(['mousemove', 'click', 'keydown']));
    added.mockRestore();
  });

  it('sends the sentences in bounded batches', async () => {
    load(`<article>${Array.from({ length: 450 }, (_, i) => `<p>Belarus fact number ${i} stands here.</p>`).join('')}</article>`);
    const bg = fakeBackground();
    await startContentScript({ runtime: bg.runtime, signal: controller.signal }).ready;
    const batches = bg.sent.filter((m) => m.type === 'check-paragraphs').map((m) => (m.paragraphs as unknown[]).length);
    expect(batches).toEqual([BATCH_SIZE, BATCH_SIZE, 50]);
    const first = bg.sent.find((m) => m.type === 'check-paragraphs')!;
    expect(first.pageDate).toBeUndefined();
  });

  it('bounds each message by characters too, the first one smallest so the top is marked soonest', async () => {
    const long = 'Belarus fact stands here, told at length so that the paragraph runs long. '.repeat(4);
    load(`<article>${Array.from({ length: 400 }, (_, i) => `<p>${i} ${long}</p>`).join('')}</article>`);
    const bg = fakeBackground();
    await startContentScript({ runtime: bg.runtime, signal: controller.signal }).ready;
    const sizes = bg.sent.filter((m) => m.type === 'check-paragraphs').map((m) => (m.paragraphs as SentenceSpan[]).reduce((n, p) => n + p.text.length, 0));
    expect(sizes.length).toBeGreaterThan(2);
    expect(sizes[0]).toBeLessThanOrEqual(8_000);
    for (const n of sizes) expect(n).toBeLessThanOrEqual(BATCH_CHARS);
    expect(Math.max(...sizes)).toBeGreaterThan(sizes[0]!);
  });

  it('sends a sentence repeated on the page once, and marks every copy', async () => {
    const claim = 'Poland referred Lukashenko to the ICC in October 2024.';
    load(`<article><p>${claim}</p><p>Other news.</p><p>${claim}</p></article>`);
    const bg = fakeBackground();
    await startContentScript({ runtime: bg.runtime, signal: controller.signal }).ready;
    await settle();
    expect(sentSentences(bg).filter((t) => t === claim)).toHaveLength(1);
    expect(painted('sourcelight-discrepancy')).toEqual([claim, claim]);
  });

  it('paints the first batch before the last one is answered', async () => {
    load(`<article>${Array.from({ length: 450 }, (_, i) => `<p>Poland referred Lukashenko to the ICC in October 2024, note ${i}.</p>`).join('')}</article>`);
    const bg = fakeBackground();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const send = bg.runtime.sendMessage.bind(bg.runtime);
    let batches = 0;
    bg.runtime.sendMessage = async (m: unknown) => {
      // The third batch waits until the test has looked at the page.
      if ((m as { type: string }).type === 'check-paragraphs' && ++batches === 3) await held;
      return send(m);
    };
    const cs = startContentScript({ runtime: bg.runtime, signal: controller.signal });
    // The first two batches are answered (the first is the smaller one, for the top of the page).
    const answered = () =>
      bg.sent
        .filter((m) => m.type === 'check-paragraphs')
        .slice(0, 2)
        .reduce((n, m) => n + (m.paragraphs as unknown[]).length, 0);
    // The third is held before it is recorded: two are sent and answered, and painted.
    await vi.waitFor(() => expect(bg.sent.filter((m) => m.type === 'check-paragraphs').length).toBe(2));
    await vi.waitFor(() => expect(painted('sourcelight-discrepancy')).toHaveLength(answered()));
    expect(answered()).toBeLessThan(450);
    expect(cs.status().state).toBe('checking');
    release();
    await cs.ready;
    await settle();
    expect(painted('sourcelight-discrepancy')).toHaveLength(450);
    expect(cs.status().findings).toHaveLength(450);
    expect(cs.status().state).toBe('done');
  });

  it('passes the page date from its metadata', async () => {
    document.head.innerHTML = '<meta property="article:published_time" content="2024-10-02T08:30:00Z">';
    load(ARTICLE);
    const bg = fakeBackground();
    await startContentScript({ runtime: bg.runtime, signal: controller.signal }).ready;
    expect(bg.sent.find((m) => m.type === 'check-paragraphs')!.pageDate).toBe('2024-10-02');
    document.head.innerHTML = '';
  });

  it('does not check when the site is not to be checked automatically, until asked', async () => {
    load(ARTICLE);
    const bg = fakeBackground({ autoCheck: false });
    const cs = startContentScript({ runtime: bg.runtime, signal: controller.signal });
    await cs.ready;
    expect(sentSentences(bg)).toEqual([]);
    expect(cs.status().state).toBe('disabled');
    expect(await bg.tell({ type: 'check-page-now' })).toEqual({ ok: true });
    await settle();
    expect(painted('sourcelight-discrepancy')).toHaveLength(1);
  });

  it('answers get-status and ignores messages that are not its own', async () => {
    load(ARTICLE);
    const bg = fakeBackground();
    await startContentScript({ runtime: bg.runtime, signal: controller.signal }).ready;
    const reply = (await bg.tell({ type: 'get-status' })) as { status: PageStatus };
    expect(reply.status.state).toBe('done');
    expect(reply.status.findings).toHaveLength(2);
    expect(await bg.tell({ type: 'something-else' })).toBeUndefined();
  });

  it('shows related findings when settings change to show them', async () => {
    load(ARTICLE);
    const bg = fakeBackground({
      findingsFor: (s) => (s.text.startsWith('Officials') ? [discrepancy(s.text, s.start, { verdict: 'related', details: [] })] : []),
    });
    await startContentScript({ runtime: bg.runtime, signal: controller.signal }).ready;
    await settle();
    expect(registry.has('sourcelight-related')).toBe(false);
    await bg.tell({ type: 'settings-changed', settings: { ...bg.config.settings, showRelated: true } });
    await settle();
    expect(painted('sourcelight-related')).toEqual(['Officials said others could join.']);
  });

  it("reads a page whose headline names the topic the careful way at once, and one whose headline does not with one quick textContent read first", async () => {
    const reads = vi.fn();
    const read = () => {
      const body = document.body;
      let proto = Object.getPrototypeOf(body);
      while (proto && !Object.getOwnPropertyDescriptor(proto, 'textContent')) proto = Object.getPrototypeOf(proto);
      const own = Object.getOwnPropertyDescriptor(proto, 'textContent')!;
      Object.defineProperty(body, 'textContent', { configurable: true, get: () => (reads(), own.get!.call(body)) });
    };
    load(ARTICLE);
    read();
    await startContentScript({ runtime: fakeBackground().runtime, signal: controller.signal }).ready;
    await settle();
    expect(reads).not.toHaveBeenCalled();
    expect(painted('sourcelight-discrepancy')).toEqual(['Poland referred Lukashenko to the ICC in October 2024.']);

    controller.abort();
    controller = new AbortController();
    load(ARTICLE.replace('<h1>Lithuania takes Belarus to the International Criminal Court</h1>', '<h1>Court news</h1>'));
    read();
    await startContentScript({ runtime: fakeBackground().runtime, signal: controller.signal }).ready;
    await settle();
    expect(reads).toHaveBeenCalledTimes(1);
    expect(painted('sourcelight-discrepancy')).toEqual(['Poland referred Lukashenko to the ICC in October 2024.']);
    delete (document.body as unknown as { textContent?: unknown }).textContent;
  });

  it('never paints a finding whose offsets run outside the paragraphs it sent (replies carry offsets, not sentences)', async () => {
    load(ARTICLE);
    const bg = fakeBackground({ findingsFor: (s) => (s.text.startsWith('Poland') ? [discrepancy(`${s.text} ${'and more '.repeat(400)}`, s.start)] : []) });
    await startContentScript({ runtime: bg.runtime, signal: controller.signal }).ready;
    await settle();
    expect(registry.size).toBe(0);
  });

  it('reports an error when the background does not answer, and throws nothing', async () => {
    load(ARTICLE);
    const bg = fakeBackground();
    bg.runtime.sendMessage = async () => {
      throw new Error('Extension context invalidated.');
    };
    const cs = startContentScript({ runtime: bg.runtime, signal: controller.signal });
    await cs.ready;
    expect(cs.status().state).toBe('error');
  });

  it('checks paragraphs added later, and only them, and re-paints', async () => {
    load(ARTICLE);
    const bg = fakeBackground();
    await startContentScript({ runtime: bg.runtime, signal: controller.signal, debounceMs: 20 }).ready;
    await settle();
    const before = sentSentences(bg).length;
    const p = document.createElement('p');
    p.textContent = 'Later, Poland referred Lukashenko to the ICC again, the site claimed.';
    document.querySelector('article')!.append(p);
    const script = document.createElement('script');
    script.textContent = 'window.analytics = 1';
    document.body.append(script);
    await settle(120);
    expect(sentSentences(bg).slice(before)).toEqual(['Later, Poland referred Lukashenko to the ICC again, the site claimed.']);
    expect(painted('sourcelight-discrepancy')).toEqual([
      'Poland referred Lukashenko to the ICC in October 2024.',
      'Later, Poland referred Lukashenko to the ICC again, the site claimed.',
    ]);
    expect(lastStatus(bg)!.counts).toEqual({ agree: 1, discrepancy: 2, related: 0 });
  });

  it('drops findings whose text was removed, and re-uses verdicts for unchanged text', async () => {
    load(ARTICLE);
    const bg = fakeBackground();
    await startContentScript({ runtime: bg.runtime, signal: controller.signal, debounceMs: 20 }).ready;
    await settle();
    const sentBefore = sentSentences(bg).length;
    const paragraphs = document.querySelectorAll('article p');
    paragraphs[1]!.remove();
    // Re-render the first paragraph with the same text (a framework re-mounting it).
    const copy = paragraphs[0]!.cloneNode(true);
    paragraphs[0]!.replaceWith(copy);
    await settle(120);
    expect(registry.has('sourcelight-discrepancy')).toBe(false);
    expect(painted('sourcelight-agree')).toHaveLength(1);
    expect(sentSentences(bg).length).toBe(sentBefore);
    expect(lastStatus(bg)!.counts).toEqual({ agree: 1, discrepancy: 0, related: 0 });
  });

  it('takes its highlights, listener and card away when its signal aborts', async () => {
    load(ARTICLE);
    const bg = fakeBackground();
    await startContentScript({ runtime: bg.runtime, signal: controller.signal }).ready;
    await settle();
    expect(registry.size).toBe(2);
    controller.abort();
    expect(registry.size).toBe(0);
    expect(bg.listeners.size).toBe(0);
    expect(document.querySelector('sourcelight-card')).toBeNull();
  });
});

describe('startContentScript: settings', () => {
  it('clears everything and stops when the site is blocked, and ignores later page changes', async () => {
    load(ARTICLE);
    const bg = fakeBackground();
    const cs = startContentScript({ runtime: bg.runtime, signal: controller.signal, debounceMs: 20 });
    await cs.ready;
    await settle();
    expect(registry.size).toBe(2);
    await bg.tell({ type: 'settings-changed', settings: { ...bg.config.settings, blockSites: [location.hostname] } });
    await settle();
    expect(registry.size).toBe(0);
    expect(cs.status().state).toBe('disabled');
    const sent = bg.sent.length;
    document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: 'Poland referred Lukashenko to the ICC, again.' }));
    await settle(120);
    expect(bg.sent.filter((m) => m.type === 'check-paragraphs').length).toBe(bg.sent.slice(0, sent).filter((m) => m.type === 'check-paragraphs').length);
  });
});

describe('startContentScript: single-page apps', () => {
  it('checks the whole page afresh when the URL changes with the content', async () => {
    load(ARTICLE);
    const start = location.href;
    const bg = fakeBackground();
    const cs = startContentScript({ runtime: bg.runtime, signal: controller.signal, debounceMs: 20 });
    await cs.ready;
    await settle();
    expect(registry.size).toBe(2);
    history.pushState({}, '', '/sport/results');
    document.querySelector('main')!.innerHTML = '<article><h1>Results</h1><p>United won 3-1 on Saturday afternoon.</p></article>';
    await settle(150);
    expect(cs.status().url).toMatch(/\/sport\/results$/);
    expect(cs.status().state).toBe('off-topic');
    expect(registry.size).toBe(0);
    history.pushState({}, '', start);
  });
});
