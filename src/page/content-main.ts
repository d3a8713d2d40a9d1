/**
 * The content script's work on one page: read its prose, keep only the paragraphs about Belarus
 * or the ICC, ask the background which sentences agree with or differ from the vetted facts,
 * paint them, and keep up while the page changes. Everything is torn down with one AbortSignal
 * (the extension was reloaded or updated), and nothing here ever throws into the page.
 */
import { createTopicGateFrom, type TopicGate } from '../core/topic-gate';
import type { Finding, SentenceSpan } from '../core/types';
import { unpackFindings } from '../messaging/packed-findings';
import type { BackgroundToContent, PageStatus, PageSummary, ReplyOf, VerdictCounts } from '../messaging/protocol';
import { autoCheckAllowed, DEFAULT_SETTINGS, type Settings } from '../settings';
import { ask, asBackgroundMessage, type BackgroundMessage, type RuntimeLike } from './background-client';
import type { CardController, CardItem } from './card/card-controller';
import { createLazyCard, type CardModule } from './card/lazy-card';
import { loadCardModule } from './card/load-card';
import { OWN_UI_ATTRIBUTE } from './dom-rules';
import { createTextExtractor, type ExtractResult } from './extract-text';
import { watchKeyboard } from './keyboard-nav';
import { debug } from './log';
import type { OffsetMap } from './offset-map';
import type { HighlightLook } from './highlight-names';
import { findPageDate } from './page-date';
import { createPainter, type Painter } from './paint-highlights';
import { watchPointer } from './pointer-triggers';
import { nextFrame, scrollToRanges } from './scroll-to-finding';
import { quickTopicCheck } from './quick-topic-check';
import { createParagraphScanner } from './select-paragraphs';
import { runSliced, yieldToPage } from './time-slice';
import { watchMutations, type MutationWatch } from './watch-mutations';

export interface ContentScriptOptions {
  runtime: RuntimeLike;
  /** Aborts on `ctx.onInvalidated`: every listener, observer, highlight and the card go with it. */
  signal: AbortSignal;
  doc?: Document;
  /** Quiet time before changed blocks are re-checked, in ms. */
  debounceMs?: number;
  /** Loads the card's code on first open; by default the background injects it. */
  loadCard?: () => Promise<CardModule>;
}

export interface ContentScript {
  /** Settles when the first check (or the decision not to check) is done; never rejects. */
  readonly ready: Promise<void>;
  /** Current status, as `get-status` returns it. */
  status(): PageStatus;
}

/** Most paragraphs per `check-paragraphs` message: bounded payloads, and the page paints while later batches run. */
export const BATCH_SIZE = 200;
/** Most characters per message (about 250 sentences): the background answers each in a few tens of ms. */
export const BATCH_CHARS = 40_000;
/** The first message is smaller, so the top of the page, where the reader is, is marked sooner. */
const FIRST_BATCH_CHARS = 8_000;
/**
 * Batches in flight at once: while the background matches one, the page receives and paints the
 * one before, so neither side waits on the other. More would only queue in the background.
 */
const BATCHES_IN_FLIGHT = 2;
/** Cached verdicts per page; beyond this the cache starts afresh. */
const CACHE_LIMIT = 10_000;

