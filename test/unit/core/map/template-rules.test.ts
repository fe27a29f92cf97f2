import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import type { CellData, Journey } from '../../../../src/core/map/journey';
import { FIRST_STAGE_COL, ROW, SIDE_COL, type RowKey } from '../../../../src/core/map/layout';
import type { SheetPlan } from '../../../../src/core/map/plan';
import type { Role } from '../../../../src/core/map/stages';
import { planMap } from '../../../../src/core/map/template';
import { presetJourney } from '../../../support/journeys';

/** An English map whose stages have these roles and customer counts. */
function mapOf(
  roles: (Role | '')[],
  counts: CellData[] = [],
  over: Partial<Journey> = {},
): Journey {
  const j = presetJourney('en');
  const stages = roles.map((role, i) => ({
    ...j.stages[i % j.stages.length]!,
    id: `stage00${i}`,
    role,
    customers: counts[i] ?? '',
  }));
  return { ...j, stages, ...over };
}

const plan = (j: Journey): SheetPlan => planMap(j, { sheetName: 'm', locale: 'en_US' });
const formulaAt = (p: SheetPlan, row: RowKey, col: number): string =>
  p.cells[ROW[row] - 1]?.[col - 1]?.formula ?? '';

/**
 * What the sheet shows in a cell once the plan is written (values and formulas as planned, with
 * `typed` overriding cells by [row, col]). HyperFormula has no CJM_ custom functions: only the
 * native formulas, and the branches of the others taken before a custom call, are evaluated.
 */
function shown(p: SheetPlan, at: [RowKey, number], typed: [RowKey, number, Typed][] = []) {
  const grid: (string | number | boolean | null)[][] = p.cells.map((row) =>
    row.map((c) => (c.formula ? c.formula : c.value === '' ? null : c.value)),
  );
  for (const [row, col, v] of typed) grid[ROW[row] - 1]![col - 1] = v === '' ? null : v;
  const hf = HyperFormula.buildFromArray(grid, { licenseKey: 'gpl-v3' });
  const v = hf.getCellValue({ sheet: 0, row: ROW[at[0]] - 1, col: at[1] - 1 });
  hf.destroy();
  return v;
}

/** What someone may type in a cell (TRUE/FALSE too). */
type Typed = CellData | boolean;

const C = FIRST_STAGE_COL;
const TEXT_NOTE = (x: string) =>
  `⚠ “${x}” is text, not a number: type a number, without an apostrophe or spaces`;

describe('the input rules of a map', () => {
  it('checks every input kind with its own help text, and each name against its length limit in its own cell', () => {
    const v = plan(mapOf(['L', 'C'])).validations;
    const { count, share, money, role, mapName } = v;
    expect(count).toEqual({
      kind: 'number',
      min: 0,
      max: 1e12,
      help: 'Enter a number of customers, 0 or more.',
    });
    expect(share).toEqual({
      kind: 'number',
      min: 0,
      max: 1,
      help: 'Enter a share from 0% to 100%.',
    });
    expect(money).toEqual({
      kind: 'number',
      min: 0,
      max: 1e15,
      help: 'Enter an amount, 0 or more.',
    });
    expect(role).toEqual({
      kind: 'list',
      values: ['L', 'C', 'Q'],
      help: 'L (leads), C (deal) or Q (repeat purchases).',
    });
    expect(mapName).toEqual({
      kind: 'maxLength',
      cell: 'B1',
      max: 80,
      help: "⚠ A map's name has at most 80 characters: shorten it, so its sheets and the portfolio show it whole.",
    });
    const stageName = (cell: string) => ({
      kind: 'maxLength',
      cell,
      max: 60,
      help: "⚠ A stage's name has at most 60 characters: shorten it, so the charts, the plan and the poster show it whole.",
    });
    expect(v['stageName.0']).toEqual(stageName('C9'));
    expect(v['stageName.1']).toEqual(stageName('D9'));
    expect(v['stageName.2']).toBeUndefined();
  });
});

