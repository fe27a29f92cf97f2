/**
 * Recording a review at scale: a map of 40 stages with 120 periods of history. Round trips and
 * service calls of the record command alone, the history cells the wizard reads when it opens on
 * the Review step (the one step that reads the history), and the custom-function cells of a map of
 * 30 stages with its review block.
 */
import type { WizardState } from '../src/contract';
import { ROW } from '../src/core/map/layout';
import { mapWithHistory, type MapWithHistory } from '../test/support/review';
import { customCells } from './maps';

/**
 * Opening the wizard (the menu's command) on the map, left last time on the Review step: the cells
 * read from the history sheet (the emulator counts cells by sheet), and from all sheets.
 */
export function wizardOpenReads(m: MapWithHistory): { history: number; all: number } {
  const { s, sheet, history } = m;
  const mapId = /([A-Z0-9]{4,12}) ·/.exec(String(s.wb.value(sheet, `A${ROW.footer}`)))?.[1];
  const state = s.addon.callFromClient('loadStep', { mapId, step: 'review' }) as WizardState;
  if (!state.view?.review) throw new Error('the wizard did not show the Review step');
  s.wb.calls.reset();
  s.run('showWizard');
  return { history: s.wb.calls.cellsReadBySheet[history] ?? 0, all: s.wb.calls.cellsRead };
}

export function reviewFigures(): Record<string, number> {
  const big = mapWithHistory(40, 120);
  big.s.wb.calls.reset();
  big.s.wb.ui.answer({ button: 'OK', text: 'December' }, 'NO');
  big.s.run('recordReview');
  const calls = big.s.wb.calls.snapshot();
  const open = wizardOpenReads(mapWithHistory(40, 120));
  const thirty = mapWithHistory(30, 3);
  thirty.s.wb.ui.answer({ button: 'OK', text: '' }, 'NO');
  thirty.s.run('recordReview');
  return {
    review_round_trips_40_stages_120_periods: calls.roundTrips,
    review_service_calls_40_stages_120_periods: calls.total,
    custom_function_cells_map_30_stages_with_history: customCells(thirty.s.wb, thirty.sheet),
    history_cells_read_wizard_open_120_periods: open.history,
    cells_read_wizard_open_120_periods: open.all,
  };
}