export function startContentScript(options: ContentScriptOptions): ContentScript {
  const { runtime, signal } = options;
  const doc = options.doc ?? document;
  /** Built on first use, in a task of its own: compiling a few hundred names into one pattern is not free. */
  let gate: TopicGate | null = null;
  /** The topic names, from the background: they follow imported packs, and stay out of this bundle. */
  let gateTerms: readonly string[] = [];
  /** Their pattern's source, made by the background; without it nothing passes the gate either. */
  let gateSource: string | undefined;

  let settings: Settings = DEFAULT_SETTINGS;
  /** The highlight rules of the reader's style, from the background (this bundle carries none). */
  let look: HighlightLook | undefined;
  /** Checking is on for this page (auto check allowed, or the reader asked). */
  let active = false;
  let status: PageStatus = { state: 'idle', url: String(doc.location?.href ?? ''), title: doc.title, findings: [], textLength: 0 };
  /** Every finding on the page, in document order. */
  let painted: CardItem[] = [];
  /** The painted ones the reader can see and reach: related ones only when shown. */
  let visible: CardItem[] = [];
  /** Paragraph text → its findings, offsets relative to the paragraph: unchanged text is not re-sent. */
  const cache = new Map<string, Finding[]>();
  /** Bumped by every full check; older work sees it changed and stops. */
  let generation = 0;
  let queue: Promise<void> = Promise.resolve();
  let watcher: MutationWatch | null = null;
  let pageDate: string | undefined;

  /**
   * The painter, the card and the pointer and keyboard watchers, made when the first finding is
   * painted: most pages have none, and there they cost nothing, not even a listener.
   */
  let ui: { painter: Painter; card: CardController } | null = null;
  function theUi(): { painter: Painter; card: CardController } {
    if (ui) return ui;
    const painter = createPainter(doc, { ...settings, look }, signal);
    const card = createLazyCard(
      options.loadCard ?? (() => loadCardModule(runtime)),
      doc,
      signal,
      () => visible,
      runtime,
    );
    watchPointer(doc, signal, () => visible, card);
    watchKeyboard(doc, signal, { items: () => visible, card, go: (i) => void goTo(visible[i], true) });
    ui = { painter, card };
    return ui;
  }

  const stale = (id: number) => id !== generation || signal.aborted;

  function enqueue(task: () => Promise<void>): Promise<void> {
    queue = queue.then(task).catch((err) => {
      if (!signal.aborted) debug('check failed', err);
    });
    return queue;
  }

  function repaint(): void {
    if (!ui && !painted.length) {
      visible = [];
      status = { ...status, findings: [] };
      return;
    }
    const { card, painter } = theUi();
    const open = card.openIndex >= 0 ? visible[card.openIndex] : undefined;
    visible = painted.filter((p) => p.finding.verdict !== 'related' || settings.showRelated);
    if (open && visible[card.openIndex] !== open) card.close();
    painter.paint(painted.map((p) => ({ verdict: p.finding.verdict, ranges: p.ranges })));
    status = { ...status, findings: painted.map((p) => p.finding) };
  }

  /** Whether this page has told the background its status yet. */
  let reported = false;
  function report(): void {
    // A page found off-topic at once says nothing: its tab's badge is already empty (a badge
    // resets when the tab navigates), and the popup asks the page itself. One message fewer on
    // most pages (1–1.5 ms of the bench's off-topic page). Once anything was said, every change is.
    if (!reported && status.state === 'off-topic') return;
    reported = true;
    void ask<'page-status'>(runtime, { type: 'page-status', status: summarize(status) });
  }

  async function extract(root: Document | Element): Promise<ExtractResult> {
    const extractor = createTextExtractor(root, { layout: true });
    await runSliced(extractor.step, signal);
    const result = extractor.result();
    // Joining two million characters is a slice's worth of work on its own.
    await yieldToPage();
    return result;
  }

  function topicGate(): TopicGate {
    // The background's terms are already lower-cased and minimal (gateTermsFor).
    return (gate ??= createTopicGateFrom(gateSource ?? '', gateTerms));
  }

  /** The on-topic paragraphs of `text`; the background picks their sentences. */
  async function candidates(text: string): Promise<SentenceSpan[]> {
    const scanner = createParagraphScanner(text, topicGate());
    await runSliced(scanner.step, signal);
    return scanner.paragraphs;
  }

  /**
   * Findings in the paragraphs `spans` of `text`, from the cache or the background, as painted items in text
   * order. `onBatch` receives each answered batch's items as they arrive, for painting at once.
   * Null when the work went stale; `failed` counts batches the background did not answer.
   */
  async function check(
    spans: SentenceSpan[],
    text: string,
    map: OffsetMap,
    id: number,
    onBatch?: (items: CardItem[]) => void,
  ): Promise<{ items: CardItem[]; failed: number } | null> {
    /** Each span's items, by its index in `spans`. */
    const bySpan: CardItem[][] = spans.map(() => []);
    /** Spans not in the cache, by their text: a paragraph repeated on the page is sent once. */
    const waiting = new Map<string, number[]>();
    const ready: CardItem[] = [];
    spans.forEach((span, i) => {
      const known = cache.get(span.text);
      if (known) {
        for (const f of known) pushItem(bySpan[i]!, { ...f, start: f.start + span.start, end: f.end + span.start }, text, map);
        ready.push(...bySpan[i]!);
      } else {
        const list = waiting.get(span.text);
        if (list) list.push(i);
        else waiting.set(span.text, [i]);
      }
    });
    if (ready.length) onBatch?.(ready);
    const toSend = [...waiting.values()].map((indexes) => spans[indexes[0]!]!);
    const batches: SentenceSpan[][] = [];
    let batch: SentenceSpan[] = [];
    let chars = 0;
    for (const span of toSend) {
      const limit = batches.length ? BATCH_CHARS : FIRST_BATCH_CHARS;
      if (batch.length && (batch.length >= BATCH_SIZE || chars + span.text.length > limit)) {
        batches.push(batch);
        batch = [];
        chars = 0;
      }
      batch.push(span);
      chars += span.text.length;
    }
    if (batch.length) batches.push(batch);
    let failed = 0;
    let next = 0;

    const receive = (batch: SentenceSpan[], findings: unknown[]): void => {
      if (cache.size > CACHE_LIMIT) cache.clear();
      /** Findings relative to their paragraph, by paragraph text. */
      const relative = new Map<string, Finding[]>(batch.map((s) => [s.text, []]));
      let b = 0;
      for (const f of findings) {
        if (!isFinding(f)) continue;
        // Findings come back in text order; look from the last paragraph matched.
        while (b < batch.length && f.start >= batch[b]!.end) b++;
        let span = batch[b];
        if (!span || f.start < span.start || f.end > span.end) span = batch.find((s) => f.start >= s.start && f.end <= s.end);
        if (!span) continue;
        relative.get(span.text)!.push({ ...f, start: f.start - span.start, end: f.end - span.start });
      }
      const items: CardItem[] = [];
      for (const [paragraph, found] of relative) {
        cache.set(paragraph, found);
        for (const i of waiting.get(paragraph) ?? []) {
          const at = spans[i]!.start;
          for (const f of found) pushItem(bySpan[i]!, { ...f, start: f.start + at, end: f.end + at }, text, map);
          items.push(...bySpan[i]!);
        }
      }
      if (items.length) onBatch?.(items);
    };

    const worker = async (): Promise<boolean> => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const reply = await ask<'check-paragraphs'>(runtime, { type: 'check-paragraphs', paragraphs: batch, ...(pageDate ? { pageDate } : {}) });
        if (stale(id)) return false;
        // Replies carry no sentences: each is the text the page sent, at the finding's offsets.
        const findings = unpackFindings(reply, (start, end) => (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length ? text.slice(start, end) : undefined));
        if (!findings) failed++;
        else receive(batch, findings);
      }
      return true;
    };
    const done = await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, worker));
    if (done.includes(false) || stale(id)) return null;
    return { items: bySpan.flat(), failed };
  }

  async function fullCheck(id: number): Promise<void> {
    if (stale(id) || !active) return;
    status = { state: 'checking', url: doc.location.href, title: doc.title, findings: status.findings, textLength: status.textLength };
    let spans: SentenceSpan[] = [];
    let textLength = 0;
    let result: { items: CardItem[]; failed: number } | null = { items: [], failed: 0 };
    // Most pages are not about the topic: for them one read of the text is all it costs. A page
    // whose title or headline names the topic is read the careful way at once: the quick read
    // could only say "maybe" there, and costs a few ms of textContent on a long page.
    const gate = topicGate();
    // Heads only: a hostile page's headline could hold megabytes. Padded to 1,000 characters:
    // from that length V8 compiles a pattern's first run straight to machine code instead of to
    // bytecode that it interprets (its regexp tier-up rule). The title test took 0.4 ms instead
    // of 0.7–1.0 ms in Node 20.
    const named = gate.test(`${doc.title.slice(0, 1000)}\n${(doc.querySelector('h1')?.textContent ?? '').slice(0, 1000)}`.padEnd(1000));
    const quick = named ? { maybe: true, chars: 0 } : await quickTopicCheck(doc, gate, signal);
    // Read only where something may be checked (checkBlocks reads it for a page that turns on-topic later).
    pageDate = quick.maybe ? findPageDate(doc) : undefined;
    if (quick.maybe) {
      const { text, map } = await extract(doc);
      textLength = text.length;
      spans = await candidates(text);
      if (spans.length) {
        /** This check's items so far: painted batch by batch, replacing the last check's. */
        let live: CardItem[] | null = null;
        result = await check(spans, text, map, id, (items) => {
          if (stale(id)) return;
          live = live ? live.concat(items) : items;
          painted = live;
          repaint();
        });
      }
    } else {
      textLength = quick.chars;
    }
    if (!result || stale(id)) return;
    // Text order is document order: the extractor walks the tree in order.
    painted = result.items;
    status = {
      ...status,
      state: result.failed ? 'error' : spans.length ? 'done' : 'off-topic',
      textLength,
      checkedAt: new Date().toISOString(),
      ...(result.failed ? { error: 'SourceLight could not reach its database; try reloading the page.' } : {}),
    };
    repaint();
    report();
    watcher ??= watchMutations(doc, signal, {
      isOwn: (node) => node.nodeType === 1 && (node as Element).hasAttribute(OWN_UI_ATTRIBUTE),
      onBlocks: (blocks) => void enqueue(() => checkBlocks(blocks)),
      onRescan: (reason) => {
        if (reason === 'navigation') cache.clear();
        requestFullCheck();
      },
      ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    });
  }

  /** Re-checks changed blocks only; findings in them, or whose text is gone, are dropped first. */
  async function checkBlocks(blocks: Element[]): Promise<void> {
    const id = generation;
    if (!active || stale(id)) return;
    pageDate ??= findPageDate(doc);
    painted = painted.filter((p) => alive(p) && !blocks.some((b) => p.ranges.some((r) => intersects(r, b))));
    let found = false;
    for (const block of blocks) {
      if (!block.isConnected) continue;
      const { text, map } = await extract(block);
      const spans = await candidates(text);
      if (!spans.length) continue;
      found = true;
      const result = await check(spans, text, map, id);
      if (!result) return;
      painted.push(...result.items);
    }
    if (stale(id)) return;
    painted = sortInDocumentOrder(painted);
    if (found && status.state === 'off-topic') status = { ...status, state: 'done' };
    status = { ...status, checkedAt: new Date().toISOString() };
    repaint();
    report();
  }

  function requestFullCheck(): Promise<void> {
    const id = ++generation;
    return enqueue(() => fullCheck(id));
  }

  function disable(): void {
    active = false;
    generation++;
    painted = [];
    ui?.card.close();
    repaint();
    status = { ...status, state: 'disabled', findings: [] };
    report();
  }

  /** Scrolls to a finding, flashes it and opens its card; false when it is no longer on the page. */
  async function goTo(item: CardItem | undefined, focus: boolean): Promise<boolean> {
    if (!item || !alive(item)) return false;
    if (!scrollToRanges(doc, item.ranges)) return false;
    await nextFrame();
    const { painter, card } = theUi();
    painter.flash(item.ranges);
    const index = visible.indexOf(item);
    if (index >= 0) card.open(index, { pinned: true, focus });
    return true;
  }

  async function handle(message: BackgroundMessage): Promise<ReplyOf<BackgroundToContent, BackgroundMessage['type']>> {
    switch (message.type) {
      case 'get-status':
        return { status };
      case 'check-page-now':
        active = true;
        cache.clear();
        await requestFullCheck();
        return { ok: status.state !== 'error' };
      case 'scroll-to-finding':
        return { ok: typeof message.index === 'number' && (await goTo(painted[message.index], false)) };
      case 'settings-changed':
        applySettings(message.settings, message.look);
        return { ok: true };
    }
  }

  function applySettings(next: Settings | undefined, nextLook?: unknown): void {
    if (!next || typeof next !== 'object') return;
    settings = { ...DEFAULT_SETTINGS, ...next };
    look = asLook(nextLook) ?? look;
    ui?.painter.setSettings({ ...settings, look });
    repaint();
    const url = doc.location.href;
    // Blocking the site takes effect at once; switching to manual mode leaves a done check in place.
    const blocked = !autoCheckAllowed({ ...settings, mode: 'auto' }, url);
    if (blocked && active) disable();
    else if (!active && autoCheckAllowed(settings, url)) {
      active = true;
      void requestFullCheck();
    }
  }

  // Replies go through sendResponse (and `return true`), which Chrome, Firefox and the polyfill
  // all honour; a returned Promise is not honoured everywhere.
  const listener = (message: unknown, _sender: unknown, sendResponse?: (reply: unknown) => void): true | undefined => {
    const m = asBackgroundMessage(message);
    if (!m || signal.aborted || !sendResponse) return undefined;
    handle(m).then(sendResponse, (err) => {
      debug('message failed', err);
      sendResponse({ error: String(err) });
    });
    return true;
  };
  runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => runtime.onMessage.removeListener(listener));

  async function start(): Promise<void> {
    if (!doc.body) return;
    const config = await ask<'get-page-config'>(runtime, { type: 'get-page-config', url: doc.location.href });
    if (signal.aborted) return;
    if (!config) {
      // The background is not answering (updating, or gone): nothing can be checked, and a
      // page is better left unmarked than marked from stale state.
      status = { ...status, state: 'error', error: 'SourceLight is not answering' };
      return;
    }
    settings = { ...DEFAULT_SETTINGS, ...config.settings };
    look = asLook(config.look);
    // Without terms nothing passes the gate: silence until the background answers.
    gateTerms = Array.isArray(config.gateTerms) ? config.gateTerms.filter((t): t is string => typeof t === 'string') : [];
    gateSource = typeof config.gatePattern === 'string' ? config.gatePattern : undefined;
    ui?.painter.setSettings({ ...settings, look });
    active = config.autoCheck === true;
    if (!active) {
      status = { ...status, state: 'disabled' };
      return;
    }
    await requestFullCheck();
  }

  const ready = start().catch((err) => debug('start failed', err));
  return { ready, status: () => status };
}