describe('the highlights of a map', () => {
  const ALERT = { background: '#f4c7c3', color: '#a50e0e' };
  const GOOD = { background: '#ceead6', color: '#0d652d' };

  it('marks low and high scores, every ⚠ note, and a step below its target', () => {
    expect(plan(mapOf(['L', 'L', 'C'])).conditionalRules).toEqual([
      { kind: 'numberAtMost', range: 'C20:E20', value: 2, ...ALERT },
      { kind: 'numberBetween', range: 'C20:E20', min: 4, max: 5, ...GOOD },
      { kind: 'textContains', range: 'C29:E31', text: '⚠', ...ALERT },
      { kind: 'textContains', range: 'B32:B35', text: '⚠', ...ALERT },
      { kind: 'textContains', range: 'B24', text: '⚠', ...ALERT },
      { kind: 'textContains', range: 'C34', text: '⚠', ...ALERT },
      {
        kind: 'formula',
        range: 'D29:E29',
        formula: '=AND(ISNUMBER(D29),ISNUMBER(D26),D26<=1,D29<D26)',
        ...ALERT,
      },
    ]);
  });

  it('judges no step against a target on a one-stage map: there is no step', () => {
    const rules = plan(mapOf(['L'])).conditionalRules;
    expect(rules.map((r) => r.kind)).not.toContain('formula');
    expect(rules).toHaveLength(6);
  });
});

describe('the KPI formulas of the stage columns', () => {
  const p = plan(mapOf(['L', 'L', 'C'], [1000, 400, 100]));
  const drop = (i: number, typed: [RowKey, number, Typed][] = []) =>
    shown(p, ['dropOff', C + i], typed);

  it('shows how many customers each stage lost since the previous one', () => {
    expect(drop(1)).toBe(600);
    expect(drop(2)).toBe(300);
  });

  it('gives the first stage a drop-off of 0 once it has a count, and nothing while it is blank', () => {
    expect(drop(0)).toBe(0);
    expect(drop(0, [['customers', C, '']])).toBe('');
    expect(drop(0, [['customers', C, 'many']])).toBe(TEXT_NOTE('many'));
  });

  it('says in words what is wrong with a count instead of a negative or an error', () => {
    expect(drop(1, [['customers', C + 1, '']])).toBe('');
    expect(drop(1, [['customers', C + 1, 'abc']])).toBe(TEXT_NOTE('abc'));
    expect(drop(1, [['customers', C, 'x']])).toBe(TEXT_NOTE('x'));
    expect(drop(1, [['customers', C + 1, true]])).toBe('⚠ not a number');
    expect(drop(1, [['customers', C + 1, -5]])).toBe('⚠ less than 0');
    expect(drop(1, [['customers', C, -5]])).toBe('⚠ less than 0');
    expect(drop(1, [['customers', C + 1, 1200]])).toBe('⚠ more than the previous stage');
    expect(drop(1, [['customers', C + 1, '=1/0']])).toBe('⚠ not a number');
  });

  it('checks the first count before the step and overall rows of an old map compute', () => {
    const former = p.formerFormulas ?? [];
    expect(former.map((f) => f.row)).toEqual([
      ROW.step,
      ROW.overall,
      ROW.step,
      ROW.step,
      ROW.overall,
    ]);
    const firstCell = former[0]!.formula;
    expect(former[1]!.formula).toBe(firstCell);
    const at = (typed: CellData) =>
      shown(
        p,
        ['step', C],
        [
          ['step', C, firstCell],
          ['customers', C, typed],
        ],
      );
    expect(at(50)).toBe(1);
    expect(at('')).toBe('');
    expect(at('lots')).toBe(TEXT_NOTE('lots'));
    expect(former[2]!.formula).toBe('=CJM_CONVERSION(C25:D25,D25:E25)');
  });

  it('in an old two-stage map, names a text count instead of calling the conversion', () => {
    const former = p.formerFormulas ?? [];
    const step2 = former[3]!.formula;
    const overall2 = former[4]!.formula;
    expect(step2).toContain('CJM_CONVERSION(C25:C25,D25:D25)');
    expect(overall2).toContain('CJM_CONVERSION($C$25,D25:D25)');
    for (const f of [step2, overall2]) {
      const at = (c: CellData, d: CellData) =>
        shown(
          p,
          ['step', C + 1],
          [
            ['step', C + 1, f],
            ['customers', C, c],
            ['customers', C + 1, d],
          ],
        );
      expect(at('', 5)).toBe('');
      expect(at(10, '')).toBe('');
      expect(at('ten', 5)).toBe(TEXT_NOTE('ten'));
      expect(at(10, 'five')).toBe(TEXT_NOTE('five'));
      // a negative first count is the conversion's own problem, not the second count's text
      expect(at(-1, 'five')).toBe('⚠ needs counts: above 0 at the first stage, not above it here');
    }
  });
});

