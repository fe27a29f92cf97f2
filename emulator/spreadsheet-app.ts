// SpreadsheetApp: the entry point, builders and the enums the add-on uses.
import { EmuConditionalFormatRuleBuilder } from './conditional-format';
import { PASTE_KINDS } from './range-ops';
import { EmuRichTextValueBuilder } from './rich-text';
import { ProtectionType } from './protection';
import { EmuSheet } from './sheet';
import { EmuSpreadsheet } from './spreadsheet';
import type {
  GConditionalFormatRuleBuilder,
  GDataValidationBuilder,
  GRange,
  GSheet,
  GSpreadsheet,
  GSpreadsheetApp,
  GUi,
} from './types';
import { as, enumOf, keysEnum } from './types';
import { EmuTextStyleBuilder } from './text-style';
import { EmuUi } from './ui';
import { DataValidationCriteria, EmuDataValidationBuilder } from './validation';
import type { WorkbookModel } from './workbook-model';

type AppMembers =
  | 'getActiveSpreadsheet'
  | 'newTextStyle'
  | 'getActiveSheet'
  | 'getActiveRange'
  | 'getUi'
  | 'newDataValidation'
  | 'newConditionalFormatRule'
  | 'flush'
  | 'newRichTextValue'
  | 'BorderStyle'
  | 'ProtectionType'
  | 'WrapStrategy'
  | 'DataValidationCriteria'
  | 'BooleanCriteria'
  | 'CopyPasteType';

export class EmuSpreadsheetApp implements Pick<GSpreadsheetApp, AppMembers> {
  static readonly typeName = 'SpreadsheetApp';
  readonly BorderStyle = enumOf<typeof GoogleAppsScript.Spreadsheet.BorderStyle>(
    keysEnum('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'),
  );
  readonly ProtectionType =
    enumOf<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(ProtectionType);
  readonly WrapStrategy = enumOf<typeof GoogleAppsScript.Spreadsheet.WrapStrategy>(
    keysEnum('WRAP', 'OVERFLOW', 'CLIP'),
  );
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = enumOf<typeof GoogleAppsScript.Spreadsheet.BooleanCriteria>(
    keysEnum(
      'CELL_EMPTY',
      'CELL_NOT_EMPTY',
      'CUSTOM_FORMULA',
      'NUMBER_BETWEEN',
      'NUMBER_GREATER_THAN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_LESS_THAN',
      'NUMBER_LESS_THAN_OR_EQUAL_TO',
      'TEXT_CONTAINS',
    ),
  );
  readonly CopyPasteType = enumOf<typeof GoogleAppsScript.Spreadsheet.CopyPasteType>(
    keysEnum(...Object.keys(PASTE_KINDS)),
  );
  constructor(private readonly _wb: WorkbookModel) {}

  getActiveSpreadsheet(): GSpreadsheet {
    return as(new EmuSpreadsheet(this._wb));
  }
  getActiveSheet(): GSheet {
    return as(new EmuSheet(this._wb, this._wb.active));
  }
  getActiveRange(): GRange {
    return as(new EmuSpreadsheet(this._wb).getActiveRange() as object);
  }
  getUi(): GUi {
    return as(new EmuUi(this._wb.ui, this._wb.addonName, () => this._wb.userLocale));
  }
  newDataValidation(): GDataValidationBuilder {
    return as(new EmuDataValidationBuilder());
  }
  newRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValueBuilder {
    return as(new EmuRichTextValueBuilder());
  }
  newTextStyle(): GoogleAppsScript.Spreadsheet.TextStyleBuilder {
    return as(new EmuTextStyleBuilder());
  }
  newConditionalFormatRule(): GConditionalFormatRuleBuilder {
    return as(new EmuConditionalFormatRuleBuilder(this._wb));
  }
  /** Nothing is pending in the emulator: every write is applied at once. */
  flush(): void {}
}
