/**
 * The content script follows the reader's grants: registered on exactly the granted web origins,
 * updated and unregistered as grants change, never throwing; open tabs on a new grant get it.
 * fakeBrowser implements neither `permissions` nor `scripting`: both are faked here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CONTENT_SCRIPT_ID,
  STYLE_SCRIPT_ID,
  injectIntoOpenTabs,
  matchesFor,
  registerContentScriptSync,
  syncContentScript,
  type ContentScriptRegistration,
} from '../../../src/background/features/content-script-sync';
import { registerWelcome, welcomeOnInstall, WELCOME_PATH } from '../../../src/background/features/welcome';
import { checkTab } from '../../../src/background/check-tab';
import { writeSettings } from '../../../src/background/settings-store';
import type { SourceLightDb } from '../../../src/db/database';

type Listener = (p: { origins?: string[] }) => void;

function fakeEvent() {
  const listeners = new Set<Listener>();
  return {
    addListener: (f: Listener) => void listeners.add(f),
    removeListener: (f: Listener) => void listeners.delete(f),
    hasListener: (f: Listener) => listeners.has(f),
    fire: (p: { origins?: string[] }) => [...listeners].forEach((f) => f(p)),
    get size() {
      return listeners.size;
    },
  };
}

/** The browser's grants and registered scripts, with Chromium's rules: no duplicate id, no update of an unknown one. */
function fakeApis(origins: string[] = []) {
  const granted = new Set(origins);
  const registered = new Map<string, ContentScriptRegistration>();
  const calls: string[] = [];
  const permissions = {
    getAll: vi.fn(async () => ({ origins: [...granted], permissions: ['storage'] })),
    contains: vi.fn(async ({ origins: o = [] }: { origins?: string[] }) => o.every((x) => granted.has(x))),
    onAdded: fakeEvent(),
    onRemoved: fakeEvent(),
  };
  const scripting = {
    getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) => [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map((s) => structuredClone(s))),
    registerContentScripts: vi.fn(async (scripts: ContentScriptRegistration[]) => {
      calls.push('register');
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, structuredClone(s));
      }
    }),
    updateContentScripts: vi.fn(async (scripts: ContentScriptRegistration[]) => {
      calls.push('update');
      for (const s of scripts) {
        if (!registered.has(s.id)) throw new Error(`Content script with ID '${s.id}' does not exist.`);
        registered.set(s.id, structuredClone(s));
      }
    }),
    unregisterContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
      calls.push('unregister');
      for (const id of filter?.ids ?? [...registered.keys()]) registered.delete(id);
    }),
    executeScript: vi.fn(async (_injection: { target: { tabId: number }; files: string[] }) => [{ result: undefined }]),
  };
  const grant = (o: string[]) => {
    for (const x of o) granted.add(x);
    permissions.onAdded.fire({ origins: o });
  };
  const revoke = (o: string[]) => {
    for (const x of o) granted.delete(x);
    permissions.onRemoved.fire({ origins: o });
  };
  return { permissions, scripting, registered, calls, grant, revoke, granted };
}

let apis: ReturnType<typeof fakeApis>;
let controller: AbortController;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fakeBrowser.reset();
  apis = fakeApis();
  Object.assign(fakeBrowser, { permissions: apis.permissions, scripting: apis.scripting });
  controller = new AbortController();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

const script = () => apis.registered.get(CONTENT_SCRIPT_ID);
const styleScript = () => apis.registered.get(STYLE_SCRIPT_ID);

describe('matchesFor', () => {
  it('keeps web patterns only, sorted, once each; <all_urls> alone covers the rest', () => {
    expect(matchesFor(undefined)).toEqual([]);
    expect(matchesFor(['https://b.example/*', '*://*.a.example/*', 'chrome://favicon/*', 'moz-extension://x/*', 'https://b.example/*', 'file:///*'])).toEqual([
      '*://*.a.example/*',
      'https://b.example/*',
    ]);
    expect(matchesFor(['*://a.example/*', '<all_urls>'])).toEqual(['<all_urls>']);
  });
});

