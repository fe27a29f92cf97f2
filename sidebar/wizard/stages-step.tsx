/**
 * Step "stages": beside each stage's name, add one after it, move it, or remove it; the server
 * changes the columns. Small icon buttons, each named in words (and shown as a tooltip).
 */
import type { Lang, StageEdit } from '../../src/contract';
import { t, type MessageKey } from '../../src/core/words/i18n-ui';

interface Props {
  lang: Lang;
  index: number;
  count: number;
  name: string;
  busy: boolean;
  onEdit: (edit: StageEdit) => void;
}

export function StageTools({ lang, index, count, name, busy, onEdit }: Props) {
  const tool = (icon: string, label: MessageKey, disabled: boolean, edit: StageEdit) => (
    <button
      type="button"
      class="icon"
      aria-label={t(lang, label)}
      title={t(lang, label)}
      disabled={busy || disabled}
      onClick={() => onEdit(edit)}
    >
      <span aria-hidden="true">{icon}</span>
    </button>
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of buttons named after its stage, not a form's fieldset
    <div class="stage-tools" role="group" aria-label={name}>
      {tool('+', 'stages.add', false, { kind: 'add', after: index, name: '' })}
      {tool('←', 'stages.left', index === 0, { kind: 'move', index, by: -1 })}
      {tool('→', 'stages.right', index === count - 1, { kind: 'move', index, by: 1 })}
      {tool('×', 'stages.remove', false, { kind: 'remove', index })}
    </div>
  );
}
