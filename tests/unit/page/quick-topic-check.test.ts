// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createTopicGate } from '../../../src/core/topic-gate';
import { quickTopicCheck } from '../../../src/page/quick-topic-check';

const gate = createTopicGate(['belarus', 'lukashenk', 'international criminal court', 'icc']);
const signal = new AbortController().signal;

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

describe('quickTopicCheck', () => {
  it('says no for a page that never names the topic, and counts what it read', async () => {
    const doc = page('<p>About 300,000 homes lost power.</p><p>United won 3-1.</p>');
    expect(await quickTopicCheck(doc, gate, signal)).toEqual({ maybe: false, chars: doc.body.textContent!.length });
  });

  it('leaves a page of very many elements to the careful, sliced read, without reading its text at once', async () => {
    const doc = page('<i></i>'.repeat(60_001));
    let read = false;
    Object.defineProperty(doc.body, 'textContent', { get: () => ((read = true), '') });
    expect(await quickTopicCheck(doc, gate, signal)).toEqual({ maybe: true, chars: 0 });
    expect(read).toBe(false);
  });

  it('says maybe when the topic is named anywhere, even in hidden text', async () => {
    expect((await quickTopicCheck(page('<p>Sport.</p><p hidden>Lukashenko spoke.</p>'), gate, signal)).maybe).toBe(true);
  });

  it('finds a name that straddles two of its pieces', async () => {
    // A piece is 131,072 characters; put "Belarus" across the first boundary.
    const filler = 'x '.repeat(65_533); // 131,066 characters
    const doc = page(`<p>${filler}Belarus voted.</p>`);
    expect(doc.body.textContent!.indexOf('Belarus')).toBeLessThan(131_072);
    expect(doc.body.textContent!.indexOf('Belarus') + 7).toBeGreaterThan(131_072);
    expect((await quickTopicCheck(doc, gate, signal)).maybe).toBe(true);
  });

  it('reads far past the extractor cap: scripts come first in textContent', async () => {
    const doc = page(`<script>${'var a = 1;\n'.repeat(300_000)}</script><p>The ICC ruled.</p>`);
    expect((await quickTopicCheck(doc, gate, signal)).maybe).toBe(true);
  });

  it('says maybe for a page with an open shadow root, whose text textContent cannot see', async () => {
    const doc = page('<p>Sport.</p><x-card></x-card>');
    doc.querySelector('x-card')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Weather.</p>';
    expect((await quickTopicCheck(doc, gate, signal)).maybe).toBe(true);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(quickTopicCheck(page('<p>Belarus.</p>'), gate, controller.signal)).rejects.toThrow();
  });
});