describe('syncContentScript', () => {
  it('registers nothing while no site is granted', async () => {
    expect(await syncContentScript(apis)).toEqual([]);
    expect(apis.calls).toEqual([]);
  });

  it('registers the content script on the granted origins, as the manifest declared it (document_idle, top frame)', async () => {
    apis.granted.add('<all_urls>');
    expect(await syncContentScript(apis)).toEqual(['<all_urls>']);
    expect(script()).toEqual({ id: CONTENT_SCRIPT_ID, js: ['content-scripts/content.js'], matches: ['<all_urls>'], runAt: 'document_idle' });
    expect(script()).not.toHaveProperty('allFrames');
  });

  it('updates only when the grants changed, and unregisters when none is left', async () => {
    apis.granted.add('*://a.example/*');
    await syncContentScript(apis);
    await syncContentScript(apis);
    expect(apis.calls).toEqual(['register']);
    apis.granted.add('*://*.a.example/*');
    await syncContentScript(apis);
    expect(apis.calls).toEqual(['register', 'update']);
    expect(script()!.matches).toEqual(['*://*.a.example/*', '*://a.example/*']);
    apis.granted.clear();
    await syncContentScript(apis);
    expect(apis.calls).toEqual(['register', 'update', 'unregister']);
    expect(script()).toBeUndefined();
  });

  it("registers the reader's highlight style as CSS at document_start on the same sites, and follows a new style", async () => {
    apis.granted.add('*://a.example/*');
    await syncContentScript(apis, 'high-contrast');
    expect(styleScript()).toEqual({ id: STYLE_SCRIPT_ID, css: ['highlights/high-contrast.css'], matches: ['*://a.example/*'], runAt: 'document_start' });
    await syncContentScript(apis, 'high-contrast');
    expect(apis.calls).toEqual(['register']);
    await syncContentScript(apis, 'underline-only');
    expect(apis.calls).toEqual(['register', 'update']);
    expect(styleScript()!.css).toEqual(['highlights/underline-only.css']);
    expect(script()!.js).toEqual(['content-scripts/content.js']);
    apis.granted.clear();
    await syncContentScript(apis, 'underline-only');
    expect(styleScript()).toBeUndefined();
    expect(script()).toBeUndefined();
  });

  it('adds the style file to a content script registered before it existed', async () => {
    apis.granted.add('<all_urls>');
    apis.registered.set(CONTENT_SCRIPT_ID, { id: CONTENT_SCRIPT_ID, js: ['content-scripts/content.js'], matches: ['<all_urls>'], runAt: 'document_idle' });
    await syncContentScript(apis);
    expect(apis.calls).toEqual(['register']);
    expect(styleScript()!.css).toEqual(['highlights/default.css']);
  });

  it('logs and returns [] instead of throwing when the browser refuses', async () => {
    apis.granted.add('<all_urls>');
    apis.scripting.registerContentScripts.mockRejectedValueOnce(new Error('no scripting here'));
    await expect(syncContentScript(apis)).resolves.toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[SourceLight\] /), expect.any(Error));
  });
});

