import { readFileSync } from 'node:fs';
import { createWorkbook, htmlFilesIn, loadAddon } from '../emulator/index';
import { ROW } from '../src/core/map/layout';
import { journeyFromRequest } from '../src/core/map/new-map';
import { planMap } from '../src/core/map/template';
import { medianMs } from './measure';
import { openSpreadsheet } from '../test/support/addon';
import { importRoundTrips } from '../test/support/import-table';

/** The New map form of a plain English map of `stages` stages, as the sidebar sends it. */
export const newMapForm = (stages: number, name = `Map ${stages}`) => ({
  name,
  segment: 'Segment',
  product: 'Product',
  preset: 'custom',
  lang: 'en',
  locale: 'en_US',
  example: false,
  stages: Array.from({ length: stages }, (_, i) => `Stage ${i + 1}`),
});

/**
 * Cells whose formula calls one of the add-on's custom functions (a named cell such as
 * CJM_<id>_REVENUE is no call).
 */
export function customCells(wb: ReturnType<typeof createWorkbook>, sheet: string): number {
  return wb
    .snapshot(sheet)
    .cells.flat()
    .filter((c) => /\bCJM_[A-Z]+\s*\(/.test(c?.formula ?? '')).length;
}

/**
 * A workbook of 100 maps of 30 stages: round trips of the commands whose cost grows with the
 * number of maps (the portfolio lists them all; the wizard lists them), and a menu command
 * on a 50,000-row data sheet, which must look at no more than a map's worth of cells.
 */
function scaleFigures(code: string, files: Record<string, string>): Record<string, number> {
  const wb = createWorkbook({ locale: 'en_US' });
  const addon = loadAddon(wb, code, files);
  wb.ui.responder = () => 'OK';
  let last = '';
  for (let i = 0; i < 100; i++)
    last = (
      addon.callFromClient('createMap', newMapForm(30, `Map ${i + 1}`)) as {
        sheetName: string;
      }
    ).sheetName;
  // The portfolio built, then rebuilt (its cells read back to keep the user's columns): the dearer.
  const portfolioTrips = () => {
    wb.calls.reset();
    addon.run('showPortfolio');
    return wb.calls.roundTrips;
  };
  const portfolio = Math.max(portfolioTrips(), portfolioTrips());
  wb.range(last, 'D8').activate();
  wb.calls.reset();
  addon.run('showWizard');
  const wizard = wb.calls.roundTrips;
  const data = wb.spreadsheet.insertSheet('Data');
  data.insertRowsAfter(1000, 49_000);
  data.getRange(1, 1, 50_000, 1).setValue('x');
  data.getRange(1, 26).setValue('last column');
  wb.range('Data', 'C5').activate();
  wb.calls.reset();
  addon.run('addStage');
  return {
    portfolio_100_maps_round_trips: portfolio,
    wizard_open_100_maps_round_trips: wizard,
    cells_read_command_on_50k_row_sheet: wb.calls.cellsRead,
  };
}

/**
 * Apps Script calls (from the emulator's counter) to create a map and to add a stage, and pure
 * planning time.
 */
export function mapFigures(): Record<string, number> {
  const code = readFileSync('dist/Code.js', 'utf8');
  const files = htmlFilesIn('dist');
  const createCalls = (stages: number) => {
    const wb = createWorkbook({ locale: 'en_US' });
    const addon = loadAddon(wb, code, files);
    wb.calls.reset();
    const result = addon.callFromClient('createMap', newMapForm(stages)) as { sheetName: string };
    const calls = wb.calls.total;
    const createTrips = wb.calls.roundTrips;
    wb.range(result.sheetName, 'D8').activate();
    wb.calls.reset();
    addon.run('addStage');
    const addStage = wb.calls.total;
    const addTrips = wb.calls.roundTrips;
    const addExecutions = wb.calls.customFunctionExecutions;
    // One wizard step saved: the touchpoints of every stage.
    const mapId = String(wb.value(result.sheetName, `A${ROW.footer}`)).split(' ')[2];
    const state = addon.callFromClient('loadStep', { mapId, step: 'touchpoints' }) as {
      view: { values: Record<string, string>; stages: unknown[] };
    };
    const base = state.view.values;
    const values = Object.fromEntries(Object.keys(base).map((id) => [id, `typed ${id}`]));
    wb.calls.reset();
    addon.callFromClient('saveStep', {
      mapId,
      step: 'touchpoints',
      values,
      base,
      stages: state.view.stages,
    });
    const stepSave = wb.calls.total;
    const saveTrips = wb.calls.roundTrips;
    // The Present step: both charts inserted beside the KPI block.
    wb.calls.reset();
    addon.callFromClient('insertCharts', { mapId });
    const charts = wb.calls.total;
    const chartTrips = wb.calls.roundTrips;
    const actions = Array.from({ length: 20 }, (_, i) => ({
      action: `Action ${i + 1}`,
      stage: '',
      lever: 'C',
      change: '+1 pp',
      owner: '',
      deadline: '',
      status: '',
    }));
    addon.callFromClient('savePlan', { mapId, actions, base: [] });
    const planSheet = wb.sheetNames().find((n) => n.endsWith('plan')) ?? '';
    return {
      calls,
      addStage,
      stepSave,
      createTrips,
      addTrips,
      addExecutions,
      saveTrips,
      charts,
      chartTrips,
      mapCustomCells: customCells(wb, result.sheetName),
      planCustomCells: customCells(wb, planSheet),
    };
  };
  const six = createCalls(6);
  const thirty = createCalls(30);
  const journey = journeyFromRequest(
    { ...newMapForm(30), preset: 'custom', lang: 'en' } as Parameters<typeof journeyFromRequest>[0],
    'BENCH1',
  );
  return {
    map_service_calls_6_stages: six.calls,
    map_service_calls_30_stages: thirty.calls,
    add_stage_service_calls: six.addStage,
    add_stage_service_calls_30_stages: thirty.addStage,
    wizard_step_save_service_calls: six.stepSave,
    wizard_step_save_service_calls_30_stages: thirty.stepSave,
    round_trips_create_map_30_stages: thirty.createTrips,
    round_trips_add_stage: six.addTrips,
    round_trips_add_stage_30_stages: thirty.addTrips,
    round_trips_step_save: six.saveTrips,
    present_charts_service_calls: six.charts,
    present_charts_service_calls_30_stages: thirty.charts,
    round_trips_present_charts: six.chartTrips,
    round_trips_present_charts_30_stages: thirty.chartTrips,
    custom_function_executions_add_stage_30_stages: thirty.addExecutions,
    ...scaleFigures(code, files),
    // Make a map from this table: the command's read and the dialog's Create, 39 stages × 39 rows
    import_round_trips_40x40: importRoundTrips(openSpreadsheet('en_US'), 40),
    custom_function_cells_map_6_stages: six.mapCustomCells,
    custom_function_cells_map_30_stages: thirty.mapCustomCells,
    custom_function_cells_plan_20_actions: six.planCustomCells,
    plan_30_stages_ms: medianMs(() => planMap(journey, { sheetName: 'x', locale: 'en_US' }), 51, 5),
  };
}
