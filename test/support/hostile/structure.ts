/**
 * What a hostile user (or a colleague who owns part of the spreadsheet) does to a spreadsheet's
 * structure between commands: merges cells (over a map's stages too), hides and groups rows and
 * columns, protects map cells, whole map sheets and plan sheets so that only they may edit them,
 * takes such protections off again, unmerges and unhides, and switches the spreadsheet's locale
 * (en_US "," formulas, de_DE / ru_RU / fr_FR ";" formulas). None of it is refused by Sheets
 * for the user doing it; the add-on's commands afterwards must cope, or refuse in words.
 */
import fc from 'fast-check';
import { Workbook } from '../../../emulator/index';
import { sessionOn, type Session } from '../addon';
import { a1, ROW } from '../../../src/core/map/layout';
import type { Grid, Health } from './scan';
import type { AreaPick } from './steps';
import type { TextPick } from './texts';

export type Lines = 'rows' | 'columns';
export const LOCALES = ['en_US', 'de_DE', 'ru_RU', 'fr_FR'] as const;
export type LocalePick = (typeof LOCALES)[number];

/** Who protects: a colleague, not the user (the spreadsheet's owner is someone else again). */
export const COLLEAGUE = 'colleague@example.com';

export type StructureStep =
  | { k: 'merge'; sheet: number; area: AreaPick }
  | { k: 'unmerge'; sheet: number; i: number }
  | { k: 'hide'; sheet: number; lines: Lines; at: number; n: number }
  | { k: 'unhide'; sheet: number }
  | { k: 'group'; sheet: number; area: AreaPick; lines: Lines }
  | {
      k: 'protect';
      sheet: number;
      /** map cells, the whole map sheet (now and then but its stage cells), its plan, the plan's action rows */
      what: 'cells' | 'sheet' | 'plan' | 'planRows';
      area: AreaPick;
      description: TextPick | null;
      warningOnly: boolean;
      except: boolean;
    }
  | { k: 'unprotect'; i: number }
  | { k: 'locale'; to: LocalePick }
  | { k: 'copySpreadsheet' };

export const STRUCTURE_KINDS = new Set<string>([
  'merge',
  'unmerge',
  'hide',
  'unhide',
  'group',
  'protect',
  'unprotect',
  'locale',
  'copySpreadsheet',
]);

export function isStructureStep(s: { k: string }): s is StructureStep {
  return STRUCTURE_KINDS.has(s.k);
}

/** What a structure step needs of the World (closures over its own state). */
export interface StructureHost {
  wb: Workbook;
  observe(): { grids: Map<number, Grid>; health: Map<number, Health> };
  sheetByRef(ref: number): { name: string; sheetId: number };
  area(g: Grid, h: Health, pick: AreaPick): { r1: number; c1: number; r2: number; c2: number };
  text(pick: TextPick): string;
  /** every non-empty text of a block, with its stage: what a merge may take */
  entitledIn(
    g: Grid,
    rows: [number, number],
    cols: [number, number],
  ): { sheetId: number; text: string; stage: string | null }[];
  /** a user action in the grid; `perform` returns what the user removed on purpose */
  userAct(
    label: string,
    perform: () => { sheetId: number; text: string; stage: string | null }[],
  ): void;
}

/** The plan sheet of the map on a sheet, by the map's plan name (null: none). */
export function planSheetOf(wb: Workbook, mapId: string): string | null {
  return wb.model.engine.namedRangeTarget(`CJM_${mapId}_PLAN`)?.sheet ?? null;
}

/** The ids of every plan sheet (or history sheet) in the spreadsheet, by map id. */
export function planSheets(wb: Workbook, kind: 'PLAN' | 'HISTORY' = 'PLAN'): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of wb.model.engine.namedRangeNames()) {
    const m = new RegExp(`^CJM_(.+)_${kind}$`).exec(n);
    const sheet = m ? wb.model.engine.namedRangeTarget(n)?.sheet : undefined;
    const id = sheet === undefined ? undefined : wb.model.sheet(sheet)?.sheetId;
    if (m?.[1] && id !== undefined) out.set(m[1], id);
  }
  return out;
}

