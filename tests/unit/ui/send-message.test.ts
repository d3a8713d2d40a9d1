import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send, BackgroundError } from '../../../src/ui/send-message';
import { DEFAULT_SETTINGS } from '../../../src/settings';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('send', () => {
  it('sends { type, ...payload } and returns the reply', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(((msg: unknown) => {
      received.push(msg);
      return Promise.resolve({ settings: DEFAULT_SETTINGS });
    }) as never);
    const reply = await send('get-settings', {});
    expect(received).toEqual([{ type: 'get-settings' }]);
    expect(reply.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('throws a clear error for an { error } reply', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ error: 'tabId must be a number' } as never);
    await expect(send('get-tab-status', { tabId: 1 })).rejects.toThrow(/get-tab-status.*tabId must be a number/);
    await expect(send('get-tab-status', { tabId: 1 })).rejects.toBeInstanceOf(BackgroundError);
  });

  it('keeps { ok: false, error } replies (check-tab-now) as replies', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error: 'not a web page' } as never);
    await expect(send('check-tab-now', { tabId: 1 })).resolves.toEqual({ ok: false, error: 'not a web page' });
  });

  it('throws when nothing answers or the answer is empty', async () => {
    await expect(send('get-settings', {})).rejects.toThrow(/did not answer/);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    await expect(send('get-settings', {})).rejects.toThrow(/no answer/);
  });

  it('times out', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => {}) as never);
    await expect(send('get-settings', {}, { timeoutMs: 20 })).rejects.toThrow(/no answer within/);
  });
});
