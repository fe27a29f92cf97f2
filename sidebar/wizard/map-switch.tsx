/**
 * The map switcher, on every step: the maps of the spreadsheet in one line, the open one chosen.
 * Opening another is a button, so arrowing through the list loads nothing. And the offer to
 * follow the sheet: when the user opens another map in the grid while this one has unsaved
 * edits (or an answer is awaited), the wizard asks instead of switching.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Lang, MapSummary } from '../../src/contract';
import { t } from '../../src/core/words/i18n-ui';

interface SelectProps {
  id: string;
  maps: readonly MapSummary[];
  chosen: string;
  onChoose: (mapId: string) => void;
}

/** The spreadsheet's maps by sheet name; choosing one opens nothing (the caller's button does). */
export function MapSelect({ id, maps, chosen, onChoose }: SelectProps) {
  return (
    <select id={id} value={chosen} onChange={(e) => onChoose(e.currentTarget.value)}>
      {maps.map((m) => (
        <option key={m.id} value={m.id}>
          {m.sheetName}
        </option>
      ))}
    </select>
  );
}

interface SwitchProps {
  lang: Lang;
  maps: readonly MapSummary[];
  current: string;
  busy: boolean;
  onOpen: (mapId: string) => void;
}

export function MapSwitch({ lang, maps, current, busy, onOpen }: SwitchProps) {
  const [chosen, setChosen] = useState(current);
  // Another map opened (by the switcher, by following the sheet): the list shows it.
  useEffect(() => setChosen(current), [current]);
  if (maps.length < 2) return null;
  return (
    <div class="map-switch">
      <label for="map-switch" class="sr-only">
        {t(lang, 'flow.switcher')}
      </label>
      <MapSelect id="map-switch" maps={maps} chosen={chosen} onChoose={setChosen} />
      <button
        type="button"
        class="small"
        disabled={busy || chosen === current}
        onClick={() => onOpen(chosen)}
      >
        {t(lang, 'wizard.openMap')}
      </button>
    </div>
  );
}

interface OfferProps {
  lang: Lang;
  map: MapSummary;
  /** the form has unsaved edits: switching saves them first */
  unsaved: boolean;
  busy: boolean;
  onSwitch: () => void;
  onStay: () => void;
}

export function FollowOffer({ lang, map, unsaved, busy, onSwitch, onStay }: OfferProps) {
  return (
    <section class="follow-offer" aria-labelledby="follow-offer-text">
      <p id="follow-offer-text">
        {t(lang, 'flow.offer', { name: map.sheetName })}
        {unsaved && <> {t(lang, 'flow.offerUnsaved')}</>}
      </p>
      <div class="row">
        <button type="button" class="small primary" disabled={busy} onClick={onSwitch}>
          {t(lang, 'flow.switchTo', { name: map.sheetName })}
        </button>
        <button type="button" class="small" disabled={busy} onClick={onStay}>
          {t(lang, 'flow.stay')}
        </button>
      </div>
    </section>
  );
}
