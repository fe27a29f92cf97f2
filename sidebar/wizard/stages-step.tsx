/** Step "stages": per stage, add one after it, remove it, or move it; the server changes the columns. */
import type { Lang, StageEdit } from '../../src/contract';
import { t } from '../../src/core/words/i18n-ui';

interface Props {
  lang: Lang;
  index: number;
  count: number;
  name: string;
  busy: boolean;
  onEdit: (edit: StageEdit) => void;
}

export function StageTools({ lang, index, count, name, busy, onEdit }: Props) {
  return (
    <div class="stage-tools" role="group" aria-label={name}>
      <button type="button" class="small" disabled={busy} onClick={() => onEdit({ kind: 'add', after: index, name: '' })}>{t(lang, 'stages.add')}</button>
      <button type="button" class="small" disabled={busy || index === 0} onClick={() => onEdit({ kind: 'move', index, by: -1 })}>{t(lang, 'stages.left')}</button>
      <button type="button" class="small" disabled={busy || index === count - 1} onClick={() => onEdit({ kind: 'move', index, by: 1 })}>{t(lang, 'stages.right')}</button>
      <button type="button" class="small" disabled={busy} onClick={() => onEdit({ kind: 'remove', index })}>{t(lang, 'stages.remove')}</button>
    </div>
  );
}
