import { renderPoster } from '../src/core/poster/poster';
import { sampleActions, sampleJourney } from '../src/core/poster/sample';
import { medianMs } from './measure';

/**
 * The journey poster of the worked example at 30 stages (the Present step's Download poster,
 * without the sheet read).
 */
export function posterFigures(): { poster_ms: number } {
  const journey = sampleJourney('ru', 30);
  const actions = sampleActions(journey);
  return {
    poster_ms: medianMs(() => void renderPoster({ journey, actions, locale: 'ru_RU' }), 21, 3),
  };
}
