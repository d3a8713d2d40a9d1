// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { renderCard } from '../../../src/page/card/card-view';
import { discrepancy } from './finding-fixture';

const getURL = (path: string) => `chrome-extension://abc${path}`;

describe('renderCard', () => {
  it('says the verdict in words, why, and each detail compared', () => {
    const card = renderCard(document, discrepancy('Poland referred Lukashenko to the ICC.', 0), { getURL, onClose: () => {} });
    expect(card.querySelector('.verdict')!.textContent).toBe('Differs from the sources');
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.querySelector('.explanation')!.textContent).toContain('Poland made the referral');
    const details = [...card.querySelectorAll('.details li')].map((li) => li.textContent);
    expect(details[0]).toContain('Referring state');
    expect(details[0]).toContain('This page: Poland');
    expect(details[0]).toContain('Source: Lithuania');
    expect(card.querySelector('.details li.bad')).not.toBeNull();
    expect(card.querySelector('.details li.ok')).not.toBeNull();
  });

  it('shows the quote, who asserts it and as of when, and the caveats', () => {
    const card = renderCard(document, discrepancy('x', 0), { getURL, onClose: () => {} });
    expect(card.querySelector('blockquote')!.textContent).toContain('Lithuania on Monday referred');
    expect(card.querySelector('figcaption')!.textContent).toBe('\u2014 the outlet’s own reporting, as of 30 September 2024');
    expect(card.querySelector('.caveats li')!.textContent).toBe('In these sources Lithuania acted alone.');
  });

  it('links the article at the quote, a home-page source plainly, and the source viewer', () => {
    const card = renderCard(document, discrepancy('x', 0), { getURL, onClose: () => {} });
    const links = [...card.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links[0]).toBe('https://apnews.com/article/lithuania-belarus-icc-referral#:~:text=Lithuania%20on%20Monday%20referred%20the%20hard%2Dline%20president%20of');
    expect(links[1]).toBe('https://babel.ua/');
    expect(links[2]).toBe('chrome-extension://abc/source-viewer.html?source=ap-2024-09-30&fact=lithuania-referred-belarus-to-icc');
    for (const a of card.querySelectorAll('a')) expect(a.getAttribute('rel')).toContain('noopener');
  });

  it('puts page and fact text in as text, never as markup', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const f = discrepancy(hostile, 0, { explanation: hostile });
    f.fact.quote = hostile;
    f.details[0]!.page = hostile;
    const card = renderCard(document, f, { getURL, onClose: () => {} });
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('.explanation')!.textContent).toBe(hostile);
  });

  it('renders no link for a source whose url is not http(s)', () => {
    const f = discrepancy('x', 0);
    f.sources = [{ ...f.sources[0]!, url: 'javascript:alert(1)' }];
    const card = renderCard(document, f, { getURL, onClose: () => {} });
    expect([...card.querySelectorAll('a')].some((a) => a.getAttribute('href')!.startsWith('javascript:'))).toBe(false);
  });

  it('words agree and related verdicts, and shows no detail list when there is none', () => {
    const agree = renderCard(document, discrepancy('x', 0, { verdict: 'agree', details: [] }), { getURL, onClose: () => {} });
    expect(agree.querySelector('.verdict')!.textContent).toBe('Agrees with the sources');
    expect(agree.querySelector('.details')).toBeNull();
    const related = renderCard(document, discrepancy('x', 0, { verdict: 'related', details: [] }), { getURL, onClose: () => {} });
    expect(related.querySelector('.verdict')!.textContent).toBe('Related');
  });

  it('closes from its close button and counts its place among findings', () => {
    const onClose = vi.fn();
    const card = renderCard(document, discrepancy('x', 0), { getURL, onClose, position: { index: 1, count: 4 } });
    card.querySelector<HTMLButtonElement>('button.close')!.click();
    expect(onClose).toHaveBeenCalledOnce();
    expect(card.querySelector('.count')!.textContent).toBe('2 of 4');
  });

  it('hands the source viewer link to openViewer, since a page may not open extension pages itself', () => {
    const openViewer = vi.fn();
    const card = renderCard(document, discrepancy('x', 0), { getURL, onClose: () => {}, openViewer });
    const link = card.querySelector<HTMLAnchorElement>('a.viewer')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(openViewer).toHaveBeenCalledWith(link.getAttribute('href'), 'ap-2024-09-30', 'lithuania-referred-belarus-to-icc');
  });
});
