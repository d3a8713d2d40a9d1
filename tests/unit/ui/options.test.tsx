// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '../../../src/ui/options/Options';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings';
import type { UiReply } from '../../../src/ui/send-message';
import { byTestId, buttonByText, click, fakeBackground, fakePermissions, mount, settle, submit, typeInto, unmountAll, type Handlers } from './helpers';

type PackInfo = UiReply<'get-pack-info'>;

function background(initial: Partial<Settings> = {}, packs: PackInfo['imported'] = [], extra: Handlers = {}) {
  const state = { settings: { ...DEFAULT_SETTINGS, ...initial } as Settings, imported: [...packs] };
  const bg = fakeBackground({
    'get-settings': () => ({ settings: state.settings }),
    'set-settings': ({ settings }) => {
      state.settings = { ...state.settings, ...settings };
      return { settings: state.settings };
    },
    'get-pack-info': () => ({ version: '1.4.0', facts: 42, imported: state.imported }),
    'set-pack-enabled': ({ name, enabled }) => {
      const p = state.imported.find((x) => x.name === name);
      if (p) p.enabled = enabled;
      return { ok: !!p };
    },
    'remove-pack': ({ name }) => {
      const before = state.imported.length;
      state.imported = state.imported.filter((x) => x.name !== name);
      return { ok: state.imported.length < before };
    },
    'export-pack': ({ name }) => ({ json: state.imported.some((p) => p.name === name) ? `{"name":"${name}"}` : null }),
    ...extra,
  });
  return { bg, state };
}

async function chooseFile(root: HTMLElement, content: string, name = 'pack.json') {
  const input = byTestId(root, 'import-file') as HTMLInputElement;
  const file = new File([content], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle(10);
}

let perms: ReturnType<typeof fakePermissions>;
beforeEach(() => {
  fakeBrowser.reset();
  // Automatic mode with its access granted, unless a test says otherwise.
  perms = fakePermissions(['<all_urls>']);
});
afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
  window.location.hash = '';
});

const radio = (root: HTMLElement, mode: 'auto' | 'manual') => root.querySelector(`input[name="mode"][value="${mode}"]`) as HTMLInputElement;
const ALLOW_PATTERNS = ['*://news.example/*', '*://*.news.example/*'];