function summarize({ findings, ...rest }: PageStatus): PageSummary {
  const counts: VerdictCounts = { agree: 0, discrepancy: 0, related: 0 };
  for (const f of findings) if (f.verdict in counts) counts[f.verdict]++;
  return { ...rest, counts };
}

function asLook(x: unknown): HighlightLook | undefined {
  const l = x as HighlightLook | undefined;
  return l && typeof l === 'object' && typeof l.css === 'string' && typeof l.mark === 'string' ? { css: l.css, mark: l.mark } : undefined;
}

function isFinding(f: unknown): f is Finding {
  if (!f || typeof f !== 'object') return false;
  const x = f as Finding;
  return Number.isInteger(x.start) && Number.isInteger(x.end) && x.start >= 0 && x.end > x.start && typeof x.verdict === 'string';
}

/** Adds `f` with its live ranges, when its offsets still name the sentence it was found in. */
function pushItem(items: CardItem[], f: Finding, text: string, map: OffsetMap): void {
  // A finding's sentence is this text at its offsets (replies carry no sentences), so offsets
  // inside the text are all there is to check.
  if (f.end > text.length) return;
  const ranges = map.toRanges(f.start, f.end);
  if (ranges.length) items.push({ finding: f, ranges });
}

function alive(item: CardItem): boolean {
  return item.ranges.every((r) => !r.collapsed && r.startContainer.isConnected);
}

function intersects(range: Range, node: Node): boolean {
  try {
    return range.intersectsNode(node);
  } catch {
    return false;
  }
}

function sortInDocumentOrder(items: CardItem[]): CardItem[] {
  return items.sort((a, b) => {
    const ra = a.ranges[0];
    const rb = b.ranges[0];
    if (!ra || !rb) return 0;
    try {
      return ra.compareBoundaryPoints(Range.START_TO_START, rb);
    } catch {
      // Ranges in different trees (shadow roots) cannot be compared; keep their order.
      return 0;
    }
  });
}
