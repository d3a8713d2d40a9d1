// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchMutations } from '../../../src/page/watch-mutations';

let controller: AbortController;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function start(overrides: Partial<Parameters<typeof watchMutations>[2]> = {}) {
  const onBlocks = vi.fn();
  const onRescan = vi.fn();
  const watch = watchMutations(document, controller.signal, {
    isOwn: (n) => n.nodeType === 1 && (n as Element).hasAttribute('data-sourcelight'),
    onBlocks,
    onRescan,
    debounceMs: 20,
    ...overrides,
  });
  return { onBlocks, onRescan, watch };
}

beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '<main><article><p id="p1">First.</p></article><div id="feed"></div></main>';
});
afterEach(() => controller.abort());

describe('watchMutations', () => {
  it('hands on the blocks that changed once the page is quiet, one call for a burst', async () => {
    const { onBlocks, onRescan } = start();
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 3; i++) {
      const p = document.createElement('p');
      p.textContent = `Item ${i}`;
      feed.append(p);
    }
    document.querySelector('#p1')!.append(document.createElement('b'));
    document.querySelector('#p1 b')!.textContent = ' bold';
    expect(onBlocks).not.toHaveBeenCalled();
    await wait(60);
    expect(onBlocks).toHaveBeenCalledTimes(1);
    const blocks = onBlocks.mock.calls[0]![0] as Element[];
    expect(blocks.map((b) => b.textContent).sort()).toEqual(['First. bold', 'Item 0', 'Item 1', 'Item 2']);
    expect(onRescan).not.toHaveBeenCalled();
  });

  it('gives the outer block only when a change and its container both changed', async () => {
    const { onBlocks, watch } = start();
    const article = document.createElement('article');
    article.innerHTML = '<h2>Title</h2><p>Body text.</p>';
    document.getElementById('feed')!.append(article);
    article.querySelector('p')!.append(' More.');
    watch.flush();
    expect(onBlocks.mock.calls[0]![0]).toEqual([article]);
  });

  it('ignores its own UI, scripts, styles and empty nodes', async () => {
    const { onBlocks, onRescan, watch } = start();
    const own = document.createElement('sourcelight-card');
    own.setAttribute('data-sourcelight', '');
    document.documentElement.append(own);
    document.body.append(document.createElement('script'));
    const style = document.createElement('style');
    document.head.append(style);
    style.textContent = '.x { color: red }';
    document.getElementById('feed')!.append(document.createElement('span'));
    watch.flush();
    await wait(40);
    expect(onBlocks).not.toHaveBeenCalled();
    expect(onRescan).not.toHaveBeenCalled();
    own.remove();
  });

  it('rescans the page on SPA navigation', async () => {
    let key = 'a';
    const { onRescan, onBlocks, watch } = start({ pageKey: () => key });
    key = 'b';
    document.getElementById('feed')!.append(Object.assign(document.createElement('p'), { textContent: 'New page' }));
    watch.flush();
    expect(onRescan).toHaveBeenCalledWith('navigation');
    expect(onBlocks).not.toHaveBeenCalled();
  });

  it('rescans the page when too much changed to go block by block', () => {
    const { onRescan, watch } = start({ maxBlocks: 5 });
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 10; i++) feed.append(Object.assign(document.createElement('p'), { textContent: `Item ${i}` }));
    watch.flush();
    expect(onRescan).toHaveBeenCalledWith('burst');
  });

  it('reports a removal so dead highlights can go, without a rescan', () => {
    const { onBlocks, onRescan, watch } = start();
    document.getElementById('p1')!.remove();
    watch.flush();
    expect(onRescan).not.toHaveBeenCalled();
    expect(onBlocks).toHaveBeenCalledTimes(1);
  });

  it('handles a never-quiet page at least every maxWait', async () => {
    const { onBlocks } = start({ debounceMs: 30, maxWaitMs: 60 });
    const feed = document.getElementById('feed')!;
    const ticker = setInterval(() => feed.append(Object.assign(document.createElement('p'), { textContent: 'tick' })), 10);
    await wait(200);
    clearInterval(ticker);
    expect(onBlocks.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('stops when its signal aborts', async () => {
    const { onBlocks } = start();
    controller.abort();
    document.getElementById('feed')!.append(Object.assign(document.createElement('p'), { textContent: 'late' }));
    await wait(50);
    expect(onBlocks).not.toHaveBeenCalled();
  });
});