const range = (r: { r1: number; c1: number; r2: number; c2: number }) =>
  `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;

export function runStructure(
  host: StructureHost,
  step: StructureStep,
  note = '',
  sheetOverride?: { name: string; sheetId: number },
): void {
  const wb = host.wb;
  const model = wb.model;
  if (step.k === 'locale') {
    host.userAct(`user${note} sets the spreadsheet's locale to ${step.to}`, () => {
      model.locale = step.to;
      return [];
    });
    return;
  }
  if (step.k === 'copySpreadsheet') throw new Error("a copy of the spreadsheet is the World's");
  if (step.k === 'unprotect') {
    const all = model.sheets.flatMap((s) => s.protections.map((p) => ({ s, p })));
    const hit = all[step.i % Math.max(1, all.length)];
    if (!hit) return;
    host.userAct(
      `the colleague removes their protection of '${hit.s.name}'${hit.p.rect ? `!${a1(hit.p.rect.row + 1, hit.p.rect.col + 1)}…` : ''}`,
      () => {
        hit.s.protections = hit.s.protections.filter((p) => p !== hit.p);
        return [];
      },
    );
    return;
  }
  const obs = host.observe();
  const sheet = sheetOverride ?? host.sheetByRef(step.sheet);
  const g = obs.grids.get(sheet.sheetId);
  const h = obs.health.get(sheet.sheetId);
  const sm = model.sheet(sheet.name);
  if (!g || !h || !sm) return;
  const name = sheet.name;
  switch (step.k) {
    case 'merge': {
      const r = host.area(g, h, step.area);
      if (r.r1 === r.r2 && r.c1 === r.c2) return;
      host.userAct(`user${note} merges '${name}'!${range(r)}`, () => {
        wb.merge(name, range(r));
        // Sheets keeps the top-left value only: the rest the user gave up (the merge warns).
        return host
          .entitledIn(g, [r.r1, r.r2], [r.c1, r.c2])
          .filter((e) => !(e.text === textAt(g, r.r1, r.c1)));
      });
      return;
    }
    case 'unmerge': {
      const m = sm.merges[step.i % Math.max(1, sm.merges.length)];
      if (!m) return;
      const where = `${a1(m.row + 1, m.col + 1)}:${a1(m.row + m.rows, m.col + m.cols)}`;
      host.userAct(`user${note} unmerges '${name}'!${where}`, () => {
        sm.merges = sm.merges.filter((x) => x !== m);
        return [];
      });
      return;
    }
    case 'hide': {
      const max = step.lines === 'rows' ? sm.maxRows : sm.maxCols;
      // mostly inside a map: its rows above the footer, its label, side and stage columns
      const span = step.lines === 'rows' ? ROW.footer : 8;
      const at = 1 + (step.at % Math.min(span, max));
      const n = Math.max(1, Math.min(step.n, max - at));
      if (at + n - 1 >= max) return;
      host.userAct(
        `user${note} hides ${n} ${step.lines} from ${step.lines === 'rows' ? at : a1(1, at).replace(/\d+$/, '')} of '${name}'`,
        () => {
          if (step.lines === 'rows') wb.hideRows(name, at, n);
          else wb.hideColumns(name, at, n);
          return [];
        },
      );
      return;
    }
    case 'unhide':
      host.userAct(`user${note} shows every hidden row and column of '${name}'`, () => {
        sm.hidden.row.clear();
        sm.hidden.col.clear();
        return [];
      });
      return;
    case 'group': {
      const r = host.area(g, h, step.area);
      host.userAct(`user${note} groups the ${step.lines} of '${name}'!${range(r)}`, () => {
        wb.group(name, range(r), step.lines);
        return [];
      });
      return;
    }
    case 'protect': {
      const description = step.description ? host.text(step.description) : undefined;
      const opts = {
        by: COLLEAGUE,
        warningOnly: step.warningOnly,
        ...(description !== undefined ? { description } : {}),
      };
      const say = `${step.warningOnly ? ' (a warning only)' : ''}${description !== undefined ? ` described ${JSON.stringify(description.slice(0, 40))}` : ''}`;
      if (step.what === 'plan' || step.what === 'planRows') {
        const plan = h.kind === 'notMap' || !h.mapId ? null : planSheetOf(wb, h.mapId);
        if (!plan || !model.sheet(plan)) return;
        const rows = 'A4:I20';
        host.userAct(
          `a colleague protects ${step.what === 'plan' ? `the plan sheet '${plan}'` : `'${plan}'!${rows}`}${say}`,
          () => {
            wb.protectAsOther(plan, step.what === 'plan' ? null : rows, opts);
            return [];
          },
        );
        return;
      }
      if (step.what === 'sheet') {
        const n = Math.max(1, (g.values[ROW.footer - 1]?.length ?? 3) - 2);
        const open = `C1:${a1(ROW.footer - 1, 2 + n)}`;
        host.userAct(
          `a colleague protects the sheet '${name}'${step.except ? ` except ${open}` : ''}${say}`,
          () => {
            wb.protectAsOther(name, null, {
              ...opts,
              ...(step.except ? { unprotected: [open] } : {}),
            });
            return [];
          },
        );
        return;
      }
      const r = host.area(g, h, step.area);
      host.userAct(`a colleague protects '${name}'!${range(r)}${say}`, () => {
        wb.protectAsOther(name, range(r), opts);
        return [];
      });
      return;
    }
  }
}

