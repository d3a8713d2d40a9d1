// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../src/ui/popup/Popup';
import type { PageStatus } from '../../../src/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings';
import { byTestId, buttonByText, click, fakeActiveTab, fakeBackground, fakePermissions, finding, mount, settle, unmountAll } from './helpers';

const URL_ = 'https://news.example.com/belarus-icc';

function status(over: Partial<PageStatus>): PageStatus {
  return { state: 'done', url: URL_, title: 'A page', findings: [], textLength: 1000, checkedAt: '2025-01-01T00:00:00Z', ...over };
}

const PACK = { version: '1.4.0', facts: 42, imported: [] };

function background(st: PageStatus | null, settings: Settings = DEFAULT_SETTINGS) {
  let current = { ...settings };
  return fakeBackground({
    'get-tab-status': () => ({ status: st }),
    'get-settings': () => ({ settings: current }),
    'get-pack-info': () => PACK,
    'set-settings': ({ settings: patch }) => {
      current = { ...current, ...patch };
      return { settings: current };
    },
    'scroll-to-finding': () => ({ ok: true }),
    'check-tab-now': () => ({ ok: true }),
  });
}

let perms: ReturnType<typeof fakePermissions>;
beforeEach(() => {
  fakeBrowser.reset();
  fakeActiveTab(URL_, 7);
  // Automatic mode with its access granted, unless a test says otherwise.
  perms = fakePermissions(['<all_urls>']);
});
afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

const findings = [
  finding('agree', 'Belarus is not a State Party to the Rome Statute.', 10),
  finding('related', 'The ICC has been discussed a lot.', 50),
  finding('discrepancy', 'Poland referred the situation to the ICC in October 2024.', 200),
  finding('discrepancy', 'About 900,000 people fled Belarus.', 120),
];

