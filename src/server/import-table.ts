/**
 * Make a map from this table: the menu command reads the table around the selection (one read)
 * and opens the dialog with it embedded, so the preview reads nothing more; the dialog's Create
 * sends the table back with the user's choices, and a new map is made from it the way every map
 * is made. The source range is only ever read.
 */
import type { ImportReading, ImportResult, ImportTableBoot, ImportWords } from '../contract';
import { findTable, rectA1, type Found } from '../core/import/find-table';
import { PAIR_TARGETS, ROW_TARGETS } from '../core/import/labels';
import { readTable } from '../core/import/read-table';
import { fittedName } from '../core/map/names';
import { REQUESTS } from '../requests';
import {
  CHAR_LIMIT,
  characters,
  KEPT_ROW,
  keptBlock,
  mapFromTable,
  withStageNotes,
  type ImportRequest,
} from '../core/import/to-journey';
import { formatCount } from '../core/funnel/numbers';
import { MAX_STAGES, MIN_STAGES } from '../core/map/layout';
import { newMapId } from '../core/map/new-map';
import { t, type Lang } from '../core/words/i18n';
import { freeSheetName } from '../sheets/sheet-names';
import { readAroundSelection, writeCells, type TableSource } from '../sheets/table-source';
import { activeSpreadsheet, languageOfSpreadsheet, ui } from '../sheets/workbook';
import { UserError } from './errors';
import { withDocumentLock } from './lock';
import { insertMapSheet } from './maps';
import { parse } from './payload';
import { runCommand } from './report';
import { pageWithBoot } from './sidebar';

export function makeMapFromTable(): void {
  runCommand(() => {
    const ss = activeSpreadsheet();
    const lang = languageOfSpreadsheet(ss);
    const reading = readSelectedTable(readAroundSelection(ss), lang);
    const boot: ImportTableBoot = {
      view: 'importTable',
      lang,
      reading,
      targets: targets(lang),
      words: words(reading, lang),
    };
    ui().showModalDialog(
      pageWithBoot(boot).setWidth(760).setHeight(640),
      t(lang, 'dialog.importTable'),
    );
  });
}

function readSelectedTable(source: TableSource, lang: Lang): ImportReading {
  const found = findTable(source.window, source.selection);
  if (!found.ok) throw notFound(found, source, lang);
  const reading = readTable(source.window, found, source.sheetName, lang, (n) =>
    t(lang, 'stage.default', { n }),
  );
  const count = reading.stages.length;
  if (count > MAX_STAGES)
    throw UserError.of(lang, 'err.importManyStages', { count, n: MAX_STAGES });
  if (count < MIN_STAGES) throw UserError.of(lang, 'err.importFewStages', { count, n: MIN_STAGES });
  const chars = characters(reading);
  if (chars > CHAR_LIMIT)
    throw UserError.of(lang, 'err.importTooLong', {
      count: formatCount(chars, lang),
      n: formatCount(CHAR_LIMIT, lang),
    });
  return reading;
}

function notFound(found: Exclude<Found, { ok: true }>, source: TableSource, lang: Lang): UserError {
  const w = source.window;
  if (found.problem === 'twoTables')
    return UserError.of(lang, 'err.importTwoTables', {
      first: rectA1(w, found.first),
      second: rectA1(w, found.second),
    });
  if (found.problem === 'tooBig')
    return UserError.of(lang, 'err.importTooBig', {
      range: rectA1(w, source.selection),
      rows: w.cells.length,
      cols: w.cells[0]?.length ?? 0,
      n: MAX_STAGES,
    });
  return UserError.of(lang, 'err.importEmpty');
}

/** Each place a row or a pair can go, labelled as the map labels it. */
function targets(lang: Lang): ImportTableBoot['targets'] {
  const keep = t(lang, 'import.keep');
  return {
    rows: ROW_TARGETS.map((id) => ({ id, label: id === 'keep' ? keep : t(lang, `row.${id}`) })),
    pairs: PAIR_TARGETS.map((id) => ({
      id,
      label: id === 'keep' ? keep : id === 'name' ? t(lang, 'field.mapName') : t(lang, `row.${id}`),
    })),
  };
}

/** The dialog's words: what was found, said once here, and its labels. */
function words(r: ImportReading, lang: Lang): ImportWords {
  const n = r.stages.length;
  const phases = phaseGroups(r.stages);
  const intro = [
    t(lang, 'import.source', { range: r.range, sheet: r.sheetName }),
    r.names ? t(lang, 'import.names', { range: r.names, n }) : t(lang, 'import.noNames', { n }),
    ...(r.across ? [] : [t(lang, 'import.down')]),
    ...(phases ? [t(lang, 'import.phases', { phases })] : []),
    ...(r.errors.length ? [t(lang, 'import.errors', { cells: r.errors.join(', ') })] : []),
  ];
  const say = (key: Exclude<keyof ImportWords, 'intro'>) => t(lang, `import.${key}`);
  return {
    intro,
    rows: say('rows'),
    label: say('label'),
    target: say('target'),
    values: say('values'),
    title: say('title'),
    unmatched: say('unmatched'),
    asRows: say('asRows'),
    asNotes: say('asNotes'),
    create: say('create'),
  };
}

/** "Discover (Awareness, Research), Buy (Order)": each phase with the stages under it. */
function phaseGroups(stages: ImportReading['stages']): string {
  const groups: { phase: string; names: string[] }[] = [];
  for (const s of stages) {
    if (!s.phase) continue;
    const last = groups.at(-1);
    if (last?.phase === s.phase) last.names.push(s.name);
    else groups.push({ phase: s.phase, names: [s.name] });
  }
  return groups.map((g) => `${g.phase} (${g.names.join(', ')})`).join(', ');
}

/** The dialog's Create: a new map from the table it sends back, and the wizard is opened on it. */
export function createMapFromTable(payload: unknown): ImportResult {
  try {
    const req: ImportRequest = parse(REQUESTS.createMapFromTable(), payload);
    const { lang } = req;
    const name = fittedName('map', req.name);
    if (!name)
      return { ok: false, message: `${t(lang, 'field.mapName')}: ${t(lang, 'field.required')}` };
    return withDocumentLock(lang, () => {
      const made = mapFromTable({ ...req, name }, newMapId());
      const ss = activeSpreadsheet();
      // named after its source sheet by default: that name is taken, so the free one is found first
      const free = freeSheetName(ss, name);
      const { sheet, name: sheetName } = insertMapSheet(
        made.journey,
        ss.getSpreadsheetLocale(),
        (plan) => ({ ...withStageNotes(plan, made.notes), sheetName: free }),
      );
      writeCells(sheet, KEPT_ROW, 1, keptBlock(made, req.source));
      return { ok: true, mapId: made.journey.id, sheetName };
    });
  } catch (e) {
    if (e instanceof UserError) return { ok: false, message: e.message };
    throw e;
  }
}
