// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Finding } from '../../../src/core/types';
import { PresenterView } from '../../../src/training/PresenterView';
import { TrainingApp } from '../../../src/training/TrainingApp';
import { DEMO_ARTICLE, DEMO_CLAIMS } from '../../../src/training/demo-article';
import { AGREE_SENTENCE, DIFFER_SENTENCE, agreeFinding, discrepancyFinding } from '../reports/sample-findings';
import { buttonByText, byTestId, click, fakeBackground, mount, settle, submit, typeInto, unmountAll } from '../ui/helpers';

/** Engine stand-in: the demo's intended verdicts, and the two sample sentences anywhere. */
function engineLike(text: string): Finding[] {
  const out: Finding[] = [];
  for (const c of DEMO_CLAIMS) {
    const at = text.indexOf(c.sentence);
    if (at < 0 || c.intended === 'none') continue;
    const make = c.intended === 'agree' ? agreeFinding : discrepancyFinding;
    out.push(make({ sentence: c.sentence, start: at, end: at + c.sentence.length, explanation: `Engine says ${c.intended}.` }));
  }
  for (const [s, make] of [[AGREE_SENTENCE, agreeFinding], [DIFFER_SENTENCE, discrepancyFinding]] as const) {
    const at = text.indexOf(s);
    if (at >= 0) out.push(make({ start: at, end: at + s.length }));
  }
  return out;
}

function background() {
  return fakeBackground({
    'check-text': ({ text }) => ({ findings: engineLike(text), packVersion: '1.0.0' }),
    'get-pack-info': () => ({ version: '1.0.0', facts: 3, imported: [] }),
  });
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

function choose(item: Element, label: string) {
  const input = Array.from(item.querySelectorAll('label')).find((l) => l.textContent?.includes(label))?.querySelector('input');
  if (!input) throw new Error(`no choice ${label}`);
  return act(() => {
    input.click();
  });
}

describe('TrainingApp quiz', () => {
  it('checks the demo article with its date and lists every sentence with three choices, verdicts hidden', async () => {
    const bg = background();
    const root = await mount(<TrainingApp />);
    expect(bg.of('check-text')).toEqual([{ type: 'check-text', text: DEMO_ARTICLE.body, pageDate: DEMO_ARTICLE.date }]);
    const items = root.querySelectorAll('[data-testid="quiz-item"]');
    expect(items).toHaveLength(DEMO_CLAIMS.length);
    expect(items[0]!.querySelectorAll('input[type="radio"]')).toHaveLength(3);
    expect(root.querySelectorAll('[data-testid="quiz-reveal"]')).toHaveLength(0);
    expect(root.querySelectorAll('[data-testid="finding"]')).toHaveLength(0);
    expect(root.textContent).toContain(DEMO_ARTICLE.headline);
  });

  it('reveals the score and each explanation after the trainee marks the claims', async () => {
    background();
    const root = await mount(<TrainingApp />);
    const items = Array.from(root.querySelectorAll('[data-testid="quiz-item"]'));
    // Right on every claim but the first, which is marked "differs" although it holds.
    for (const [i, c] of DEMO_CLAIMS.entries()) {
      const right = c.intended === 'agree' ? 'Holds' : c.intended === 'discrepancy' ? 'Differs' : "Can't tell";
      await choose(items[i]!, i === 0 ? 'Differs' : right);
    }
    await click(root.querySelector('[data-action="reveal"]'));
    expect(byTestId(root, 'quiz-score')?.textContent).toContain(`You got ${DEMO_CLAIMS.length - 1} of ${DEMO_CLAIMS.length}.`);
    const revealed = Array.from(root.querySelectorAll('[data-testid="quiz-item"]'));
    expect(revealed[0]!.className).toContain('sl-quiz-wrong');
    expect(revealed[0]!.textContent).toContain('Not quite: you said Differs.');
    expect(revealed[0]!.textContent).toContain('Engine says agree.');
    expect(revealed[0]!.textContent).toContain("Trainer's note: AP, Babel and Pozirk");
    expect(revealed[1]!.className).toContain('sl-quiz-right');
    const none = DEMO_CLAIMS.findIndex((c) => c.intended === 'none');
    expect(revealed[none]!.textContent).toContain("can't tell");
    expect(revealed[none]!.querySelectorAll('input:disabled, fieldset:disabled')).not.toHaveLength(0);

    await click(root.querySelector('[data-action="retry"]'));
    expect(byTestId(root, 'quiz-score')).toBeNull();
    expect(root.querySelectorAll('input[type="radio"]:checked')).toHaveLength(0);
  });

  it('makes the quiz from a trainer’s own text', async () => {
    const bg = background();
    const root = await mount(<TrainingApp />);
    await click(root.querySelector('[data-mode="own"]'));
    await typeInto(byTestId(root, 'own-text-input'), `${DIFFER_SENTENCE} Nothing here to check.`);
    await submit(byTestId(root, 'own-text'));
    await settle();
    expect(bg.of('check-text').at(-1)).toEqual({ type: 'check-text', text: `${DIFFER_SENTENCE} Nothing here to check.` });
    const items = Array.from(root.querySelectorAll('[data-testid="quiz-item"]'));
    expect(items.map((i) => i.querySelector('.sl-quiz-sentence')?.textContent)).toEqual([DIFFER_SENTENCE, 'Nothing here to check.']);
    await click(root.querySelector('[data-action="reveal"]'));
    expect(Array.from(root.querySelectorAll('[data-testid="quiz-item"]')).map((i) => i.getAttribute('data-truth'))).toEqual(['differs', 'cant-tell']);
  });

  it('shows the reason and a retry when the background cannot check', async () => {
    fakeBackground({ 'get-pack-info': () => ({ version: '1', facts: 0, imported: [] }) });
    const root = await mount(<TrainingApp />);
    expect(byTestId(root, 'training-error')?.textContent).toContain('did not answer');
    expect(buttonByText(root, 'Try again')).toBeDefined();
  });
});

describe('PresenterView', () => {
  const findings = [discrepancyFinding(), agreeFinding()];

  async function key(k: string) {
    await act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    });
  }

  it('shows one finding at a time and steps with the arrow keys', async () => {
    const root = await mount(<PresenterView findings={findings} />);
    const pos = () => byTestId(root, 'presenter-position')?.textContent;
    const sentence = () => root.querySelector('.sl-presenter-sentence')?.textContent;
    expect(pos()).toBe('Finding 1 of 2');
    expect(sentence()).toBe(AGREE_SENTENCE);
    expect(root.querySelectorAll('[data-testid="finding"]')).toHaveLength(1);
    await key('ArrowRight');
    expect(pos()).toBe('Finding 2 of 2');
    expect(sentence()).toBe(DIFFER_SENTENCE);
    expect(root.querySelector('.sl-badge')?.textContent).toContain('Differs');
    await key('ArrowRight');
    expect(pos()).toBe('Finding 2 of 2');
    await key('ArrowLeft');
    expect(pos()).toBe('Finding 1 of 2');
    await key('End');
    expect(pos()).toBe('Finding 2 of 2');
    await click(root.querySelector('[data-action="prev"]'));
    expect(pos()).toBe('Finding 1 of 2');
  });

  it('is reached from the training page', async () => {
    background();
    const root = await mount(<TrainingApp />);
    await click(root.querySelector('[data-mode="presenter"]'));
    expect(byTestId(root, 'presenter-position')?.textContent).toMatch(/^Finding 1 of \d+$/);
  });
});
