/**
 * Where the user is: "Step n of 10" with Back, the ten steps in one line (a nav to jump to any of
 * them), and the step's title, which opens the rest of its help.
 */
import type { Ref } from 'preact';
import type { Lang, StepId } from '../../src/contract';
import { t } from '../../src/core/words/i18n-ui';
import { moveAlong } from './roving';
import { STEP_IDS } from '../../src/core/wizard/step-ids';

interface Props {
  lang: Lang;
  step: StepId;
  done: readonly StepId[];
  /** no map open yet: only the first step can be shown */
  locked: boolean;
  busy: boolean;
  onJump: (step: StepId) => void;
  /** to the step before (absent on the first step and before a map is open) */
  onBack?: (() => void) | undefined;
}

export function Progress({ lang, step, done, locked, busy, onJump, onBack }: Props) {
  const n = STEP_IDS.indexOf(step) + 1;
  return (
    <div class="progress">
      <div class="progress-line">
        <span class="progress-text">
          {t(lang, 'wizard.progress', { n, total: STEP_IDS.length })}
        </span>
        {onBack && (
          <button type="button" class="link back" disabled={busy} onClick={onBack}>
            <span aria-hidden="true">← </span>
            {t(lang, 'wizard.back')}
          </button>
        )}
      </div>
      <nav aria-label={t(lang, 'wizard.stepsNav')}>
        {/* One Tab stop, the current step; the arrow keys, Home and End move along the steps. */}
        <ol class="steps" onKeyDown={moveAlong}>
          {STEP_IDS.map((id, i) => {
            const isDone = done.includes(id);
            const name = `${i + 1}. ${t(lang, `step.${id}`)}${isDone ? ` (${t(lang, 'wizard.done')})` : ''}`;
            return (
              <li key={id}>
                <button
                  type="button"
                  class={`dot${isDone ? ' done' : ''}${id === step ? ' current' : ''}`}
                  aria-label={name}
                  title={name}
                  aria-current={id === step ? 'step' : undefined}
                  tabIndex={id === step ? 0 : -1}
                  disabled={busy || (locked && id !== 'goal')}
                  onClick={() => id !== step && onJump(id)}
                >
                  {isDone ? '✓' : i + 1}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
    </div>
  );
}

interface TitleProps {
  lang: Lang;
  step: StepId;
  /** the step's help shown whole (else its first two lines) */
  open: boolean;
  onToggle: () => void;
  /** where the wizard puts focus when it opens and on each new step */
  focusRef: Ref<HTMLButtonElement>;
}

/**
 * The step's title is the button that shows the rest of its help (the accordion pattern): one Tab
 * stop fewer on every step, and focus lands on the step's name.
 */
export function StepTitle({ lang, step, open, onToggle, focusRef }: TitleProps) {
  return (
    <h2 class="step-title">
      <button
        type="button"
        ref={focusRef}
        aria-expanded={open}
        aria-controls="step-help"
        onClick={onToggle}
      >
        <span class="step-name">{t(lang, `step.${step}`)}</span>
        <span class="help-toggle" aria-hidden="true">
          {t(lang, open ? 'flow.less' : 'flow.more')}
        </span>
      </button>
    </h2>
  );
}
