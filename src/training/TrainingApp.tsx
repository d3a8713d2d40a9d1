/**
 * Training mode: a bundled demo article (or a trainer's own text) checked by SourceLight, then
 * used as a quiz (mark each sentence before the verdicts are revealed) or shown one finding at
 * a time in the presenter view. Checking happens in SourceLight's background, offline.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Finding } from '../core/types';
import { backgroundClient, type CheckClient } from '../sidepanel/check-client';
import { Notice } from '../ui/components/Notice';
import { openSourceViewer } from '../ui/open-page';
import { errorText } from '../ui/send-message';
import { DEMO_ARTICLE, DEMO_CLAIMS } from './demo-article';
import { OwnTextForm } from './OwnTextForm';
import { PresenterView } from './PresenterView';
import { Quiz } from './Quiz';
import { QuizScore } from './QuizScore';
import { buildQuiz, scoreQuiz, type Answers } from './quiz';

export type TrainingMode = 'quiz' | 'presenter' | 'own';

interface TextSource {
  text: string;
  date?: string;
  demo: boolean;
}

type Check = { phase: 'checking' } | { phase: 'done'; findings: Finding[]; packVersion: string } | { phase: 'error'; error: string };

export interface TrainingAppProps {
  client?: CheckClient;
  initialMode?: TrainingMode;
  openSource?: (finding: Finding) => void;
}

const DEMO: TextSource = { text: DEMO_ARTICLE.body, date: DEMO_ARTICLE.date, demo: true };
const DEMO_NOTES: ReadonlyMap<string, string> = new Map(DEMO_CLAIMS.map((c) => [c.sentence, c.why]));
const MODES: { mode: TrainingMode; label: string }[] = [
  { mode: 'quiz', label: 'Quiz' },
  { mode: 'presenter', label: 'Presenter view' },
  { mode: 'own', label: 'Your own text' },
];

const defaultOpenSource = (f: Finding) => void openSourceViewer(f.fact?.sourceId, f.fact?.id, f.fact?.quote).catch(() => undefined);

export function TrainingApp({ client = backgroundClient, initialMode = 'quiz', openSource = defaultOpenSource }: TrainingAppProps) {
  const [mode, setMode] = useState<TrainingMode>(initialMode);
  const [source, setSource] = useState<TextSource>(DEMO);
  const [check, setCheck] = useState<Check>({ phase: 'checking' });
  const [answers, setAnswers] = useState<Answers>({});
  const [revealed, setRevealed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setCheck({ phase: 'checking' });
    setAnswers({});
    setRevealed(false);
    client.checkText(source.text, source.date).then(
      (r) => live && setCheck({ phase: 'done', findings: r.findings, packVersion: r.packVersion }),
      (e: unknown) => live && setCheck({ phase: 'error', error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, source, attempt]);

  const findings = check.phase === 'done' ? check.findings : [];
  const items = useMemo(() => (check.phase === 'done' ? buildQuiz(source.text, check.findings) : []), [check, source]);
  const score = useMemo(() => scoreQuiz(items, answers), [items, answers]);

  return (
    <div class={`sl-page sl-training${mode === 'presenter' ? ' sl-presenting' : ''}`}>
      <header class="sl-page-header">
        <h1 class="sl-brand">SourceLight training</h1>
        <nav class="sl-training-modes" aria-label="Training mode">
          {MODES.map((m) => (
            <button type="button" key={m.mode} class={`sl-button sl-button-small${mode === m.mode ? ' sl-button-primary' : ''}`} aria-pressed={mode === m.mode} data-mode={m.mode} onClick={() => setMode(m.mode)}>
              {m.label}
            </button>
          ))}
        </nav>
      </header>

      {check.phase === 'error' ? (
        <Notice kind="error" title="The text could not be checked." action={{ label: 'Try again', onClick: () => setAttempt((n) => n + 1) }} testId="training-error">
          <p>{check.error}</p>
        </Notice>
      ) : null}
      {check.phase === 'checking' && mode !== 'own' ? (
        <p class="sl-status" role="status">
          Checking the text…
        </p>
      ) : null}

      {mode === 'own' ? (
        <OwnTextForm
          initialText={source.demo ? '' : source.text}
          onSubmit={(text, date) => {
            setSource({ text, date, demo: false });
            setMode('quiz');
          }}
        />
      ) : null}

      {mode === 'quiz' && check.phase === 'done' ? (
        <section aria-label="Quiz">
          {source.demo ? (
            <header class="sl-training-article">
              <h2>{DEMO_ARTICLE.headline}</h2>
              <p class="sl-meta">{DEMO_ARTICLE.dateline}</p>
            </header>
          ) : (
            <p class="sl-meta">
              Your text.{' '}
              <button type="button" class="sl-button sl-button-small sl-button-quiet" onClick={() => setSource(DEMO)}>
                Back to the demo article
              </button>
            </p>
          )}
          <p class="sl-lead">For each sentence, decide: does it hold, does it differ from the vetted sources, or can't you tell? Then reveal SourceLight's verdicts.</p>
          <Quiz items={items} answers={answers} onAnswer={(i, a) => setAnswers((prev) => ({ ...prev, [i]: a }))} revealed={revealed} notes={source.demo ? DEMO_NOTES : undefined} onOpenSource={openSource} />
          {revealed ? <QuizScore score={score} /> : null}
          <div class="sl-training-actions">
            {revealed ? (
              <button
                type="button"
                class="sl-button"
                data-action="retry"
                onClick={() => {
                  setAnswers({});
                  setRevealed(false);
                }}
              >
                Try again
              </button>
            ) : (
              <button type="button" class="sl-button sl-button-primary" data-action="reveal" onClick={() => setRevealed(true)}>
                Reveal the verdicts ({score.answered} of {score.total} answered)
              </button>
            )}
          </div>
        </section>
      ) : null}

      {mode === 'presenter' && check.phase === 'done' ? <PresenterView findings={findings} onOpenSource={openSource} /> : null}
    </div>
  );
}
