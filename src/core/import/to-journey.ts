/**
 * A table, with the user's choices in the dialog, as a new map: its journey, the note of each
 * stage's name cell (the phase title, and in "notes" mode what the map has no row for), and the
 * rows kept under the map with their original labels. Every filled cell of the table lands
 * somewhere: a cell the map's row cannot take (text in a count, a second number for a stage, a
 * text past a cell's limit) is kept with its row's label like a row that matches nothing.
 */
import { CELL_LIMIT } from '../map/names';
import { parseNumber } from '../funnel/numbers';
import { t, type Lang } from '../words/i18n';
import {
  blankRecord,
  CARD_KEYS,
  CONTENT_KEYS,
  newStage,
  TITLE_KEYS,
  type CardKey,
  type CellData,
  type ContentKey,
  type Journey,
  type TitleKey,
} from '../map/journey';
import { ROW, ROW_COUNT, stageCol } from '../map/layout';
import type { SheetPlan } from '../map/plan';
import { rolesAroundDeal, rolesByPosition, type Role } from '../map/stages';
import type { PairTarget, RowTarget } from './labels';
import type { ImportStage } from './read-table';

/**
 * The most characters a table may hold: the dialog carries it there and back (what a page and a
 * google.script.run call take is not documented; this keeps both far from any plausible limit).
 */
export const CHAR_LIMIT = 5_000_000;
/** Rows of a table and pairs above it: the rows a selection is read down to, and a title block. */
export const ROW_LIMIT = 300;
export const PAIR_LIMIT = 50;

/** The characters of a table's texts, as the dialog sends them back. */
export const characters = (r: Pick<ImportRequest, 'stages' | 'rows' | 'pairs'>): number =>
  [
    ...r.stages.flatMap((s) => [s.name, s.phase]),
    ...r.rows.flatMap((row) => [row.label, ...row.values]),
    ...r.pairs.flatMap((p) => [p.label, p.value]),
  ].reduce<number>((n, v) => n + String(v).length, 0);

/** What the dialog sends: the table as it previewed it, and the user's choices. */
export interface ImportRequest {
  lang: Lang;
  name: string;
  /** where the table was, for the caption of the rows kept under the map */
  source: { sheet: string; range: string };
  stages: ImportStage[];
  rows: { label: string; values: CellData[]; target: RowTarget }[];
  pairs: { label: string; value: CellData; target: PairTarget }[];
  /** where what matches no row of the map goes: rows under the map, or the stages' notes */
  unmatched: 'rows' | 'notes';
  /** the deal stage (C) the user chose; null: guessed from the order, and the map says so */
  deal: number | null;
}

export interface KeptRow {
  label: string;
  /** a title pair's value (column B) */
  side: CellData;
  /** a row's cells under their stages */
  values: CellData[];
}

export interface ImportedMap {
  journey: Journey;
  /** the note of each stage's name cell ('' for none) */
  notes: string[];
  kept: KeptRow[];
}

const str = (v: CellData): string => String(v);

/** Text added to a cell on a line of its own, or null when the cell would pass its limit. */
function joined(current: CellData, more: CellData): CellData | null {
  if (current === '') return more;
  const text = `${str(current)}\n${str(more)}`;
  return text.length <= CELL_LIMIT ? text : null;
}

function roles(req: ImportRequest): { roles: Role[]; guessed: boolean } {
  const n = req.stages.length;
  if (req.deal !== null && req.deal >= 0 && req.deal < n)
    return { roles: rolesAroundDeal(n, req.deal), guessed: false };
  return { roles: rolesByPosition(n), guessed: true };
}

/** A cell of a count, a share, a check or purchases: the number, or null when it is none. */
function numberIn(v: CellData, lang: Lang): number | null {
  return typeof v === 'number' ? v : parseNumber(v, lang);
}

const isContentKey = (t: RowTarget): t is ContentKey =>
  (CONTENT_KEYS as readonly string[]).includes(t);

/**
 * Places one row's cells into the journey; returns the cells it could not place ('' where placed).
 */
