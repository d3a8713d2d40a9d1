/** A trainer's own text (and its date) to make the quiz and the slides from. */
import { useState } from 'preact/hooks';

export interface OwnTextFormProps {
  initialText?: string;
  onSubmit: (text: string, date: string | undefined) => void;
}

export function OwnTextForm({ initialText = '', onSubmit }: OwnTextFormProps) {
  const [text, setText] = useState(initialText);
  const [date, setDate] = useState('');
  return (
    <form
      class="sl-card sl-own-text"
      data-testid="own-text"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onSubmit(text, date || undefined);
      }}
    >
      <h2>Make a quiz from your own text</h2>
      <p class="sl-lead">Paste an article or a set of claims. Each sentence becomes a question; SourceLight's verdicts are the answers.</p>
      <label class="sl-field">
        <span>Text</span>
        <textarea class="sl-draft-text" rows={12} value={text} data-testid="own-text-input" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <label class="sl-field">
        <span>Date of the text (optional, for counts that change over time)</span>
        <input type="date" value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit" class="sl-button sl-button-primary" disabled={!text.trim()}>
        Make the quiz
      </button>
    </form>
  );
}
