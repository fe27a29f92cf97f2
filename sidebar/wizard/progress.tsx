/**
 * Where the user is: "Step n of 10" and the ten steps in one line, a nav to jump to any of them.
 */
import type { Lang, StepId } from '../../src/contract';
import { t } from '../../src/core/words/i18n-ui';
import { STEP_ORDER } from './steps';

interface Props {
  lang: Lang;
  step: StepId;
  done: readonly StepId[];
  /** no map open yet: only the first step can be shown */
  locked: boolean;
  busy: boolean;
  onJump: (step: StepId) => void;
}

export function Progress({ lang, step, done, locked, busy, onJump }: Props) {
  const n = STEP_ORDER.indexOf(step) + 1;
  return (
    <div class="progress">
      <div class="progress-text">{t(lang, 'wizard.progress', { n, total: STEP_ORDER.length })}</div>
      <nav aria-label={t(lang, 'wizard.stepsNav')}>
        <ol class="steps">
          {STEP_ORDER.map((id, i) => {
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