function placeRow(
  j: Journey,
  target: RowTarget,
  values: readonly CellData[],
  lang: Lang,
): CellData[] {
  return values.map((v, i): CellData => {
    const stage = j.stages[i];
    if (v === '' || !stage || target === 'keep') return v;
    if (isContentKey(target)) {
      const next = joined(stage.content[target], v);
      if (next === null) return v;
      stage.content[target] = next;
      return '';
    }
    if (target === 'role') {
      const role = str(v).trim().toUpperCase();
      if (!/^[LCQ]$/.test(role)) return v;
      stage.role = role as Role;
      return '';
    }
    const n = numberIn(v, lang);
    if (n === null) return v;
    if (target === 'customers' || target === 'target') {
      if (stage[target] !== '') return v;
      stage[target] = n;
      return '';
    }
    if (j[target] !== '') return v;
    j[target] = n;
    return '';
  });
}

/** Places a title pair; false when its field is taken and the value would pass the cell's limit. */
function placePair(j: Journey, target: Exclude<PairTarget, 'keep' | 'name'>, value: CellData) {
  if ((TITLE_KEYS as readonly string[]).includes(target)) {
    const key = target as TitleKey;
    const next = joined(j.title[key], value);
    if (next !== null) j.title[key] = next;
    return next !== null;
  }
  const key = target as CardKey;
  const next = joined(j.card[key], value);
  if (next !== null) j.card[key] = next;
  return next !== null;
}

export function mapFromTable(req: ImportRequest, id: string): ImportedMap {
  const { lang } = req;
  const given = roles(req);
  const journey: Journey = {
    id,
    lang,
    title: { ...blankRecord(TITLE_KEYS), name: req.name },
    card: blankRecord(CARD_KEYS),
    stages: req.stages.map((s, i) => newStage(s.name, given.roles[i] ?? 'Q')),
    avgCheck: '',
    purchases: '',
  };
  const notes = req.stages.map((s) => (s.phase ? t(lang, 'import.phase', { phase: s.phase }) : ''));
  const kept: KeptRow[] = [];
  let roleRow = false;
  for (const row of req.rows) {
    const left = placeRow(journey, row.target, row.values, lang);
    if (row.target === 'role') roleRow = left.every((v, i) => v === '' && row.values[i] !== '');
    if (left.every((v) => v === '')) continue;
    if (req.unmatched === 'rows') kept.push({ label: row.label, side: '', values: left });
    else
      left.forEach((v, i) => {
        if (v === '') return;
        const line = row.label ? `${row.label}: ${str(v)}` : str(v);
        notes[i] = notes[i] ? `${notes[i]}\n${line}` : line;
      });
  }
  for (const pair of req.pairs) {
    if (pair.value === '' && pair.label === '') continue;
    const placed =
      pair.target === 'keep'
        ? false
        : pair.target === 'name'
          ? str(pair.value).trim() === req.name.trim()
          : placePair(journey, pair.target, pair.value);
    if (!placed) kept.push({ label: pair.label, side: pair.value, values: [] });
  }
  // Roles given by a row of L, C and Q for every stage are the table's, not a guess.
  if (given.guessed && !roleRow) journey.rolesGuessed = true;
  return { journey, notes, kept };
}

/** The first sheet row of what is kept under the map: one blank row below its footer. */
export const KEPT_ROW = ROW_COUNT + 2;

/**
 * The block written under the map: a caption, then each kept row (label in A, a pair's value in B,
 * a row's cells under their stages); empty when nothing is kept.
 */
export function keptBlock(map: ImportedMap, source: ImportRequest['source']): CellData[][] {
  if (!map.kept.length) return [];
  const width = 2 + map.journey.stages.length;
  const line = (cells: CellData[]) => [...cells, ...Array<CellData>(width - cells.length).fill('')];
  return [
    line([t(map.journey.lang, 'import.keptCaption', source)]),
    ...map.kept.map((k) => line([k.label, k.side, ...k.values])),
  ];
}

/** The plan with each stage's note on its name cell (notes are written with the map, in one call). */
export function withStageNotes(plan: SheetPlan, notes: readonly string[]): SheetPlan {
  const header = ROW.header - 1;
  return {
    ...plan,
    cells: plan.cells.map((line, r) =>
      r !== header
        ? line
        : line.map((cell, c) => {
            const note = notes[c + 1 - stageCol(0)];
            return note ? { ...cell, note } : cell;
          }),
    ),
  };
}
