/** Step "goal": which map (pick or create one) and what it is for. */
import { useState } from 'preact/hooks';
import type { Lang, MapSummary } from '../../src/contract';
import { t, type MessageKey } from '../../src/core/words/i18n-ui';
import { Field } from '../form';
import { MapSelect } from './map-switch';

const GOALS: readonly MessageKey[] = ['goal.sales', 'goal.service', 'goal.loyalty', 'goal.other'];

interface PickerProps {
  lang: Lang;
  maps: readonly MapSummary[];
  current: string | null;
  busy: boolean;
  onOpen: (mapId: string) => void;
}

/** Existing maps; opening one is a button, so arrowing through the list loads nothing. */
export function MapPicker({ lang, maps, current, busy, onOpen }: PickerProps) {
  const [chosen, setChosen] = useState(current ?? maps[0]?.id ?? '');
  if (maps.length === 0 || (current !== null && maps.length < 2)) return null;
  return (
    <div class="map-picker card">
      <Field id="map-pick" label={t(lang, 'wizard.pickMap')}>
        <div class="row">
          <MapSelect id="map-pick" maps={maps} chosen={chosen} onChoose={setChosen} />
          <button
            type="button"
            disabled={busy || chosen === '' || chosen === current}
            onClick={() => onOpen(chosen)}
          >
            {t(lang, 'wizard.openMap')}
          </button>
        </div>
      </Field>
    </div>
  );
}

interface GoalProps {
  lang: Lang;
  goalText: string;
  onGoal: (text: string) => void;
}

/** The kind of goal; it only suggests a wording for the goal cell, and never overwrites one. */
export function GoalType({ lang, goalText, onGoal }: GoalProps) {
  const [kind, setKind] = useState<string>(
    () => GOALS.find((k) => t(lang, k) === goalText.trim()) ?? '',
  );
  const pick = (key: string) => {
    setKind(key);
    if (goalText.trim() === '' && key !== '' && key !== 'goal.other')
      onGoal(t(lang, key as MessageKey));
  };
  return (
    <Field id="goal-type" label={t(lang, 'goal.type')}>
      <select id="goal-type" value={kind} onChange={(e) => pick(e.currentTarget.value)}>
        <option value="">—</option>
        {GOALS.map((k) => (
          <option key={k} value={k}>
            {t(lang, k)}
          </option>
        ))}
      </select>
    </Field>
  );
}
