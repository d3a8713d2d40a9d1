/** The draft's text area with its file and clear buttons. */
import type { Ref } from 'preact';
import { DRAFT_FILE_ACCEPT } from './read-draft-file';

export interface DraftEditorProps {
  text: string;
  onText: (text: string) => void;
  onFile: (file: File) => void;
  onClear: () => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

export function DraftEditor({ text, onText, onFile, onClear, textareaRef }: DraftEditorProps) {
  return (
    <section class="sl-draft-editor" aria-label="Draft">
      <label class="sl-draft-label" for="sl-draft">
        Draft to check
      </label>
      <textarea
        id="sl-draft"
        ref={textareaRef}
        class="sl-draft-text"
        data-testid="draft"
        value={text}
        rows={10}
        spellcheck={true}
        placeholder="Paste or type text about Belarus or the ICC. It is checked as you type, on this device."
        onInput={(e) => onText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="sl-draft-tools">
        <label class="sl-file">
          <span class="sl-button sl-button-small">Open a file…</span>
          <input
            type="file"
            class="sl-visually-hidden"
            data-testid="draft-file"
            accept={DRAFT_FILE_ACCEPT}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) onFile(file);
              // Opening the same file again must fire `change` again.
              input.value = '';
            }}
          />
        </label>
        <button type="button" class="sl-button sl-button-small sl-button-quiet" data-action="clear" disabled={!text} onClick={onClear}>
          Clear
        </button>
        <span class="sl-meta sl-draft-count">{text.length.toLocaleString('en')} characters</span>
      </div>
    </section>
  );
}
