// Data validation rules: a builder (local, counted as builder calls) and the immutable rule.
import type { ValidationSpec } from './sheet-model';
import type { GDataValidation, GDataValidationBuilder } from './types';
import { as, enumOf, keysEnum } from './types';

export const DataValidationCriteria = enumOf<
  typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria
>(
  keysEnum(
    'VALUE_IN_LIST',
    'VALUE_IN_RANGE',
    'NUMBER_BETWEEN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN_OR_EQUAL_TO',
    'CHECKBOX',
    'CUSTOM_FORMULA',
    'TEXT_IS_VALID_EMAIL',
    'TEXT_IS_VALID_URL',
  ),
);

export class EmuDataValidation
  implements
    Pick<
      GDataValidation,
      'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText' | 'copy'
    >
{
  static readonly typeName = 'DataValidation';
  static readonly isBuilder = true;
  constructor(readonly _spec: ValidationSpec) {}
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this._spec.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return structuredClone(this._spec.values);
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  /** null when no help text was set (as documented; the typings say string). */
  getHelpText(): string {
    return this._spec.helpText as string;
  }
  copy(): GDataValidationBuilder {
    return as(new EmuDataValidationBuilder(structuredClone(this._spec)));
  }
}

export class EmuDataValidationBuilder
  implements
    Pick<
      GDataValidationBuilder,
      | 'requireValueInList'
      | 'requireNumberBetween'
      | 'requireCheckbox'
      | 'requireFormulaSatisfied'
      | 'setAllowInvalid'
      | 'setHelpText'
      | 'build'
    >
{
  static readonly typeName = 'DataValidationBuilder';
  static readonly isBuilder = true;
  constructor(
    private _spec: ValidationSpec = {
      criteria: '',
      values: [],
      allowInvalid: true,
      helpText: null,
    },
  ) {}

  _criteria(criteria: string, values: unknown[]): GDataValidationBuilder {
    this._spec = { ...this._spec, criteria, values };
    return as(this);
  }
  requireValueInList(values: string[], showDropdown?: boolean): GDataValidationBuilder {
    return this._criteria('VALUE_IN_LIST', [[...values].map(String), showDropdown ?? true]);
  }
  requireNumberBetween(start: number, end: number): GDataValidationBuilder {
    return this._criteria('NUMBER_BETWEEN', [start, end]);
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): GDataValidationBuilder {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this._criteria('CHECKBOX', values);
  }
  requireFormulaSatisfied(formula: string): GDataValidationBuilder {
    return this._criteria('CUSTOM_FORMULA', [String(formula)]);
  }
  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder {
    this._spec = { ...this._spec, allowInvalid: allowInvalidData };
    return as(this);
  }
  setHelpText(helpText: string): GDataValidationBuilder {
    this._spec = { ...this._spec, helpText: String(helpText) };
    return as(this);
  }
  build(): GDataValidation {
    if (this._spec.criteria === '')
      throw new Error('You must specify a criteria before building a data validation rule.');
    return as(new EmuDataValidation(structuredClone(this._spec)));
  }
}