describe('Popup', () => {
  it('asks for the active tab status and lists findings grouped: differs first, then agrees', async () => {
    const bg = background(status({ findings }));
    const root = await mount(<Popup />);
    expect(bg.of('get-tab-status')).toEqual([{ type: 'get-tab-status', tabId: 7 }]);
    const groups = Array.from(root.querySelectorAll('section[data-verdict]')).map((s) => s.getAttribute('data-verdict'));
    expect(groups).toEqual(['discrepancy', 'agree']);
    const rows = Array.from(root.querySelectorAll('li.sl-finding'));
    // page order inside a group; index is the position in status.findings
    expect(rows.map((r) => r.getAttribute('data-index'))).toEqual(['3', '2', '0']);
    expect(rows[0]!.textContent).toContain('About 900,000 people fled Belarus.');
    expect(rows[0]!.textContent).toContain('Differs');
    expect(rows[0]!.textContent).toContain('Explanation for discrepancy');
    expect(byTestId(root, 'status-line')!.textContent).toBe('4 checked sentences: 2 differ, 1 agrees, 1 related.');
    expect(byTestId(root, 'related-hidden')!.textContent).toMatch(/1 related sentence is not listed/);
    expect(byTestId(root, 'pack-version')!.textContent).toBe('Facts v1.4.0 \u00B7 42 facts');
  });

  it('shows related sentences last when settings.showRelated', async () => {
    background(status({ findings }), { ...DEFAULT_SETTINGS, showRelated: true });
    const root = await mount(<Popup />);
    const groups = Array.from(root.querySelectorAll('section[data-verdict]')).map((s) => s.getAttribute('data-verdict'));
    expect(groups).toEqual(['discrepancy', 'agree', 'related']);
    expect(byTestId(root, 'related-hidden')).toBeNull();
  });

  it('truncates long sentences and keeps the whole one in the title', async () => {
    const long = `${'Lukashenko '.repeat(30)}end.`;
    background(status({ findings: [finding('agree', long, 0)] }));
    const root = await mount(<Popup />);
    const q = root.querySelector('blockquote.sl-sentence')!;
    expect(q.textContent!.length).toBeLessThanOrEqual(140);
    expect(q.textContent!.endsWith('\u2026')).toBe(true);
    expect(q.getAttribute('title')).toBe(long);
  });

  it('jump-to sends scroll-to-finding with the index in status.findings', async () => {
    const bg = background(status({ findings }));
    const root = await mount(<Popup />);
    const row = root.querySelector('li.sl-finding[data-index="2"]')!;
    await click(row.querySelector('button[data-action="jump"]'));
    expect(bg.of('scroll-to-finding')).toEqual([{ type: 'scroll-to-finding', tabId: 7, index: 2 }]);
  });

  it('says when the page is off-topic', async () => {
    background(status({ state: 'off-topic' }));
    const root = await mount(<Popup />);
    expect(byTestId(root, 'status-line')!.textContent).toBe('Nothing about Belarus or the ICC on this page.');
    expect(root.querySelectorAll('li.sl-finding')).toHaveLength(0);
  });

  it('says when an on-topic page has nothing to check, and when it was never checked', async () => {
    background(status({ findings: [] }));
    let root = await mount(<Popup />);
    expect(byTestId(root, 'status-line')!.textContent).toMatch(/no sentence makes a claim/);
    unmountAll();
    vi.restoreAllMocks();
    fakeActiveTab(URL_, 7);
    background(null);
    root = await mount(<Popup />);
    expect(byTestId(root, 'status-line')!.textContent).toBe('This page has not been checked yet.');
  });

  it('shows an error, not a blank popup, when the background does not answer; retry works', async () => {
    fakeBackground({});
    const root = await mount(<Popup />);
    const err = byTestId(root, 'load-error')!;
    expect(err.getAttribute('role')).toBe('alert');
    expect(err.textContent).toMatch(/not answering/);
    expect(err.textContent).toMatch(/Receiving end does not exist/);
    vi.restoreAllMocks();
    fakeActiveTab(URL_, 7);
    background(status({ state: 'off-topic' }));
    await click(buttonByText(root, 'Try again'));
    expect(byTestId(root, 'status-line')!.textContent).toBe('Nothing about Belarus or the ICC on this page.');
  });

  it('shows an { error } reply as an error', async () => {
    fakeBackground({ 'get-tab-status': () => ({ error: 'database is closed' }), 'get-settings': () => ({ settings: DEFAULT_SETTINGS }) });
    const root = await mount(<Popup />);
    expect(byTestId(root, 'load-error')!.textContent).toMatch(/database is closed/);
  });

  it('"Check this site automatically" in auto mode adds and removes the host in blockSites', async () => {
    const bg = background(status({ findings }));
    const root = await mount(<Popup />);
    const sw = byTestId(root, 'switch-site') as HTMLInputElement;
    expect(sw.checked).toBe(true);
    await click(sw);
    expect(bg.of('set-settings').at(-1)!.settings).toEqual({ allowSites: [], blockSites: ['news.example.com'] });
    expect((byTestId(root, 'switch-site') as HTMLInputElement).checked).toBe(false);
    await click(byTestId(root, 'switch-site'));
    expect(bg.of('set-settings').at(-1)!.settings).toEqual({ allowSites: [], blockSites: [] });
    expect((byTestId(root, 'switch-site') as HTMLInputElement).checked).toBe(true);
  });

  it('"Check this site automatically" in manual mode uses allowSites, with the site\'s access', async () => {
    perms = fakePermissions(['*://other.org/*', '*://*.other.org/*']);
    const bg = background(status({ state: 'disabled' }), { ...DEFAULT_SETTINGS, mode: 'manual', allowSites: ['other.org'] });
    const root = await mount(<Popup />);
    const sw = byTestId(root, 'switch-site') as HTMLInputElement;
    expect(sw.checked).toBe(false);
    await click(sw);
    expect(perms.requests).toEqual([['*://news.example.com/*', '*://*.news.example.com/*']]);
    expect(bg.of('set-settings').at(-1)!.settings).toEqual({ allowSites: ['other.org', 'news.example.com'], blockSites: [] });
    await click(byTestId(root, 'switch-site'));
    expect(bg.of('set-settings').at(-1)!.settings).toEqual({ allowSites: ['other.org'], blockSites: [] });
    // Off the list, the site's access is given back.
    expect(perms.removals).toEqual([['*://news.example.com/*', '*://*.news.example.com/*']]);
    expect(perms.held.has('*://news.example.com/*')).toBe(false);
  });

  it('a site whose access is refused is not put on the allow list', async () => {
    perms = fakePermissions([], () => false);
    const bg = background(status({ state: 'disabled' }), { ...DEFAULT_SETTINGS, mode: 'manual' });
    const root = await mount(<Popup />);
    await click(byTestId(root, 'switch-site'));
    expect(perms.request).toHaveBeenCalledTimes(1);
    expect(bg.of('set-settings')).toEqual([]);
    expect(byTestId(root, 'action-error')!.textContent).toMatch(/not given access to news\.example\.com/);
    expect((byTestId(root, 'switch-site') as HTMLInputElement).checked).toBe(false);
  });

  it('automatic mode without access to sites says so and asks for it inside the click', async () => {
    perms = fakePermissions([]);
    background(status({ state: 'idle' }));
    const root = await mount(<Popup />);
    const notice = byTestId(root, 'access-missing')!;
    expect(notice.textContent).toContain('Automatic checking needs access to sites');
    expect(byTestId(root, 'switch-site')!.closest('.sl-switch-row')!.textContent).toMatch(/waits for access to sites/);
    const button = buttonByText(notice, 'Give access to all sites')!;
    button.click();
    // Synchronously, in the gesture: no await between the click and the request.
    expect(perms.request).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
    await settle();
    expect(byTestId(root, 'access-missing')).toBeNull();
  });

  it('automatic mode with access granted shows no access notice', async () => {
    background(status({ state: 'idle' }));
    const root = await mount(<Popup />);
    expect(byTestId(root, 'access-missing')).toBeNull();
  });

  it('"Show related sentences" sends showRelated and shows the related group', async () => {
    const bg = background(status({ findings }));
    const root = await mount(<Popup />);
    await click(byTestId(root, 'switch-related'));
    expect(bg.of('set-settings')).toEqual([{ type: 'set-settings', settings: { showRelated: true } }]);
    expect(root.querySelector('section[data-verdict="related"]')).not.toBeNull();
  });

  it('rolls a switch back and says so when saving fails', async () => {
    fakeBackground({
      'get-tab-status': () => ({ status: status({ findings }) }),
      'get-settings': () => ({ settings: DEFAULT_SETTINGS }),
      'get-pack-info': () => PACK,
      'set-settings': () => ({ error: 'write failed' }),
    });
    const root = await mount(<Popup />);
    await click(byTestId(root, 'switch-related'));
    expect((byTestId(root, 'switch-related') as HTMLInputElement).checked).toBe(false);
    expect(byTestId(root, 'action-error')!.textContent).toMatch(/write failed/);
  });

  it('"Check this page now" sends check-tab-now and polls until the check is done', async () => {
    let calls = 0;
    const bg = fakeBackground({
      'get-tab-status': () => {
        calls += 1;
        if (calls === 1) return { status: status({ state: 'idle', checkedAt: undefined }) };
        if (calls === 2) return { status: status({ state: 'checking', checkedAt: undefined }) };
        return { status: status({ findings: [findings[0]!], checkedAt: '2025-02-02T00:00:00Z' }) };
      },
      'get-settings': () => ({ settings: DEFAULT_SETTINGS }),
      'get-pack-info': () => PACK,
      'check-tab-now': () => ({ ok: true }),
    });
    const root = await mount(<Popup pollMs={5} />);
    expect(byTestId(root, 'status-line')!.textContent).toBe('This page has not been checked yet.');
    await click(root.querySelector('button[data-action="check-now"]'));
    expect(bg.of('check-tab-now')).toEqual([{ type: 'check-tab-now', tabId: 7 }]);
    await vi.waitFor(() => expect(byTestId(root, 'status-line')!.textContent).toBe('1 checked sentence: 1 agrees.'));
    await settle();
    expect(calls).toBe(3);
  });

  it('shows why check-tab-now failed', async () => {
    fakeBackground({
      'get-tab-status': () => ({ status: null }),
      'get-settings': () => ({ settings: DEFAULT_SETTINGS }),
      'get-pack-info': () => PACK,
      'check-tab-now': () => ({ ok: false, error: 'the page did not load' }),
    });
    const root = await mount(<Popup />);
    await click(root.querySelector('button[data-action="check-now"]'));
    expect(byTestId(root, 'action-error')!.querySelector('.sl-notice-body')!.textContent).toBe('This page could not be checked: the page did not load');
  });

  it('cannot check non-web pages and says so', async () => {
    vi.restoreAllMocks();
    fakeActiveTab('chrome://extensions/', 3);
    background(null);
    const root = await mount(<Popup />);
    expect(byTestId(root, 'status-line')!.textContent).toMatch(/web pages only/);
    expect((root.querySelector('button[data-action="check-now"]') as HTMLButtonElement).disabled).toBe(true);
    expect((byTestId(root, 'switch-site') as HTMLInputElement).disabled).toBe(true);
  });

  it('opens the source viewer and options', async () => {
    background(status({ findings }));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined as never);
    const root = await mount(<Popup />);
    await click(root.querySelector('a[data-action="open-sources"]'));
    expect(create).toHaveBeenLastCalledWith({ url: expect.stringMatching(/^chrome-extension:\/\/[^/]+\/source-viewer\.html$/) });
    await click(root.querySelector('li.sl-finding[data-index="0"] button[data-action="source"]'));
    const url = new URL((create.mock.calls.at(-1)![0] as { url: string }).url);
    expect(url.pathname).toBe('/source-viewer.html');
    expect(Object.fromEntries(url.searchParams)).toEqual({ source: 'src-1', fact: findings[0]!.fact.id, quote: 'a quote' });
    await click(root.querySelector('a[data-action="open-options"]'));
    expect(openOptions).toHaveBeenCalled();
  });
});
