// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardController } from '../../../src/page/card/card-controller';
import { discrepancy } from './finding-fixture';

let controller: AbortController;

function item() {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById('s')!);
  // happy-dom does no layout: give the sentence a line box in the viewport.
  vi.spyOn(range, 'getClientRects').mockReturnValue([{ top: 100, bottom: 120, left: 40, right: 500, width: 460, height: 20 }] as unknown as DOMRectList);
  return { finding: discrepancy('Poland referred Lukashenko to the ICC.', 0), ranges: [range] };
}

beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '<p id="s">Poland referred Lukashenko to the ICC.</p><button id="before">x</button>';
});
afterEach(() => controller.abort());

describe('createCardController', () => {
  it('adds one host element, marked as SourceLight’s, with a closed shadow root', () => {
    const items = [item()];
    const card = createCardController(document, controller.signal, () => items, { getURL: (p) => `ext:${p}`, sendMessage: async () => ({ ok: true }) });
    expect(document.querySelector('sourcelight-card')).toBeNull();
    expect(card.open(0, { pinned: true, focus: false })).toBe(true);
    const hosts = document.querySelectorAll('sourcelight-card');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.hasAttribute('data-sourcelight')).toBe(true);
    expect(hosts[0]!.parentNode).toBe(document.documentElement);
    expect((hosts[0] as HTMLElement).shadowRoot).toBeNull();
    expect((hosts[0] as HTMLElement).style.getPropertyPriority('z-index')).toBe('important');
    expect(card.openIndex).toBe(0);
    expect(card.isCard(hosts[0]!)).toBe(true);
  });

  it('closes on Esc and gives focus back when it took it', () => {
    const items = [item()];
    const card = createCardController(document, controller.signal, () => items, { getURL: (p) => p, sendMessage: async () => ({ ok: true }) });
    const before = document.getElementById('before')!;
    before.focus();
    card.open(0, { pinned: true, focus: true });
    expect(document.activeElement).toBe(document.querySelector('sourcelight-card'));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card.openIndex).toBe(-1);
    expect(document.activeElement).toBe(before);
  });

  it('does not open for a sentence without a box, and removes its host on abort', () => {
    const items = [item()];
    const hidden = { ...items[0]!, ranges: [document.createRange()] };
    const card = createCardController(document, controller.signal, () => [hidden, ...items], { getURL: (p) => p, sendMessage: async () => ({ ok: true }) });
    expect(card.open(0, { pinned: true, focus: false })).toBe(false);
    expect(card.open(1, { pinned: true, focus: false })).toBe(true);
    controller.abort();
    expect(document.querySelector('sourcelight-card')).toBeNull();
  });
});
