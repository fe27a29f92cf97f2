// Conditional format rules: builder + rule. Rules are local objects until
// Sheet.setConditionalFormatRules stores their spec on the sheet.
import type { Rect } from './a1';
import type { ConditionalRuleSpec, SheetModel } from './sheet-model';
import type {
  GBooleanCondition,
  GConditionalFormatRule,
  GConditionalFormatRuleBuilder,
  GRange,
} from './types';
import { as } from './types';
import { normalizeColor } from './style';
import { EmuRange } from './range';
import type { WorkbookModel } from './workbook-model';

export interface RuleDraft {
  spec: ConditionalRuleSpec;
  /** The sheet the ranges belong to (the first range's sheet). */
  sheet: SheetModel | null;
}

class EmuBooleanCondition
  implements
    Pick<
      GBooleanCondition,
      'getCriteriaType' | 'getCriteriaValues' | 'getBackground' | 'getFontColor'
    >
{
  static readonly typeName = 'BooleanCondition';
  static readonly isBuilder = true;
  constructor(private readonly _spec: ConditionalRuleSpec) {}
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return this._spec.criteria as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }
  getCriteriaValues(): unknown[] {
    return structuredClone(this._spec.values);
  }
  getBackground(): string | null {
    return this._spec.background;
  }
  getFontColor(): string | null {
    return this._spec.fontColor;
  }
}

export class EmuConditionalFormatRule
  implements Pick<GConditionalFormatRule, 'getRanges' | 'getBooleanCondition' | 'copy'>
{
  static readonly typeName = 'ConditionalFormatRule';
  static readonly isBuilder = true;
  constructor(
    readonly _wb: WorkbookModel,
    readonly _draft: RuleDraft,
  ) {}
  getRanges(): GRange[] {
    const sheet = this._draft.sheet;
    if (!sheet) return [];
    return this._draft.spec.ranges.map((r) => as<GRange>(new EmuRange(this._wb, sheet, { ...r })));
  }
  getBooleanCondition(): GBooleanCondition | null {
    return as(new EmuBooleanCondition(this._draft.spec));
  }
  copy(): GConditionalFormatRuleBuilder {
    return as(
      new EmuConditionalFormatRuleBuilder(this._wb, {
        spec: structuredClone(this._draft.spec),
        sheet: this._draft.sheet,
      }),
    );
  }
}

type BuilderMethods =
  | 'whenFormulaSatisfied'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberBetween'
  | 'whenTextContains'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'setBackground'
  | 'setFontColor'
  | 'setBold'
  | 'setItalic'
  | 'setRanges'
  | 'build';

export class EmuConditionalFormatRuleBuilder
  implements Pick<GConditionalFormatRuleBuilder, BuilderMethods>
{
  static readonly typeName = 'ConditionalFormatRuleBuilder';
  static readonly isBuilder = true;
  constructor(
    private readonly _wb: WorkbookModel,
    private readonly _draft: RuleDraft = {
      spec: {
        ranges: [],
        criteria: '',
        values: [],
        background: null,
        fontColor: null,
        bold: null,
        italic: null,
      },
      sheet: null,
    },
  ) {}
  _when(criteria: string, values: unknown[]): GConditionalFormatRuleBuilder {
    this._draft.spec.criteria = criteria;
    this._draft.spec.values = values;
    return as(this);
  }
  whenFormulaSatisfied(formula: string): GConditionalFormatRuleBuilder {
    return this._when('CUSTOM_FORMULA', [String(formula)]);
  }
  whenNumberLessThan(number: number): GConditionalFormatRuleBuilder {
    return this._when('NUMBER_LESS_THAN', [number]);
  }
  whenNumberLessThanOrEqualTo(number: number): GConditionalFormatRuleBuilder {
    return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberGreaterThan(number: number): GConditionalFormatRuleBuilder {
    return this._when('NUMBER_GREATER_THAN', [number]);
  }
  whenNumberBetween(start: number, end: number): GConditionalFormatRuleBuilder {
    return this._when('NUMBER_BETWEEN', [start, end]);
  }
  whenTextContains(text: string): GConditionalFormatRuleBuilder {
    return this._when('TEXT_CONTAINS', [String(text)]);
  }
  whenCellEmpty(): GConditionalFormatRuleBuilder {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): GConditionalFormatRuleBuilder {
    return this._when('CELL_NOT_EMPTY', []);
  }
  setBackground(color: string | null): GConditionalFormatRuleBuilder {
    this._draft.spec.background = normalizeColor(color) ?? null;
    return as(this);
  }
  setFontColor(color: string | null): GConditionalFormatRuleBuilder {
    this._draft.spec.fontColor = normalizeColor(color) ?? null;
    return as(this);
  }
  setBold(bold: boolean | null): GConditionalFormatRuleBuilder {
    this._draft.spec.bold = bold;
    return as(this);
  }
  setItalic(italic: boolean | null): GConditionalFormatRuleBuilder {
    this._draft.spec.italic = italic;
    return as(this);
  }
  setRanges(ranges: GRange[]): GConditionalFormatRuleBuilder {
    const rs = ranges as unknown as EmuRange[];
    this._draft.sheet = rs[0]?._sheet ?? null;
    this._draft.spec.ranges = rs.map((r): Rect => ({ ...r._rect }));
    return as(this);
  }
  build(): GConditionalFormatRule {
    if (this._draft.spec.criteria === '')
      throw new Error('Conditional format rule needs a condition.');
    if (this._draft.spec.ranges.length === 0)
      throw new Error('Conditional format rule needs at least one range.');
    return as(
      new EmuConditionalFormatRule(this._wb, {
        spec: structuredClone(this._draft.spec),
        sheet: this._draft.sheet,
      }),
    );
  }
}
