/**
 * Settles, in a real spreadsheet, the platform readings Google's reference leaves open and
 * the emulator switches between. A maintainer runs `cjmSelfCheck` from the Apps Script editor
 * (it is not on the user's menu); it probes on a scratch sheet, removes it, and writes a report
 * sheet that says which reading holds and which emulator option matches it.
 */
import { asText } from './values';
import { insertUniqueSheet } from './sheet-names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Finding {
  question: string;
  answer: string;
  /** the createWorkbook option that makes the emulator behave like this, or what to do */
  emulator: string;
}

const PROBE_NAME = 'CJM_SELFCHECK_PROBE';

function separators(scratch: GoogleAppsScript.Spreadsheet.Sheet, locale: string): Finding {
  const cells = scratch.getRange(1, 1, 2, 1);
  cells.setFormulas([['=SUM(1,2)'], ['=SUM(1;2)']]);
  SpreadsheetApp.flush();
  const [comma, semicolon] = cells.getValues().map((r) => r[0] === 3);
  const answer =
    comma && !semicolon ? 'comma' : semicolon && !comma ? 'locale' : comma ? 'both' : 'neither';
  return {
    question: `Formula argument separator accepted by setFormulas in ${locale}: "," or the locale's ";"`,
    answer,
    emulator:
      answer === 'locale'
        ? "formulaSeparators: 'locale'"
        : answer === 'comma'
          ? "formulaSeparators: 'comma'"
          : 'either; the add-on works under both',
  };
}

function plainText(scratch: GoogleAppsScript.Spreadsheet.Sheet): Finding[] {
  const formula = scratch.getRange(1, 2).setNumberFormat('@');
  formula.setValue('=1+1');
  const quoted = scratch.getRange(2, 2).setNumberFormat('@');
  quoted.setValue("'abc");
  const plain = scratch.getRange(1, 3);
  plain.setValue("'=1+1");
  const plus = scratch.getRange(2, 3);
  plus.setValue('+1');
  SpreadsheetApp.flush();
  const protects = formula.getFormula() === '';
  const kept = quoted.getValue() === "'abc";
  return [
    {
      question: 'A script writes "=1+1" into a plain-text ("@") cell: does it stay text?',
      answer: protects ? 'yes, text' : 'no, a formula',
      emulator: `plainTextProtects: ${protects}`,
    },
    {
      question: `A script writes "'abc" into a plain-text ("@") cell: what does getValue return?`,
      answer: kept ? "'abc (the apostrophe is kept)" : 'abc (the apostrophe is hidden)',
      emulator: kept
        ? 'not modelled: the emulator hides it. The add-on writes user text with an apostrophe; report this (docs/design.md, "Text stays text")'
        : 'as modelled',
    },
    {
      question: `A script writes "'=1+1" into an automatic cell: text without the apostrophe?`,
      answer:
        plain.getFormula() === '' && plain.getValue() === '=1+1'
          ? 'yes'
          : `no: ${JSON.stringify(plain.getValue())}`,
      emulator: 'as modelled (the add-on relies on this)',
    },
    {
      question: 'A script writes "+1" into an automatic cell: is it parsed as if typed?',
      answer: typeof plus.getValue() === 'number' ? 'yes, the number 1' : 'no, text',
      emulator: 'as modelled (strings are parsed as if typed)',
    },
  ];
}

function namedRangeOfDeletedSheet(ss: Spreadsheet): Finding {
  const { sheet } = insertUniqueSheet(ss, 'CJM self-check probe', 1);
  ss.setNamedRange(PROBE_NAME, sheet.getRange(1, 1));
  ss.deleteSheet(sheet);
  const listed = ss.getNamedRanges().some((n) => n.getName() === PROBE_NAME);
  let byName = 'null';
  try {
    byName = ss.getRangeByName(PROBE_NAME) ? 'a range' : 'null';
  } catch (e) {
    byName = `throws: ${e instanceof Error ? e.message : String(e)}`;
  }
  try {
    ss.removeNamedRange(PROBE_NAME);
  } catch {
    // already gone with its sheet
  }
  return {
    question:
      'A named range whose sheet was deleted: still listed by getNamedRanges()? What does getRangeByName give?',
    answer: `${listed ? 'listed' : 'not listed'}; getRangeByName → ${byName}`,
    emulator:
      listed || byName !== 'null'
        ? 'differs from the emulator (not listed, null): tell the team'
        : 'as modelled',
  };
}

/** Runs every probe, removes its scratch sheets, and writes the report sheet; returns its name. */
export function selfCheck(ss: Spreadsheet): string {
  const locale = ss.getSpreadsheetLocale();
  const { sheet: scratch } = insertUniqueSheet(ss, 'CJM self-check scratch', 4);
  let findings: Finding[];
  try {
    findings = [separators(scratch, locale), ...plainText(scratch), namedRangeOfDeletedSheet(ss)];
  } finally {
    ss.deleteSheet(scratch);
  }
  const { sheet: report, name } = insertUniqueSheet(ss, 'CJM self-check', 3);
  // The date probe is live: custom functions compute after this run, so its answer shows in the
  // sheet.
  const dateRow = findings.length + 3;
  const rows = [
    ['Question', 'Reading found', 'Emulator (createWorkbook option)'],
    ...findings.map((f) => [f.question, f.answer, f.emulator]),
    [
      `What a custom function gets for a date cell (row ${dateRow}: a date, row ${dateRow + 1}: CJM_REVENUE of it)`,
      `see B${dateRow + 1}`,
      `an error naming a date = Date objects (as modelled); a number = serial numbers: tell the team`,
    ],
  ];
  report.getRange(1, 1, rows.length, 3).setValues(rows.map((r) => r.map((c) => asText(c))));
  report.getRange(dateRow, 1, 2, 2).setValues([
    [asText('date'), new Date(2026, 0, 15)],
    [asText('=CJM_REVENUE(date, 1, 1, 1)'), `=CJM_REVENUE(B${dateRow},1,1,1)`],
  ]);
  report.setColumnWidths(1, 3, 360);
  return name;
}
