/** The quiz's score, overall and per kind of claim, so a trainee sees which kind tripped them. */
import type { QuizScore as Score } from './quiz';

export function QuizScore({ score }: { score: Score }) {
  const rows: { label: string; key: keyof Score['byTruth'] }[] = [
    { label: 'Claims that hold', key: 'holds' },
    { label: 'Claims that differ', key: 'differs' },
    { label: "Claims SourceLight can't tell", key: 'cant-tell' },
  ];
  return (
    <section class="sl-card sl-quiz-score" aria-label="Score" data-testid="quiz-score" role="status">
      <h2>
        You got {score.correct} of {score.total}.
      </h2>
      {score.answered < score.total ? <p class="sl-meta">{score.total - score.answered} left unanswered, counted as not right.</p> : null}
      <ul>
        {rows
          .filter((r) => score.byTruth[r.key].total > 0)
          .map((r) => (
            <li key={r.key}>
              {r.label}: {score.byTruth[r.key].correct} of {score.byTruth[r.key].total}
            </li>
          ))}
      </ul>
    </section>
  );
}