/**
 * File → Make a copy: a new spreadsheet with the same sheets, cells, formats, merges,
 * protections, named ranges and charts. Its document properties start empty: the reference
 * (PropertiesService.getDocumentProperties) does not say that a copy takes them, so the add-on
 * may not count on what it stored in the original.
 */
export function copyOfSpreadsheet(s: Session): Session {
  const json = s.wb.toJSON();
  return sessionOn(
    Workbook.fromJSON({
      ...json,
      id: `${json.id}-copy`,
      name: `Copy of ${json.name}`,
      properties: { ...json.properties, document: {} },
    }),
  );
}

function textAt(g: Grid, row: number, col: number): string {
  const v = g.values[row - 1]?.[col - 1];
  return g.formulas[row - 1]?.[col - 1] || v === undefined || v === null ? '' : String(v);
}

// ---------------------------------------------------------------- arbitraries

export function structureStep(
  small: fc.Arbitrary<number>,
  areaPick: fc.Arbitrary<AreaPick>,
  textPick: fc.Arbitrary<TextPick>,
  /** the user's own step, not a colleague's: File → Make a copy now and then */
  withCopy = false,
): fc.Arbitrary<StructureStep> {
  const lines = fc.constantFrom<Lines>('rows', 'columns');
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ k: fc.constant('merge' as const), sheet: small, area: areaPick }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ k: fc.constant('unmerge' as const), sheet: small, i: small }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        k: fc.constant('hide' as const),
        sheet: small,
        lines,
        at: small,
        n: fc.integer({ min: 1, max: 2 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('unhide' as const), sheet: small }) },
    {
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant('group' as const),
        sheet: small,
        area: areaPick,
        lines,
      }),
    },
    {
      weight: 5,
      arbitrary: fc.record({
        k: fc.constant('protect' as const),
        sheet: small,
        what: fc.constantFrom(
          'cells' as const,
          'sheet' as const,
          'plan' as const,
          'planRows' as const,
        ),
        area: areaPick,
        description: fc.option(textPick, { freq: 2 }),
        warningOnly: fc.oneof(
          { weight: 4, arbitrary: fc.constant(false) },
          { weight: 1, arbitrary: fc.constant(true) },
        ),
        except: fc.boolean(),
      }),
    },
    { weight: 4, arbitrary: fc.record({ k: fc.constant('unprotect' as const), i: small }) },
    {
      weight: 2,
      arbitrary: fc.record({ k: fc.constant('locale' as const), to: fc.constantFrom(...LOCALES) }),
    },
    ...(withCopy
      ? [{ weight: 1, arbitrary: fc.constant<StructureStep>({ k: 'copySpreadsheet' }) }]
      : []),
  );
}

export function describeStructure(s: StructureStep, describeText: (t: TextPick) => string): string {
  switch (s.k) {
    case 'merge':
      return `user merges ${s.area.rows}×${s.area.cols} at ${s.area.at.zone}(row ${s.area.at.row}, i ${s.area.at.i}) on sheet#${s.sheet}`;
    case 'unmerge':
      return `user unmerges merge#${s.i} of sheet#${s.sheet}`;
    case 'hide':
      return `user hides ${s.n} ${s.lines} at ${s.at} of sheet#${s.sheet}`;
    case 'unhide':
      return `user shows every hidden line of sheet#${s.sheet}`;
    case 'group':
      return `user groups the ${s.lines} of ${s.area.rows}×${s.area.cols} at ${s.area.at.zone} on sheet#${s.sheet}`;
    case 'protect':
      return `a colleague protects ${s.what}${s.what === 'cells' ? ` ${s.area.rows}×${s.area.cols} at ${s.area.at.zone}(row ${s.area.at.row}, i ${s.area.at.i})` : ''}${s.except ? ' (except stages)' : ''} of sheet#${s.sheet}${s.warningOnly ? ', warning only' : ''}${s.description ? `, described ${describeText(s.description)}` : ''}`;
    case 'unprotect':
      return `the colleague removes protection#${s.i}`;
    case 'locale':
      return `user sets the spreadsheet's locale to ${s.to}`;
    case 'copySpreadsheet':
      return 'user makes a copy of the spreadsheet and goes on in the copy';
  }
}
