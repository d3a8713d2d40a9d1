/**
 * The quiz: each sentence of the text with three choices — holds, differs, can't tell. After
 * "Reveal", each item shows whether the trainee was right, SourceLight's verdict and the full
 * explanation (details, quote, source), so the lesson is *why*, not only the score.
 */
import type { Finding } from '../core/types';
import { FindingDetail } from '../sidepanel/FindingDetail';
import { ANSWERS, answerLabel, type Answer, type Answers, type QuizItem } from './quiz';

export interface QuizProps {
  items: readonly QuizItem[];
  answers: Answers;
  onAnswer: (index: number, answer: Answer) => void;
  revealed: boolean;
  /** Trainer's notes per sentence (the demo article's), shown after reveal. */
  notes?: ReadonlyMap<string, string>;
  onOpenSource?: (finding: Finding) => void;
}

function Verdict({ item }: { item: QuizItem }) {
  if (item.truth === 'cant-tell') {
    return (
      <p class="sl-quiz-truth">
        SourceLight: <strong>can't tell</strong> — {item.findings.length ? 'the sentence is about a vetted fact but states nothing to compare.' : 'no vetted fact covers this sentence.'}
      </p>
    );
  }
  return (
    <p class="sl-quiz-truth">
      SourceLight: <strong>{item.truth === 'holds' ? 'it holds' : 'it differs from the sources'}</strong>
    </p>
  );
}

export function Quiz({ items, answers, onAnswer, revealed, notes, onOpenSource }: QuizProps) {
  return (
    <ol class="sl-quiz" data-testid="quiz">
      {items.map((item) => {
        const answer = answers[item.index];
        const right = answer === item.truth;
        return (
          <li
            key={`${item.start}:${item.end}`}
            class={`sl-quiz-item${revealed ? (right ? ' sl-quiz-right' : ' sl-quiz-wrong') : ''}`}
            data-testid="quiz-item"
            data-truth={revealed ? item.truth : undefined}
          >
            <p class="sl-quiz-sentence">{item.sentence}</p>
            <fieldset class="sl-quiz-choices" disabled={revealed}>
              <legend class="sl-visually-hidden">Your verdict on sentence {item.index + 1}</legend>
              {ANSWERS.map((a) => (
                <label class={`sl-quiz-choice${answer === a.value ? ' sl-quiz-chosen' : ''}`} key={a.value}>
                  <input
                    type="radio"
                    name={`sl-quiz-${item.index}`}
                    value={a.value}
                    checked={answer === a.value}
                    onChange={() => onAnswer(item.index, a.value)}
                  />
                  <span aria-hidden="true">{a.icon}</span> {a.label}
                </label>
              ))}
            </fieldset>
            {revealed ? (
              <div class="sl-quiz-reveal" data-testid="quiz-reveal">
                <p class="sl-quiz-result">
                  <span aria-hidden="true">{right ? '\u2714' : '\u2716'}</span> {right ? 'Right' : 'Not quite'}:{' '}
                  {answer ? (
                    <>
                      you said <strong>{answerLabel(answer)}</strong>.
                    </>
                  ) : (
                    'no answer given.'
                  )}
                </p>
                <Verdict item={item} />
                {item.findings.map((f, i) => (
                  <FindingDetail key={i} finding={f} hideSentence onOpenSource={onOpenSource} />
                ))}
                {notes?.get(item.sentence) ? <p class="sl-quiz-note">Trainer's note: {notes.get(item.sentence)}</p> : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