describe('Options: access to sites', () => {
  it('automatic mode asks for every site inside the click and is saved once granted', async () => {
    perms = fakePermissions([]);
    const { bg } = background({ mode: 'manual' });
    const root = await mount(<Options />);
    radio(root, 'auto').click();
    // No await between the click and the request: the browser prompts only inside the gesture.
    expect(perms.request).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
    expect(bg.of('set-settings')).toEqual([]);
    await settle(10);
    expect(bg.of('set-settings')).toEqual([{ type: 'set-settings', settings: { mode: 'auto' } }]);
    expect(radio(root, 'auto').checked).toBe(true);
    expect(byTestId(root, 'access-refused')).toBeNull();
    expect(byTestId(root, 'access-missing')).toBeNull();
  });

  it('a refused prompt keeps manual mode and says so', async () => {
    perms = fakePermissions([], () => false);
    const { bg, state } = background({ mode: 'manual' });
    const root = await mount(<Options />);
    await click(radio(root, 'auto'));
    await settle(10);
    expect(perms.request).toHaveBeenCalledTimes(1);
    expect(bg.of('set-settings')).toEqual([]);
    expect(state.settings.mode).toBe('manual');
    expect(radio(root, 'manual').checked).toBe(true);
    expect(radio(root, 'auto').checked).toBe(false);
    expect(byTestId(root, 'access-refused')!.textContent).toMatch(/not given access to sites.*checked only when you ask/s);
  });

  it('manual mode gives the access to every site back', async () => {
    const { bg } = background();
    const root = await mount(<Options />);
    await click(radio(root, 'manual'));
    expect(perms.removals).toEqual([['<all_urls>']]);
    expect(perms.held.has('<all_urls>')).toBe(false);
    expect(bg.of('set-settings')).toEqual([{ type: 'set-settings', settings: { mode: 'manual' } }]);
    // Manual mode without the grant is how it should be: nothing to warn about.
    expect(byTestId(root, 'access-missing')).toBeNull();
  });

  it('automatic mode without the grant (fresh install, or taken back) says so and asks for it', async () => {
    perms = fakePermissions([]);
    const { bg } = background();
    const root = await mount(<Options />);
    const notice = byTestId(root, 'access-missing')!;
    expect(notice.textContent).toContain('Automatic checking needs access to sites');
    buttonByText(notice, 'Give access to all sites')!.click();
    expect(perms.request).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
    await settle(10);
    expect(byTestId(root, 'access-missing')).toBeNull();
    // Already automatic: nothing to save.
    expect(bg.of('set-settings')).toEqual([]);
    // Taken back in the browser's settings: the notice comes back by itself.
    await act(() => perms.revoke(['<all_urls>']));
    await settle(10);
    expect(byTestId(root, 'access-missing')).not.toBeNull();
  });

  it('an allow-list entry asks for that site; refused, it is not added; removed, its access goes back', async () => {
    perms = fakePermissions([], (origins) => origins[0] === ALLOW_PATTERNS[0]);
    const { bg, state } = background({ mode: 'manual' });
    const root = await mount(<Options />);
    const allow = root.querySelector('[data-list="allow"]')!;

    await typeInto(allow.querySelector('input'), 'refused.example');
    await submit(allow.querySelector('form'));
    await settle(10);
    expect(perms.requests.at(-1)).toEqual(['*://refused.example/*', '*://*.refused.example/*']);
    expect(bg.of('set-settings')).toEqual([]);
    expect(allow.querySelector('[role="alert"]')!.textContent).toMatch(/not given access to refused\.example/);

    await typeInto(allow.querySelector('input'), 'news.example');
    await submit(allow.querySelector('form'));
    await settle(10);
    expect(perms.requests.at(-1)).toEqual(ALLOW_PATTERNS);
    expect(state.settings.allowSites).toEqual(['news.example']);
    expect(allow.querySelector('[role="alert"]')).toBeNull();

    await click(allow.querySelector('button[aria-label="Remove news.example"]'));
    expect(perms.removals.at(-1)).toEqual(ALLOW_PATTERNS);
    expect(state.settings.allowSites).toEqual([]);
  });

  it('points out allow-list entries whose access was taken back, and asks again', async () => {
    perms = fakePermissions([...ALLOW_PATTERNS]);
    background({ mode: 'manual', allowSites: ['gone.example', 'news.example'] });
    const root = await mount(<Options />);
    await settle(10);
    const missing = byTestId(root, 'allow-access-missing')!;
    expect(missing.textContent).toMatch(/No access to gone\.example: its pages are checked only when you ask/);
    buttonByText(missing, 'Give access')!.click();
    expect(perms.request).toHaveBeenCalledWith({ origins: ['*://gone.example/*', '*://*.gone.example/*'] });
    await settle(10);
    expect(byTestId(root, 'allow-access-missing')).toBeNull();
  });

  it('#welcome explains the choice and offers the grant', async () => {
    perms = fakePermissions([]);
    window.location.hash = '#welcome';
    const { bg } = background();
    const root = await mount(<Options />);
    const welcome = byTestId(root, 'welcome')!;
    expect(welcome.textContent).toMatch(/needs your permission to read the sites you visit/);
    expect(welcome.textContent).toMatch(/with no access to any site/);
    welcome.querySelector<HTMLButtonElement>('button[data-action="grant-all"]')!.click();
    expect(perms.request).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
    await settle(10);
    expect(byTestId(root, 'welcome')!.textContent).toMatch(/Automatic checking is on/);
    expect(bg.of('set-settings')).toEqual([]);
  });

  it('#welcome: "Only when I ask" saves manual mode', async () => {
    perms = fakePermissions([]);
    window.location.hash = '#welcome';
    const { state } = background();
    const root = await mount(<Options />);
    await click(byTestId(root, 'welcome')!.querySelector('button[data-action="choose-manual"]'));
    expect(state.settings.mode).toBe('manual');
    expect(byTestId(root, 'access-missing')).toBeNull();
  });

  it('without #welcome there is no welcome section', async () => {
    background();
    const root = await mount(<Options />);
    expect(byTestId(root, 'welcome')).toBeNull();
  });
});

