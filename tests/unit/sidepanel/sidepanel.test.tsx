// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Finding } from '../../../src/core/types';
import { SidePanel } from '../../../src/sidepanel/SidePanel';
import type { CheckClient } from '../../../src/sidepanel/check-client';
import { PENDING_SELECTION_KEY } from '../../../src/sidepanel/pending-selection';
import { AGREE_SENTENCE, DIFFER_SENTENCE, DRAFT, agreeFinding, discrepancyFinding } from '../reports/sample-findings';
import { byTestId, click, fakeBackground, mount, settle, typeInto, unmountAll } from '../ui/helpers';

const PACK = { version: '1.4.0', facts: 42, imported: [] };

/** A background whose check-text finds the two sample sentences wherever they are in the text. */
function engineLike(text: string): Finding[] {
  const out: Finding[] = [];
  const a = text.indexOf(AGREE_SENTENCE);
  if (a >= 0) out.push(agreeFinding({ start: a, end: a + AGREE_SENTENCE.length }));
  const d = text.indexOf(DIFFER_SENTENCE);
  if (d >= 0) out.push(discrepancyFinding({ start: d, end: d + DIFFER_SENTENCE.length }));
  return out;
}

function background() {
  return fakeBackground({
    'check-text': ({ text }) => ({ findings: engineLike(text), packVersion: PACK.version }),
    'get-pack-info': () => PACK,
  });
}

function draftArea(root: ParentNode): HTMLTextAreaElement {
  const ta = byTestId(root, 'draft');
  if (!ta) throw new Error('no draft editor');
  return ta as HTMLTextAreaElement;
}

/** Waits for the debounce (short in these tests) and the reply. */
async function afterCheck(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 30));
  });
  await settle();
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  unmountAll();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('SidePanel: checking a draft', () => {
  it('checks once typing pauses for 400 ms, not on every key', async () => {
    const bg = background();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => {
      render(<SidePanel readSelection={false} />, root);
    });
    const ta = draftArea(root);
    for (const partial of ['On 30', 'On 30 September', DRAFT]) {
      await typeInto(ta, partial);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(150);
      });
    }
    expect(bg.of('check-text')).toHaveLength(0);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(260);
    });
    expect(bg.of('check-text')).toEqual([{ type: 'check-text', text: DRAFT }]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(byTestId(root, 'check-status')?.dataset.phase).toBe('done');
  });

  it('shows each finding under its sentence: verdict word and icon, explanation, details, sources', async () => {
    background();
    const root = await mount(<SidePanel readSelection={false} delayMs={5} />);
    await typeInto(draftArea(root), DRAFT);
    await afterCheck();

    expect(byTestId(root, 'check-status')?.textContent).toBe('2 findings: 1 differ, 1 agree, 0 related.');
    const sentences = Array.from(root.querySelectorAll('li.sl-draft-sentence'));
    expect(sentences.map((s) => s.querySelector('blockquote')?.textContent)).toEqual([AGREE_SENTENCE, DIFFER_SENTENCE]);

    const differs = sentences[1]!;
    const card = differs.querySelector('[data-testid="finding"]')!;
    expect(card.getAttribute('data-verdict')).toBe('discrepancy');
    const badge = card.querySelector('.sl-badge')!;
    expect(badge.textContent).toContain('Differs');
    expect(badge.querySelector('[aria-hidden="true"]')?.textContent).toBe('✖');
    expect(card.textContent).toContain('the sources say Lithuania, on 30 September 2024');
    const rows = Array.from(card.querySelectorAll('table.sl-details tbody tr')).map((r) => Array.from(r.children).map((c) => c.textContent?.trim()));
    expect(rows[0]).toEqual(['actor (referring state)', 'Poland', 'Lithuania', '✖ conflicts']);
    expect(card.textContent).toContain('“Lithuania on Monday referred the hard-line president of Belarus”');
    expect(card.textContent).toContain('— the outlet’s own reporting, as of 30 September 2024');
    const link = card.querySelector('.sl-sources a') as HTMLAnchorElement;
    expect(link.textContent).toContain('Lithuania refers Belarus to the ICC');
    expect(link.getAttribute('href')).toBe('https://apnews.com/');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(card.querySelector('.sl-sources')?.textContent).toContain('Associated Press, 30 September 2024');

    expect(sentences[0]!.querySelector('.sl-badge')?.textContent).toContain('Agrees');
    expect(byTestId(root, 'pack-version')?.textContent).toBe('Fact pack 1.4.0');
  });

  it('keeps only the reply for the latest text', async () => {
    let release: (() => void) | undefined;
    const client: CheckClient = {
      getPackInfo: async () => ({ version: '1.0.0', facts: 1 }),
      checkText: vi.fn(async (text: string) => {
        if (text === 'first text about the ICC') await new Promise<void>((r) => (release = r));
        return { findings: engineLike(text), packVersion: '1.0.0' };
      }),
    };
    const root = await mount(<SidePanel client={client} readSelection={false} delayMs={5} />);
    await typeInto(draftArea(root), 'first text about the ICC');
    await afterCheck();
    await typeInto(draftArea(root), DRAFT);
    await afterCheck();
    release?.();
    await settle();
    expect(root.querySelectorAll('li.sl-draft-sentence')).toHaveLength(2);
    expect(byTestId(root, 'check-status')?.dataset.phase).toBe('done');
  });

  it('shows the reason when the background cannot check', async () => {
    fakeBackground({ 'get-pack-info': () => PACK, 'check-text': () => ({ error: 'pack not loaded' }) });
    const root = await mount(<SidePanel readSelection={false} delayMs={5} />);
    await typeInto(draftArea(root), DRAFT);
    await afterCheck();
    expect(byTestId(root, 'check-error')?.textContent).toContain('pack not loaded');
  });

  it('clears the draft, and can restore it', async () => {
    background();
    const root = await mount(<SidePanel readSelection={false} delayMs={5} />);
    await typeInto(draftArea(root), DRAFT);
    await afterCheck();
    await click(root.querySelector('[data-action="clear"]'));
    await afterCheck();
    expect(draftArea(root).value).toBe('');
    expect(root.querySelectorAll('li.sl-draft-sentence')).toHaveLength(0);
    expect(byTestId(root, 'check-status')?.dataset.phase).toBe('empty');
    await click(root.querySelector('[data-action="restore"]'));
    await afterCheck();
    expect(draftArea(root).value).toBe(DRAFT);
    expect(root.querySelectorAll('li.sl-draft-sentence')).toHaveLength(2);
  });
});

