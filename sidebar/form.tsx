/** Form pieces shared by the New map dialog and the wizard. */
import type { ComponentChildren } from 'preact';

/** A labelled control with its hint and error; the control itself is the child. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <div class="hint muted" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {children}
      {error && (
        <div class="error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** ARIA attributes that tie a control to its hint and error message (see Field). */
export function describedBy(
  id: string,
  opts: { hint?: string | undefined; error?: string | undefined },
): Record<string, string | boolean> {
  const ids = [opts.error ? `${id}-error` : '', opts.hint ? `${id}-hint` : ''].filter(Boolean);
  return {
    ...(opts.error ? { 'aria-invalid': true } : {}),
    ...(ids.length ? { 'aria-describedby': ids.join(' ') } : {}),
  };
}

/**
 * A choice list's options with an empty first one; a value the list does not know (typed in the
 * sheet) stays visible rather than dropped.
 */
export function Choices({
  options,
  value,
}: {
  options: readonly (string | readonly [string, string])[];
  value: string;
}) {
  const pairs = options.map((o) => (typeof o === 'string' ? [o, o] : o));
  return (
    <>
      <option value="">—</option>
      {pairs.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
      {value !== '' && !pairs.some(([v]) => v === value) && <option value={value}>{value}</option>}
    </>
  );
}

/**
 * A button that shows and hides the block `id` under it (one Tab stop for all it holds). A `hint`
 * stands under the closed button and describes it.
 */
export function Disclosure({
  id,
  label,
  shown,
  onToggle,
  hint,
  children,
}: {
  id: string;
  label: string;
  shown: boolean;
  onToggle: () => void;
  hint?: string;
  children: ComponentChildren;
}) {
  const hinted = hint !== undefined && !shown;
  return (
    <div class="optional">
      <button
        type="button"
        class="disclosure"
        aria-expanded={shown}
        aria-controls={id}
        {...(hinted ? { 'aria-describedby': `${id}-hint` } : {})}
        onClick={onToggle}
      >
        <span aria-hidden="true">{shown ? '▾ ' : '▸ '}</span>
        {label}
      </button>
      {hinted && (
        <p class="hint muted" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div id={id} hidden={!shown}>
        {children}
      </div>
    </div>
  );
}
