// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { viewerOpener } from '../../../src/page/card/open-viewer';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('viewerOpener', () => {
  it('asks the background to open the viewer, and opens no window when it does', async () => {
    const sendMessage = vi.fn(async () => ({ ok: true }));
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    viewerOpener({ sendMessage, getURL: (p) => p }, document)('ext:/v.html', 'src-1', 'fact-1');
    await flush();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'open-source-viewer', source: 'src-1', fact: 'fact-1' });
    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
  });

  it('opens the link in a new window when the background does not answer or fails', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    viewerOpener({ sendMessage: async () => undefined, getURL: (p) => p }, document)('ext:/v.html', 's', 'f');
    viewerOpener({ sendMessage: async () => Promise.reject(new Error('gone')), getURL: (p) => p }, document)('ext:/w.html', 's', 'f');
    await flush();
    expect(open.mock.calls).toEqual([
      ['ext:/v.html', '_blank', 'noopener'],
      ['ext:/w.html', '_blank', 'noopener'],
    ]);
    open.mockRestore();
  });
});
