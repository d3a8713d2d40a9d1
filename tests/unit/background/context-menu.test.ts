import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MENU_ID, registerContextMenu } from '../../../src/background/features/context-menu';
import { PENDING_SELECTION_KEY } from '../../../src/sidepanel/pending-selection';

/** A minimal browser event: fakeBrowser does not implement contextMenus or commands. */
function fakeEvent<F extends (...args: never[]) => unknown>() {
  const listeners = new Set<F>();
  return {
    addListener: (f: F) => void listeners.add(f),
    removeListener: (f: F) => void listeners.delete(f),
    hasListener: (f: F) => listeners.has(f),
    fire: (...args: Parameters<F>) => [...listeners].map((f) => f(...args)),
    get size() {
      return listeners.size;
    },
  };
}

type Click = (info: { menuItemId: string; selectionText?: string; pageUrl?: string }, tab?: { id?: number; windowId?: number; url?: string; title?: string }) => void;
type Command = (command: string, tab?: { id?: number; windowId?: number }) => void;

let onClicked: ReturnType<typeof fakeEvent<Click>>;
let onCommand: ReturnType<typeof fakeEvent<Command>>;
let create: ReturnType<typeof vi.fn>;
let controller: AbortController;
const g = globalThis as { chrome?: unknown; browser?: unknown };
const saved = { chrome: g.chrome, browser: g.browser };

beforeEach(() => {
  fakeBrowser.reset();
  onClicked = fakeEvent<Click>();
  onCommand = fakeEvent<Command>();
  create = vi.fn((_props: unknown, cb?: () => void) => cb?.());
  Object.assign(fakeBrowser, {
    contextMenus: { create, onClicked },
    commands: { onCommand },
  });
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  g.chrome = saved.chrome;
  g.browser = saved.browser;
  vi.restoreAllMocks();
});

describe('registerContextMenu', () => {
  it('creates the selection entry on install', async () => {
    registerContextMenu(controller.signal);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    expect(create).toHaveBeenCalledWith({ id: MENU_ID, title: 'Check with SourceLight', contexts: ['selection'] }, expect.any(Function));
  });

  it('on Chromium opens the side panel synchronously in the click, then hands over the selection', async () => {
    const open = vi.fn(() => Promise.resolve());
    g.chrome = { sidePanel: { open } };
    g.browser = undefined;
    registerContextMenu(controller.signal);
    onClicked.fire({ menuItemId: MENU_ID, selectionText: '  Poland referred Lukashenko to the ICC.  ', pageUrl: 'https://news.example.com/x' }, { id: 4, windowId: 9, title: 'News' });
    // No await between the click and open(): the gesture is still valid.
    expect(open).toHaveBeenCalledWith({ windowId: 9 });
    await vi.waitFor(async () => {
      const got = await fakeBrowser.storage.session.get(PENDING_SELECTION_KEY);
      expect(got[PENDING_SELECTION_KEY]).toMatchObject({ text: 'Poland referred Lukashenko to the ICC.', url: 'https://news.example.com/x', title: 'News' });
    });
  });

  it('on Firefox opens the sidebar', () => {
    const open = vi.fn(() => Promise.resolve());
    g.browser = { sidebarAction: { open } };
    g.chrome = { sidePanel: { open: vi.fn() } };
    registerContextMenu(controller.signal);
    onClicked.fire({ menuItemId: MENU_ID, selectionText: 'text' }, { id: 1, windowId: 1 });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('ignores other menu entries', () => {
    const open = vi.fn(() => Promise.resolve());
    g.chrome = { sidePanel: { open } };
    g.browser = undefined;
    registerContextMenu(controller.signal);
    onClicked.fire({ menuItemId: 'someone-else', selectionText: 'text' }, { id: 1, windowId: 1 });
    expect(open).not.toHaveBeenCalled();
  });

  it('check-page asks the active tab to check now; open-panel opens the panel', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 12, windowId: 3 } as never]);
    const open = vi.fn(() => Promise.resolve());
    g.chrome = { sidePanel: { open } };
    g.browser = undefined;
    registerContextMenu(controller.signal);
    onCommand.fire('check-page');
    await vi.waitFor(() => expect(sendMessage).toHaveBeenCalledWith(12, { type: 'check-page-now' }));
    onCommand.fire('open-panel', { id: 12, windowId: 3 });
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
  });

  it('removes its listeners when the signal aborts', () => {
    registerContextMenu(controller.signal);
    expect(onClicked.size).toBe(1);
    expect(onCommand.size).toBe(1);
    controller.abort();
    expect(onClicked.size).toBe(0);
    expect(onCommand.size).toBe(0);
  });
});
