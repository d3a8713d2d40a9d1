import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface SwitchProps {
  label: ComponentChildren;
  /** A line under the label that says what the switch does now. */
  hint?: ComponentChildren;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}

/** A checkbox with the switch role: keyboard and screen-reader friendly, styled in theme.css. */
export function Switch({ label, hint, checked, disabled, onChange, testId }: SwitchProps) {
  const hintId = useId();
  return (
    <div class="sl-switch-row">
      <label class="sl-switch">
        <input
          type="checkbox"
          role="switch"
          checked={checked}
          disabled={disabled}
          aria-describedby={hint ? hintId : undefined}
          data-testid={testId}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span class="sl-switch-track" aria-hidden="true">
          <span class="sl-switch-thumb" />
        </span>
        <span class="sl-switch-label">{label}</span>
      </label>
      {hint ? (
        <p class="sl-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
