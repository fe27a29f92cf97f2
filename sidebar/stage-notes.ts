/**
 * What each stage of a preset is, in one line ("Trigger: a reason to come back…"): shown where the
 * preset is chosen (New map) and beside the stage's name on the stages step. The lines are the
 * catalogue's, one per stage in the preset's order (a unit test keeps the counts equal).
 */
import type { Lang, PresetId, PresetOption } from '../src/contract';
import { t } from '../src/core/words/i18n-ui';

export function presetNotes(lang: Lang, id: PresetId): string[] {
  return id === 'custom' ? [] : t(lang, `about.${id}`).split('\n');
}

/** The line for a stage named as one of the presets' stages; undefined for a name of the user's. */
export function stageNote(
  lang: Lang,
  presets: readonly PresetOption[],
  name: string,
): string | undefined {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return undefined;
  for (const p of presets) {
    const i = p.stages.findIndex((s) => s.toLowerCase() === wanted);
    const note = i < 0 ? undefined : presetNotes(lang, p.id)[i];
    if (note) return note;
  }
  return undefined;
}