describe('the economics formulas of the side column', () => {
  it('takes L from the first L stage, or the first stage when no stage has role L', () => {
    const counts = [1000, 400, 100];
    expect(shown(plan(mapOf(['Q', 'L', 'C'], counts)), ['leads', SIDE_COL])).toBe(400);
    expect(shown(plan(mapOf(['C', 'Q', 'C'], counts)), ['leads', SIDE_COL])).toBe(1000);
    expect(shown(plan(mapOf(['L', 'L', 'C'], ['', 5, 1])), ['leads', SIDE_COL])).toBe('');
    expect(shown(plan(mapOf(['L', 'L', 'C'], ['nine hundred', 5, 1])), ['leads', SIDE_COL])).toBe(
      TEXT_NOTE('nine hundred'),
    );
    expect(
      shown(plan(mapOf(['L', 'C'], [1, 5])), ['leads', SIDE_COL], [['customers', C, true]]),
    ).toBe('⚠ not a number');
  });

  it('reads the deal count from the first C stage (else the last stage) for the conversion', () => {
    const f = formulaAt(plan(mapOf(['L', 'C', 'Q'])), 'conversion', SIDE_COL);
    const pick = 'INDEX($C$25:$E$25,1,IFERROR(MATCH("C",$C$24:$E$24,0),COLUMNS($C$25:$E$25)))';
    expect(f).toContain(`CJM_CONVERSION(B32,IF(${pick}="","",${pick}))`);
    const at = (roles: Role[], counts: CellData[]) =>
      shown(plan(mapOf(roles, counts)), ['conversion', SIDE_COL]);
    // the deal count, typed as text, is named: at the C stage, or the last one without C
    expect(at(['L', 'C', 'Q'], [100, 'ten', 'x'])).toBe(TEXT_NOTE('ten'));
    expect(at(['L', 'Q', 'Q'], [100, 'x', 'ten'])).toBe(TEXT_NOTE('ten'));
    expect(at(['L', 'C', 'Q'], [100, '', 5])).toBe('');
    // L's own note is passed on
    expect(at(['L', 'C'], ['many', 5])).toBe(TEXT_NOTE('many'));
  });

  it('passes a conversion note on to the revenue and names a check or purchases typed as text', () => {
    const j = mapOf(['L', 'C'], [100, 10], { avgCheck: 'lots', purchases: 2 });
    const p = plan(j);
    expect(formulaAt(p, 'revenue', SIDE_COL)).toContain('CJM_REVENUE(B32,B33,B27,B28)');
    const rev = (typed: [RowKey, number, CellData][]) =>
      shown(p, ['revenue', SIDE_COL], [['conversion', SIDE_COL, 0.1], ...typed]);
    expect(rev([])).toBe(TEXT_NOTE('lots'));
    expect(
      rev([
        ['avgCheck', SIDE_COL, 50],
        ['purchases', SIDE_COL, 'two'],
      ]),
    ).toBe(TEXT_NOTE('two'));
    expect(rev([['avgCheck', SIDE_COL, '']])).toBe('');
    expect(rev([['conversion', SIDE_COL, '⚠ C says no']])).toBe('⚠ C says no');
  });

  it('finds the weakest transition over the counts, names and targets, and draws the scores', () => {
    const p = plan(mapOf(['L', 'L', 'C', 'Q']));
    expect(formulaAt(p, 'weakest', SIDE_COL)).toBe(
      '=CJM_BOTTLENECK($C$25:$F$25,$C$9:$F$9,$C$26:$F$26)',
    );
    expect(formulaAt(p, 'curve', SIDE_COL)).toBe('=SPARKLINE($C$20:$F$20)');
  });
});
