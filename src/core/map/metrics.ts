/** What the sheet computed for a map, read from its values: the live economics the wizard shows. */
import { CATALOGUE } from '../words/i18n';
import type { Journey } from './journey';
import { FIRST_STAGE_COL, LABEL_COL, ROW, SIDE_COL, type RowKey } from './layout';

/** Live economics the sheet computed (numbers, or null while blank or in error). */
export interface Metrics {
  leads: number | null;
  conversion: number | null;
  avgCheck: number | null;
  purchases: number | null;
  revenue: number | null;
  weakest: string;
  /** stages whose step conversion is under its target, with the figures that say why */
  underTarget: { stage: string; step: number; target: number }[];
  /** stages scored 2 or less */
  lowScores: { stage: string; score: number }[];
  /** computed cells showing an error, as "row label: #ERROR!", so the user knows where to look */
  errors: string[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const ERROR_TEXT = /^#(ERROR!|REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|SPILL!)/;

/** `values` are the map's cells as getValues returns them, formulas computed. */
export function readMetrics(values: unknown[][], journey: Journey): Metrics {
  const cell = (row: number, col: number) => values[row - 1]?.[col - 1];
  const side = (row: RowKey) => num(cell(ROW[row], SIDE_COL));
  const stages = journey.stages.map((s, i) => ({ name: s.name, col: FIRST_STAGE_COL + i }));
  const underTarget = stages.slice(1).flatMap((s) => {
    const step = num(cell(ROW.step, s.col));
    const target = num(cell(ROW.target, s.col));
    return step !== null && target !== null && step < target ? [{ stage: s.name, step, target }] : [];
  });
  const lowScores = stages.flatMap((s) => {
    const score = num(cell(ROW.score, s.col));
    return score !== null && score <= 2 ? [{ stage: s.name, score }] : [];
  });
  const label = (row: number) => String(cell(row, LABEL_COL) ?? CATALOGUE[journey.lang]['row.revenue']);
  const failed: string[] = [];
  for (const row of [ROW.step, ROW.overall, ROW.dropOff, ROW.leads, ROW.conversion, ROW.revenue, ROW.weakest]) {
    const cols = row >= ROW.leads ? [SIDE_COL] : stages.map((s) => s.col);
    for (const col of cols) {
      const v = cell(row, col);
      if (typeof v === 'string' && ERROR_TEXT.test(v)) failed.push(`${label(row)}: ${v}`);
    }
  }
  const weakest = cell(ROW.weakest, SIDE_COL);
  return {
    leads: side('leads'),
    conversion: side('conversion'),
    avgCheck: side('avgCheck'),
    purchases: side('purchases'),
    revenue: side('revenue'),
    weakest: typeof weakest === 'string' && !ERROR_TEXT.test(weakest) ? weakest : '',
    underTarget,
    lowScores,
    errors: [...new Set(failed)],
  };
}
