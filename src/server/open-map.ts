/**
 * The one way a command opens a map: its sheet found (the active one, the one a dialog was shown
 * for, or the map's own by its id), its cells read once and the map recognised in them.
 */
import { once } from '../core/once';
import type { Journey } from '../core/map/journey';
import { FIRST_STAGE_COL, ROW, stageHeaders } from '../core/map/layout';
import { readJourney } from '../core/map/read-map';
import { readBlock, type ReviewBlock } from '../core/review/block';
import type { Lang } from '../core/words/i18n';
import type { GridSnapshot } from '../sheets/apply';
import { findMapSheet, originalOf } from '../sheets/map-lookup';
import { sheetById, sheetName } from '../sheets/map-sheet';
import { mapCells, readMap, type MapRead } from '../sheets/read';
import { activeSpreadsheet, languageOfSpreadsheet } from '../sheets/workbook';
import { journeyOrThrow, UserError } from './errors';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What one server call works in, read once: the spreadsheet, its locale and time zone. */
export interface Here {
  ss: Spreadsheet;
  locale: string;
  /** the language a refusal speaks before a map is read (after, the map's own) */
  lang: Lang;
  /** the spreadsheet's time zone, asked once, when a date needs it */
  zone: () => string;
}

/** The call's spreadsheet; its refusals in `lang` (a dialog's), else in the spreadsheet's. */
export function here(lang?: Lang): Here {
  const ss = activeSpreadsheet();
  const locale = ss.getSpreadsheetLocale();
  const zone = once(() => ss.getSpreadsheetTimeZone());
  return { ss, locale, lang: lang ?? languageOfSpreadsheet(ss, locale), zone };
}

/** A map found on a sheet and read, once per call: what every command works from. */
export interface OpenedMap {
  ss: Spreadsheet;
  sheet: Sheet;
  locale: string;
  /** the spreadsheet's time zone, asked once, when a date needs it */
  zone: () => string;
  journey: Journey;
  /** the sheet's cells as read: their values, and their formulas when asked for */
  snapshot: GridSnapshot;
  /** the review block under the footer: the goal, its date, the cadence */
  review: ReviewBlock;
  /** the stage header row as the sheet holds it (notes typed right of the stages included) */
  headers: string[];
  /** the map's own sheet when this one is a copy of it (Sheets' Duplicate), else null */
  original: Sheet | null;
}

/**
 * Where the map is: on the active sheet (a menu command), on the sheet a dialog was shown for, or
 * wherever the map with this id is (the sidebar names its map).
 */
export type MapPlace = 'active' | { sheetId: number; mapId: string } | { mapId: string };

export interface OpenOptions {
  /** also read the formulas (to tell a user's content in the template's cells from ours) */
  formulas?: boolean;
  /**
   * a copy of a map is refused with the offer to make it a map of its own, unless the caller
   * makes that offer itself ('allow')
   */
  copies?: 'refuse' | 'allow';
}

/**
 * Opens the map at `place`; a UserError when there is none: the sheet is gone, is no map, is a
 * damaged one, holds another map than the one named, or is a copy the command does not run on.
 */
export function openMap(
  h: Here,
  place: MapPlace,
  { formulas = false, copies = 'refuse' }: OpenOptions = {},
): OpenedMap {
  const { sheet, read } = readPlace(h, place, formulas);
  const journey = journeyOrThrow(read.result, h.lang);
  if (place !== 'active' && journey.id !== place.mapId)
    throw 'sheetId' in place
      ? UserError.of(journey.lang, 'err.stageChanged')
      : // the map's named cells were moved onto another map's sheet: writing would land there. The
        // sheet found is the other map's, so the refusal speaks the caller's language and names
        // that sheet as where the cells point, not as the map asked for.
        UserError.of(h.lang, 'err.wrongMap', { name: sheetName(sheet) });
  // a sheet found by the map's named cells is the map's own, never a copy
  const original =
    place === 'active' || 'sheetId' in place ? originalOf(h.ss, sheet, journey.id) : null;
  if (original && copies === 'refuse')
    throw UserError.of(journey.lang, 'err.copiedMap', { sheet: sheetName(original) });
  const values = read.snapshot.values;
  return {
    ss: h.ss,
    sheet,
    locale: h.locale,
    zone: h.zone,
    journey,
    snapshot: read.snapshot,
    review: readBlock(values, h.zone),
    headers: stageHeaders((values[ROW.header - 1] ?? []).slice(FIRST_STAGE_COL - 1)),
    original,
  };
}

/**
 * The sheet at `place` and its cells. The active sheet may be any sheet, a 50,000-row data sheet
 * among them, so it is read as one that may not be a map; a sheet a map was opened on is read whole.
 */
function readPlace(h: Here, place: MapPlace, formulas: boolean): { sheet: Sheet; read: MapRead } {
  if (place === 'active') {
    const sheet = h.ss.getActiveSheet();
    return { sheet, read: readMap(sheet, formulas, h.zone) };
  }
  const sheet =
    'sheetId' in place ? sheetById(h.ss, place.sheetId) : findMapSheet(h.ss, place.mapId);
  if (!sheet) throw UserError.of(h.lang, 'err.mapGone');
  const snapshot = mapCells(sheet, formulas);
  return { sheet, read: { snapshot, result: readJourney(snapshot.values, h.zone) } };
}
