import type { Journey } from '../src/core/map/journey';
import { renderPoster } from '../src/core/poster/poster';
import { sampleActions, sampleJourney } from '../scripts/poster-sample';
import { medianMs } from './measure';

/** One unbroken word of 50,000 characters, as many as a Sheets cell holds, wide and narrow. */
const WORD = 'ЩшmWiljx'.repeat(6_250);

/** The example with the word as its name and in every stage's name and key rows. */
function wordyJourney(): Journey {
  const j = sampleJourney('ru');
  return {
    ...j,
    title: { ...j.title, name: WORD },
    stages: j.stages.map((s) => ({
      ...s,
      name: WORD,
      content: { ...s.content, job: WORD, actions: WORD, touchpoints: WORD, barriers: WORD },
    })),
  };
}

/**
 * The journey poster of the worked example at 30 stages (the Present step's Download poster,
 * without the sheet read), and of the example whose texts are each one 50,000-character word
 * (the wrapping's worst case: every line is a break inside the word).
 */
export function posterFigures(): { poster_ms: number; poster_ms_50k_word: number } {
  const journey = sampleJourney('ru', 30);
  const actions = sampleActions(journey);
  const wordy = wordyJourney();
  const wordyActions = sampleActions(wordy).map((a) => ({ ...a, action: WORD }));
  return {
    poster_ms: medianMs(() => void renderPoster({ journey, actions, locale: 'ru_RU' }), 21, 3),
    poster_ms_50k_word: medianMs(
      () => void renderPoster({ journey: wordy, actions: wordyActions, locale: 'ru_RU' }),
      11,
      2,
    ),
  };
}
