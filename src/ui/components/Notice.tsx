import type { ComponentChildren } from 'preact';

export interface NoticeProps {
  kind: 'error' | 'info' | 'success' | 'warning';
  title?: ComponentChildren;
  children?: ComponentChildren;
  /** A retry or dismiss button. */
  action?: { label: string; onClick: () => void };
  testId?: string;
}

const ICON: Record<NoticeProps['kind'], string> = {
  error: '\u26A0', // ⚠
  warning: '\u26A0',
  info: '\u2139', // ℹ
  success: '\u2714', // ✔
};

/** A message box. Errors are announced to screen readers (role=alert), the rest politely. */
export function Notice({ kind, title, children, action, testId }: NoticeProps) {
  return (
    <div
      class={`sl-notice sl-notice-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      <span class="sl-notice-icon" aria-hidden="true">
        {ICON[kind]}
      </span>
      <div class="sl-notice-body">
        {title ? <p class="sl-notice-title">{title}</p> : null}
        {children}
        {action ? (
          <button type="button" class="sl-button sl-button-small" onClick={action.onClick}>
            {action.label}
          </button>
        ) : null}
      </div>
    </div>
  );
}