describe('registerContentScriptSync', () => {
  it('syncs at start, on install, and on every grant and withdrawal', async () => {
    apis.granted.add('*://a.example/*');
    const sync = registerContentScriptSync(controller.signal);
    await sync.settled();
    expect(script()!.matches).toEqual(['*://a.example/*']);

    apis.grant(['<all_urls>']);
    await vi.waitFor(() => expect(script()!.matches).toEqual(['<all_urls>']));

    apis.revoke(['<all_urls>']);
    await vi.waitFor(() => expect(script()!.matches).toEqual(['*://a.example/*']));

    apis.revoke(['*://a.example/*']);
    await vi.waitFor(() => expect(script()).toBeUndefined());

    apis.granted.add('*://b.example/*');
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false } as never);
    await vi.waitFor(() => expect(script()!.matches).toEqual(['*://b.example/*']));
    // Never two registrations of the same id, however close the events.
    expect(warn).not.toHaveBeenCalled();
  });

  it('syncs one after another: two close grants cannot both register', async () => {
    registerContentScriptSync(controller.signal);
    apis.grant(['*://a.example/*']);
    apis.grant(['*://b.example/*']);
    await vi.waitFor(() => expect(script()?.matches).toEqual(['*://a.example/*', '*://b.example/*']));
    expect(apis.calls.filter((c) => c === 'register')).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('registers the style file of the stored settings, and the new one after the settings change', async () => {
    apis.granted.add('<all_urls>');
    let style: 'default' | 'high-contrast' = 'default';
    const sync = registerContentScriptSync(controller.signal, async () => style);
    await sync.settled();
    expect(styleScript()!.css).toEqual(['highlights/default.css']);
    // writeSettings tells its listeners; a fake table stands in for IndexedDB.
    let row: unknown;
    const db = {
      settings: { get: async () => row, put: async (r: unknown) => void (row = r) },
      transaction: (_m: string, _t: unknown, f: () => Promise<unknown>) => f(),
    } as unknown as SourceLightDb;
    style = 'high-contrast';
    await writeSettings(db, { highlightStyle: 'high-contrast' });
    await vi.waitFor(() => expect(styleScript()!.css).toEqual(['highlights/high-contrast.css']));
    controller.abort();
    style = 'default';
    await writeSettings(db, { highlightStyle: 'default' });
    await sync.settled();
    expect(styleScript()!.css).toEqual(['highlights/high-contrast.css']);
  });

  it('removes its listeners when the signal aborts', async () => {
    const sync = registerContentScriptSync(controller.signal);
    await sync.settled();
    expect(apis.permissions.onAdded.size).toBe(1);
    expect(apis.permissions.onRemoved.size).toBe(1);
    controller.abort();
    expect(apis.permissions.onAdded.size).toBe(0);
    expect(apis.permissions.onRemoved.size).toBe(0);
  });

  it('a new grant starts the script in open tabs of those sites where none answers', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1 }, { id: 2 }, { id: 3, discarded: true }] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number) => {
      if (tabId === 2) return { status: { state: 'done' } };
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never);
    registerContentScriptSync(controller.signal);
    apis.grant(['<all_urls>']);
    await vi.waitFor(() => expect(apis.scripting.executeScript).toHaveBeenCalledTimes(1));
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ url: ['<all_urls>'] });
    expect(apis.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 1 }, files: ['/content-scripts/content.js'] });
  });
});

describe('injectIntoOpenTabs', () => {
  it('does nothing for grants that are not web sites, and never throws', async () => {
    const tabs = { query: vi.fn(async () => []), sendMessage: vi.fn() };
    expect(await injectIntoOpenTabs({ tabs, scripting: apis.scripting }, ['chrome://favicon/*'])).toBe(0);
    expect(tabs.query).not.toHaveBeenCalled();
    const broken = { query: vi.fn(async () => Promise.reject(new Error('no tabs'))), sendMessage: vi.fn() };
    expect(await injectIntoOpenTabs({ tabs: broken, scripting: apis.scripting }, ['<all_urls>'])).toBe(0);
    expect(warn).toHaveBeenCalled();
  });
});

describe('welcome on install', () => {
  it('opens the options page at #welcome after a fresh install without access', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({ id: 9 } as never);
    registerWelcome(controller.signal);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]![0]!.url).toMatch(/\/options\.html#welcome$/);
    expect(WELCOME_PATH).toBe('/options.html#welcome');
  });

  it('not on update, and not when every site is already granted', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({ id: 9 } as never);
    expect(await welcomeOnInstall({ reason: 'update' })).toBe(false);
    apis.granted.add('<all_urls>');
    expect(await welcomeOnInstall({ reason: 'install' })).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });
});

describe('checkTab', () => {
  it('asks the running content script first', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    expect(await checkTab(4)).toEqual({ ok: true });
    expect(send).toHaveBeenCalledWith(4, { type: 'check-page-now' });
    expect(apis.scripting.executeScript).not.toHaveBeenCalled();
  });

  it('injects the content script where none answers (activeTab), then asks it', async () => {
    let injected = false;
    apis.scripting.executeScript.mockImplementation(async () => {
      injected = true;
      return [{ result: undefined }];
    });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async () => {
      if (!injected) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true };
    }) as never);
    expect(await checkTab(4)).toEqual({ ok: true });
    expect(apis.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 4 }, files: ['/content-scripts/content.js'] });
  });

  it('says why a page cannot be checked', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    apis.scripting.executeScript.mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    expect(await checkTab(4)).toEqual({ ok: false, error: 'cannot check this page: Cannot access a chrome:// URL' });
  });
});
