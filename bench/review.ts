/**
 * Recording a review at scale: a map of 40 stages with 120 periods of history. Round trips and
 * service calls of the record command alone, and the custom-function cells of a map of 30 stages
 * with its review block.
 */
import { mapWithHistory } from '../test/support/review';
import { customCells } from './maps';

export function reviewFigures(): Record<string, number> {
  const big = mapWithHistory(40, 120);
  big.s.wb.calls.reset();
  big.s.wb.ui.answer({ button: 'OK', text: 'December' }, 'NO');
  big.s.run('recordReview');
  const calls = big.s.wb.calls;
  const thirty = mapWithHistory(30, 3);
  thirty.s.wb.ui.answer({ button: 'OK', text: '' }, 'NO');
  thirty.s.run('recordReview');
  return {
    review_round_trips_40_stages_120_periods: calls.roundTrips,
    review_service_calls_40_stages_120_periods: calls.total,
    custom_function_cells_map_30_stages_with_history: customCells(thirty.s.wb, thirty.sheet),
  };
}