describe('Options', () => {
  it('shows the settings and switches the mode', async () => {
    const { bg } = background();
    const root = await mount(<Options />);
    const auto = root.querySelector('input[name="mode"][value="auto"]') as HTMLInputElement;
    const manual = root.querySelector('input[name="mode"][value="manual"]') as HTMLInputElement;
    expect(auto.checked).toBe(true);
    expect(root.textContent).toMatch(/needs no access to the sites you visit/);
    await click(manual);
    expect(bg.of('set-settings')).toEqual([{ type: 'set-settings', settings: { mode: 'manual' } }]);
    expect((root.querySelector('input[name="mode"][value="manual"]') as HTMLInputElement).checked).toBe(true);
  });

  it('adds validated hostnames to the block list and removes them', async () => {
    const { bg, state } = background({ allowSites: ['allowed.org'] });
    const root = await mount(<Options />);
    const block = root.querySelector('[data-list="block"]')!;
    const input = block.querySelector('input')!;

    await typeInto(input, 'not a site');
    await submit(block.querySelector('form'));
    expect(block.querySelector('[role="alert"]')!.textContent).toMatch(/not a site name/);
    expect(bg.of('set-settings')).toHaveLength(0);

    await typeInto(input, 'allowed.org');
    await submit(block.querySelector('form'));
    expect(block.querySelector('[role="alert"]')!.textContent).toMatch(/other list/);

    await typeInto(input, 'https://WWW.Example.com/news');
    await submit(block.querySelector('form'));
    expect(bg.of('set-settings').at(-1)!.settings).toEqual({ blockSites: ['www.example.com'] });
    expect(block.querySelector('[role="alert"]')).toBeNull();
    expect(Array.from(block.querySelectorAll('.sl-chip span')).map((s) => s.textContent)).toEqual(['www.example.com']);
    expect((block.querySelector('input') as HTMLInputElement).value).toBe('');

    await typeInto(input, 'www.example.com');
    await submit(block.querySelector('form'));
    expect(block.querySelector('[role="alert"]')!.textContent).toMatch(/already in this list/);

    await click(block.querySelector('button[aria-label="Remove www.example.com"]'));
    expect(state.settings.blockSites).toEqual([]);
    expect(block.querySelectorAll('.sl-chip')).toHaveLength(0);
  });

  it('the highlight style updates the preview and is saved', async () => {
    const { bg } = background();
    const root = await mount(<Options />);
    expect(byTestId(root, 'highlight-preview')!.getAttribute('data-style')).toBe('default');
    await click(root.querySelector('input[name="highlightStyle"][value="underline-only"]'));
    expect(byTestId(root, 'highlight-preview')!.getAttribute('data-style')).toBe('underline-only');
    expect(byTestId(root, 'highlight-preview')!.className).toContain('sl-hl-underline-only');
    // styled by the page's own rules for that style: lines, no tint
    const css = root.querySelector('style')!.textContent!;
    expect(css).toMatch(/\.sl-preview \.slp-discrepancy\s*\{[^}]*underline wavy/);
    expect(css).not.toMatch(/\.sl-preview \.slp-agree\s*\{[^}]*background-color/);
    expect(css).not.toContain('::highlight');
    expect(bg.of('set-settings').at(-1)!.settings).toEqual({ highlightStyle: 'underline-only' });
    // the preview never relies on colour alone
    expect(byTestId(root, 'highlight-preview')!.textContent).toMatch(/\(Agrees\).*\(Differs\).*\(Related\)/);
  });

  it('show related is saved', async () => {
    const { bg } = background();
    const root = await mount(<Options />);
    await click(byTestId(root, 'switch-related'));
    expect(bg.of('set-settings').at(-1)!.settings).toEqual({ showRelated: true });
  });

  it('reset restores the defaults after confirmation', async () => {
    const { bg, state } = background({ mode: 'manual', allowSites: ['a.com'], blockSites: ['b.com'], showRelated: true, highlightStyle: 'high-contrast' });
    const root = await mount(<Options />);
    expect(root.querySelectorAll('.sl-chip')).toHaveLength(2);
    await click(root.querySelector('button[data-action="reset"]'));
    expect(bg.of('set-settings')).toHaveLength(0);
    await click(root.querySelector('button[data-action="confirm-reset"]'));
    expect(bg.of('set-settings').at(-1)!.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect((root.querySelector('input[name="mode"][value="auto"]') as HTMLInputElement).checked).toBe(true);
    expect((root.querySelector('input[name="highlightStyle"][value="default"]') as HTMLInputElement).checked).toBe(true);
    expect((byTestId(root, 'switch-related') as HTMLInputElement).checked).toBe(false);
    expect(root.querySelectorAll('.sl-chip')).toHaveLength(0);
  });

  it('shows the bundled pack', async () => {
    background();
    const root = await mount(<Options />);
    expect(byTestId(root, 'bundled-pack')!.textContent).toMatch(/version 1\.4\.0, 42 facts/);
  });

  it('import failure shows every problem and changes nothing', async () => {
    const problems = ['facts[0].quote: not found verbatim in source "x"', 'facts[3].id: duplicate id "y"'];
    const { bg } = background({}, [], { 'import-pack': () => ({ ok: false, problems }) });
    const root = await mount(<Options />);
    await chooseFile(root, '{"format":1}', 'bad-pack.json');
    expect(bg.of('import-pack')).toEqual([{ type: 'import-pack', json: '{"format":1}' }]);
    const box = byTestId(root, 'import-problems')!;
    expect(box.textContent).toContain('\u201Cbad-pack.json\u201D was not imported. Nothing was changed.');
    expect(Array.from(box.querySelectorAll('li')).map((li) => li.textContent)).toEqual(problems);
    expect(byTestId(root, 'pack-list')).toBeNull();
  });

  it('a file that is not JSON is refused before sending', async () => {
    const { bg } = background({}, [], { 'import-pack': () => ({ ok: true, name: 'x', facts: 1 }) });
    const root = await mount(<Options />);
    await chooseFile(root, '{ not json');
    expect(bg.of('import-pack')).toHaveLength(0);
    expect(byTestId(root, 'import-problems')!.textContent).toMatch(/not valid JSON/);
  });

  it('import success lists the pack; enable, export and remove work', async () => {
    const { bg, state } = background({}, [], {
      'import-pack': () => {
        state.imported.push({ name: 'my-pack', version: '0.2.0', facts: 3, enabled: true });
        return { ok: true, name: 'my-pack', facts: 3 };
      },
    });
    const root = await mount(<Options />);
    await chooseFile(root, '{"format":1,"name":"my-pack"}');
    expect(byTestId(root, 'import-ok')!.textContent).toContain('Imported \u201Cmy-pack\u201D: 3 facts.');
    const row = byTestId(root, 'pack-list')!.querySelector('li[data-pack="my-pack"]')!;
    expect(row.textContent).toContain('version 0.2.0');
    expect(row.textContent).toContain('3 facts');

    await click(byTestId(root, 'enable-my-pack'));
    expect(bg.of('set-pack-enabled')).toEqual([{ type: 'set-pack-enabled', name: 'my-pack', enabled: false }]);
    expect((byTestId(root, 'enable-my-pack') as HTMLInputElement).checked).toBe(false);
    expect(root.querySelector('li[data-pack="my-pack"]')!.textContent).toContain('not used');

    const created: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:sourcelight/1';
    });
    const origCreate = URL.createObjectURL;
    URL.createObjectURL = createObjectURL as typeof URL.createObjectURL;
    const clicked: HTMLAnchorElement[] = [];
    const origClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      await click(root.querySelector('li[data-pack="my-pack"] button[data-action="export"]'));
    } finally {
      URL.createObjectURL = origCreate;
      HTMLAnchorElement.prototype.click = origClick;
    }
    expect(bg.of('export-pack')).toEqual([{ type: 'export-pack', name: 'my-pack' }]);
    expect(await created[0]!.text()).toBe('{"name":"my-pack"}');
    expect(clicked[0]!.download).toBe('my-pack-0.2.0.json');
    expect(clicked[0]!.href).toBe('blob:sourcelight/1');

    await click(root.querySelector('li[data-pack="my-pack"] button[data-action="remove"]'));
    expect(bg.of('remove-pack')).toHaveLength(0);
    await click(root.querySelector('li[data-pack="my-pack"] button[data-action="confirm-remove"]'));
    expect(bg.of('remove-pack')).toEqual([{ type: 'remove-pack', name: 'my-pack' }]);
    expect(root.querySelector('li[data-pack="my-pack"]')).toBeNull();
  });

  it('shows an error when the background does not answer', async () => {
    fakeBackground({});
    const root = await mount(<Options />);
    expect(byTestId(root, 'load-error')!.textContent).toMatch(/did not answer/);
    expect(buttonByText(root, 'Try again')).toBeDefined();
  });
});