describe('SidePanel: files', () => {
  async function openFile(root: HTMLElement, file: File) {
    const input = byTestId(root, 'draft-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    await afterCheck();
  }

  it('opens a .txt file as the draft, named after the file', async () => {
    const bg = background();
    const root = await mount(<SidePanel readSelection={false} delayMs={5} />);
    await openFile(root, new File([DRAFT], 'draft.txt', { type: 'text/plain' }));
    expect(draftArea(root).value).toBe(DRAFT);
    expect(byTestId(root, 'draft-origin')?.textContent).toContain('draft.txt');
    expect(bg.of('check-text').at(-1)?.text).toBe(DRAFT);
  });

  it('opens an .html file as its text, without scripts and styles', async () => {
    const bg = background();
    const html = `<!doctype html><html><head><title>T</title><style>p{color:red}</style></head><body><script>var x = "Poland";</script><h1>Referral</h1><p>${AGREE_SENTENCE}</p><p>${DIFFER_SENTENCE}</p><style>.x{}</style></body></html>`;
    const root = await mount(<SidePanel readSelection={false} delayMs={5} />);
    await openFile(root, new File([html], 'article.html', { type: 'text/html' }));
    expect(draftArea(root).value).toBe(`Referral\n${AGREE_SENTENCE}\n${DIFFER_SENTENCE}`);
    expect(bg.of('check-text').at(-1)?.text).not.toContain('var x');
    expect(root.querySelectorAll('li.sl-draft-sentence')).toHaveLength(2);
  });

  it('refuses other kinds of files with a message', async () => {
    background();
    const root = await mount(<SidePanel readSelection={false} delayMs={5} />);
    await openFile(root, new File(['%PDF-1.4'], 'scan.pdf', { type: 'application/pdf' }));
    expect(draftArea(root).value).toBe('');
    expect(root.querySelector('.sl-notice')?.textContent).toContain('open a .txt, .md or .html file');
  });
});

describe('SidePanel: selection from the context menu', () => {
  it('loads and checks a selection stored before the panel opened, then removes it', async () => {
    const bg = background();
    await fakeBrowser.storage.session.set({ [PENDING_SELECTION_KEY]: { text: DIFFER_SENTENCE, url: 'https://news.example.com/a', title: 'A page', at: '2026-01-01T00:00:00Z' } });
    const root = await mount(<SidePanel delayMs={5} />);
    await afterCheck();
    expect(draftArea(root).value).toBe(DIFFER_SENTENCE);
    expect(bg.of('check-text').at(-1)?.text).toBe(DIFFER_SENTENCE);
    expect(byTestId(root, 'draft-origin')?.textContent).toContain('https://news.example.com/a');
    expect(await fakeBrowser.storage.session.get(PENDING_SELECTION_KEY)).toEqual({});
  });

  it('loads a selection stored while the panel is open', async () => {
    background();
    const root = await mount(<SidePanel delayMs={5} />);
    await typeInto(draftArea(root), 'my own draft');
    await act(async () => {
      await fakeBrowser.storage.session.set({ [PENDING_SELECTION_KEY]: { text: AGREE_SENTENCE, at: '2026-01-01T00:00:01Z' } });
    });
    await afterCheck();
    expect(draftArea(root).value).toBe(AGREE_SENTENCE);
    expect(root.querySelector('li.sl-draft-sentence .sl-badge')?.textContent).toContain('Agrees');
    // The draft it replaced can be brought back.
    await click(root.querySelector('[data-action="restore"]'));
    expect(draftArea(root).value).toBe('my own draft');
  });
});

describe('SidePanel: export', () => {
  it('is disabled until a check has finished, then saves Markdown, HTML and JSON reports', async () => {
    background();
    const save = vi.fn();
    const root = await mount(<SidePanel readSelection={false} delayMs={5} save={save} />);
    const button = (f: string) => root.querySelector(`[data-export="${f}"]`) as HTMLButtonElement;
    expect(button('markdown').disabled).toBe(true);
    await typeInto(draftArea(root), DRAFT);
    await afterCheck();
    expect(button('markdown').disabled).toBe(false);

    await click(button('markdown'));
    await click(button('html'));
    await click(button('json'));
    expect(save).toHaveBeenCalledTimes(3);
    const [mdName, mdMime, md] = save.mock.calls[0]!;
    expect(mdName).toMatch(/^sourcelight-draft-\d{4}-\d{2}-\d{2}\.md$/);
    expect(mdMime).toContain('text/markdown');
    expect(md).toContain('# Draft check');
    expect(md).toContain('✖ Differs');
    expect(md).toContain('**Fact pack:** 1.4.0');
    const [htmlName, htmlMime, html] = save.mock.calls[1]!;
    expect(htmlName).toMatch(/\.html$/);
    expect(htmlMime).toContain('text/html');
    expect(html).toContain('<!doctype html>');
    const [, , json] = save.mock.calls[2]!;
    const parsed = JSON.parse(json as string);
    expect(parsed.origin).toBe('draft');
    expect(parsed.findings.map((f: Finding) => f.verdict)).toEqual(['agree', 'discrepancy']);
  });

  it('downloads through a Blob URL and an <a download> by default', async () => {
    background();
    const created: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:sourcelight/1';
    });
    const saved = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    onTestFinished(() => void Object.assign(URL, saved));
    const clicks: HTMLAnchorElement[] = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    const root = await mount(<SidePanel readSelection={false} delayMs={5} />);
    await typeInto(draftArea(root), DRAFT);
    await afterCheck();
    await click(root.querySelector('[data-export="json"]'));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(clicks[0]!.download).toMatch(/^sourcelight-draft-.*\.json$/);
    expect(clicks[0]!.href).toBe('blob:sourcelight/1');
    expect(JSON.parse(await created[0]!.text()).findings).toHaveLength(2);
  });
});
