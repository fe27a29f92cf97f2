/**
 * Step "stages": beside each stage's name, add one after it, move it, or remove it; the server
 * changes the columns. Small icon buttons, each named in words (and shown as a tooltip), in a
 * toolbar named after the stage: one Tab stop, the arrow keys move along its buttons.
 */
import { useState } from 'preact/hooks';
import type { Lang, StageEdit } from '../../src/contract';
import { t, type MessageKey } from '../../src/core/words/i18n-ui';
import { moveAlong } from './roving';

interface Props {
  lang: Lang;
  index: number;
  count: number;
  name: string;
  busy: boolean;
  onEdit: (edit: StageEdit) => void;
}

export function StageTools({ lang, index, count, name, busy, onEdit }: Props) {
  const tools: [string, MessageKey, boolean, StageEdit][] = [
    ['+', 'stages.add', false, { kind: 'add', after: index, name: '' }],
    ['←', 'stages.left', index === 0, { kind: 'move', index, by: -1 }],
    ['→', 'stages.right', index === count - 1, { kind: 'move', index, by: 1 }],
    ['×', 'stages.remove', false, { kind: 'remove', index }],
  ];
  // The button the user was last on keeps the toolbar's Tab stop, or the first that can be used.
  const [last, setLast] = useState(0);
  const usable = tools.map(([, , off]) => !busy && !off);
  const stop = usable[last] ? last : usable.indexOf(true);
  return (
    <div class="stage-tools" role="toolbar" aria-label={name} onKeyDown={moveAlong}>
      {tools.map(([icon, label, off, edit], k) => (
        <button
          key={label}
          type="button"
          class="icon"
          aria-label={t(lang, label)}
          title={t(lang, label)}
          disabled={busy || off}
          tabIndex={k === stop ? 0 : -1}
          onFocus={() => setLast(k)}
          onClick={() => onEdit(edit)}
        >
          <span aria-hidden="true">{icon}</span>
        </button>
      ))}
    </div>
  );
}
