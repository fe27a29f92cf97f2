import { translate } from './translate';
import { SHARED_EN, SHARED_RU } from './words-shared';
import { REVIEW_EN, REVIEW_RU } from './i18n-review';
import { STEP_HELP_EN, STEP_HELP_RU } from './i18n-steps';

/**
 * The one RU/EN catalogue of user-facing words (the server's part; the sidebar's own words
 * are in i18n-ui.ts, and words both show in words-shared.ts). `ru` is typed against `en`, so a
 * string added in one language and forgotten in the other fails the type check.
 */

export type Lang = 'en' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'ru'];

/** A spreadsheet or user locale ("ru_RU", "en_US", "ru") to the map language. */
export function languageOf(locale: string | null | undefined): Lang {
  return /^(ru|be|uk|kk)/i.test(locale ?? '') ? 'ru' : 'en';
}

const en = {
  ...SHARED_EN,
  ...REVIEW_EN,
  ...STEP_HELP_EN,
  'menu.wizard': 'Open the wizard',
  'menu.newMap': 'New map…',
  'menu.addStage': 'Add stage',
  'menu.removeStage': 'Remove stage',
  'menu.moveLeft': 'Move stage left',
  'menu.moveRight': 'Move stage right',
  'menu.rename': 'Rename the map…',
  'menu.portfolio': 'Portfolio',
  'menu.formulaHelp': 'Formula help',
  'menu.importTable': 'Make a map from this table…',
  'map.title': 'Customer journey map',
  'row.name': 'Customer journey map',
  'row.persona': 'Persona',
  'row.goal': 'Goal of the map',
  'row.owner': 'Owner',
  'row.reviewed': 'Last reviewed',
  'row.header': 'Stage',
  'row.nextReview': 'Next review',
  'row.content': 'Content and materials',
  'row.cardSection': 'Persona and product',
  'row.personaName': 'Persona: name',
  'row.personaAge': 'Age',
  'row.personaGender': 'Gender',
  'row.personaEducation': 'Education',
  'row.personaProfession': 'Profession, field',
  'row.personaIncome': 'Income',
  'row.personaInterests': 'Interests',
  'row.personaTraits': 'Character traits',
  'row.personaGoals': 'Goals',
  'row.productValue': 'Product: real value for the customer',
  'row.productAdvantages': 'Competitive advantages',
  'row.productSubstitutes': 'Substitutes',
  'row.productSeasonality': 'Seasonality',
  'row.productDemand': 'Type of demand',
  'row.jobs': 'Jobs to be done (one per line)',
  'hint.content': 'Materials that answer the questions and warm the customer up',
  'note.content':
    'Own and external materials: articles, reviews, videos, cases. Which topics and reviews are missing?',
  'note.jobs':
    'Recurring purchase motives and scenarios, e.g. "buyer of top models expects novelties and expert sellers".',
  'hint.cardSection': 'Who the map is for and what we sell them',
  'row.job': 'Customer goal / job to be done',
  'row.actions': 'Customer actions',
  'row.questions': 'Customer questions',
  'row.touchpoints': 'Touchpoints',
  'row.channels': 'Channels: where the audience is',
  'row.barriers': 'Barriers',
  'row.barrierType': 'Barrier type',
  'row.drivers': 'Drivers',
  'row.driverType': 'Driver type',
  'row.score': 'Experience score (1–5)',
  'row.evidence': 'Evidence level',
  'row.weakSpots': 'Weak spots and ideas',
  'row.kpiSection': 'KPIs and economics: L × C × P × Q',
  'row.role': 'Funnel role (L, C or Q)',
  'row.customers': 'Customers reaching the stage',
  'row.target': 'Target step conversion',
  'row.step': 'Step conversion',
  'row.overall': 'Overall conversion',
  'row.dropOff': 'Drop-off',
  'row.weakest': 'Weakest transition',
  'row.curve': 'Emotion curve',
  'hint.header': 'Stages, first contact to loyal customer →',
  'hint.job': 'What the customer wants to get done here',
  'hint.actions': 'What the customer does',
  'hint.questions': 'What they ask themselves, aloud or not',
  'hint.touchpoints': 'Where they meet us: site, office, ads, reviews, messengers',
  'hint.channels': 'Where the audience lives: networks, chats, media, places',
  'hint.barriers': 'What stops them',
  'hint.barrierType': 'Pick: inconvenience, unclarity, insufficiency',
  'hint.drivers': 'What pushes them on',
  'hint.driverType': 'Pick: convenience, clarity, quality',
  'hint.score': '1 = very bad … 5 = excellent',
  'hint.evidence': 'How sure we are',
  'hint.weakSpots': 'Where and why customers drop off; what to change',
  'hint.kpiSection': 'Yellow cells are inputs; grey cells compute',
  'hint.role': 'L = brings leads, C = the deal, Q = repeat purchases',
  'hint.customers': 'How many reached each stage in the period',
  'hint.target': 'The step conversion you aim for',
  'hint.step': 'Reached this ÷ reached the previous stage',
  'hint.overall': 'Reached this ÷ reached the first stage',
  'hint.dropOff': 'Customers lost since the previous stage',
  'econ.leads': 'customers at the first L stage',
  'roles.guessed':
    "⚠ Guessed from the order of the stages: check which stage is the deal (C), here or on the wizard's step 3, and save that step",
  'roles.revenue': '⚠ counted with guessed funnel roles: check the row «{row}»',
  'econ.conversion': 'first C stage ÷ L',
  'warn.notNumber': '⚠ not a number',
  'warn.text': '⚠ “{value}” is text, not a number: type a number, without an apostrophe or spaces',
  'warn.negative': '⚠ less than 0',
  'warn.morePrevious': '⚠ more than the previous stage',
  'warn.conversion': '⚠ needs counts: above 0 at L, at C not above L',
  'warn.revenue': '⚠ check and purchases must be numbers of 0 or more',
  'warn.step': '⚠ needs counts: above 0 at the first stage, not above it here',
  'warn.targetAbove': ' is above 100 %: type the target as a percent, e.g. 30 %',
  'note.segment': 'One map = one segment + product pair. Build a map for each main pair.',
  'note.persona':
    'A real customer or a composite of the segment: name, age, income, interests, goals.',
  'note.job': 'Jobs to be done: the recurring motive that brings the customer here.',
  'note.questions':
    'Conscious and unconscious questions that arise at this stage. Each needs an answer in some material.',
  'note.touchpoints':
    'Own (site, office, mailings) and external (search, maps, reviews, aggregators) places of contact.',
  'note.channels': 'Where the audience lives: targeting, hooks and offers that reach them there.',
  'note.barriers':
    'What stops the customer. Types: inconvenience, unclarity, insufficiency (missing options, choice).',
  'note.drivers': 'What pushes the customer on. Types: convenience, clarity, quality.',
  'note.score':
    'How satisfied customers are at this stage (surveys, reviews, data). 2 or less is marked red.',
  'note.evidence': 'Assumption, partly validated, or backed by data.',
  'note.weakSpots': 'Where and why customers drop off, and what to change first.',
  'note.role':
    'Which lever of revenue = L × C × P × Q this stage moves. L and C below are computed from these roles.',
  'note.customers':
    'Customers who reached each stage in the period. Step and overall conversion are computed from these.',
  'note.target':
    'Target step conversion. A step below its target is marked red; the weakest transition uses these.',
  'note.revenue':
    'Potential revenue of this segment + product pair; the Portfolio ranks maps by it.',
  'note.weakest':
    'The transition with the lowest step conversion, or the largest shortfall against targets: the first candidate for improvement.',
  'choice.barrierType': 'Inconvenience|Unclarity|Insufficiency',
  'choice.driverType': 'Convenience|Clarity|Quality',
  'choice.evidence': 'Assumption|Partly validated|Data-backed',
  'valid.choice': 'Pick a value from the list.',
  'valid.score': 'Enter a whole score from 1 (very bad) to 5 (excellent).',
  'valid.count': 'Enter a number of customers, 0 or more.',
  'valid.share': 'Enter a share from 0% to 100%.',
  'valid.money': 'Enter an amount, 0 or more.',
  'valid.role': 'L (leads), C (deal) or Q (repeat purchases).',
  'stage.default': 'Stage {n}',
  'stage.new': 'New stage',
  'portfolio.sheet': 'Portfolio',
  'portfolio.title': 'Portfolio of journey maps: which segment + product pair to work on first',
  'portfolio.rank': 'Rank',
  'portfolio.map': 'Map',
  'portfolio.revenue': 'Revenue',
  'portfolio.segment': 'Segment',
  'portfolio.product': 'Product',
  'portfolio.id': 'Map id',
  'portfolio.missing': '(map {id} was deleted)',
  'portfolio.notMap': '(map {id}: its sheet no longer holds it)',
  'portfolio.skippedDeleted':
    '{n} {n|map was|maps were} left out because {n|its sheet was|their sheets were} deleted ({ids}).',
  'portfolio.skippedNotMap':
    '{n} {n|map was|maps were} left out because {n|its sheet no longer holds it|their sheets no longer hold them} ({sheets}). A map keeps its line \u201cCJM map \u2026\u201d (in a Russian map \u201cКарта CJM \u2026\u201d) in cell {cell}; undo inserted or deleted rows above it.',
  'portfolio.skippedRows':
    '{n|Its row stays|Their rows stay} at the bottom of the portfolio with your notes; delete a row when you no longer need it.',
  'portfolio.note':
    'Ranked by potential revenue. Values are live formulas on each map\u2019s named cells. Columns to the right are yours: Rebuild keeps them.',
  'preset.checklist6': 'Six steps from cold to loyal (checklist method)',
  'preset.purchase5': 'Purchase stages: awareness to after-sales',
  'preset.funnel5': 'Classic five-stage funnel',
  'preset.custom': 'My own stages',
  'err.notMap':
    'This sheet is not a CJM map. Select a cell in a map sheet, or create one with Extensions → CJM → New map.',
  'err.damaged':
    'This sheet is not a CJM map or damaged: {reason}. Undo the last changes (Ctrl+Z) or repair it as said, then try again; nothing was changed.',
  'err.lock':
    'Another change to this spreadsheet is still running. Wait a few seconds and try again.',
  'err.selectStage': 'Select a cell in a stage column (from column C on) first.',
  'err.minStages': 'A map needs at least {n} {n|stage|stages}, so this one cannot be removed.',
  'err.maxStages': 'A map can have at most {n} {n|stage|stages}.',
  'err.edge': 'This stage is already at the edge of the map.',
  'confirm.removeTitle': 'Remove the stage "{name}"?',
  'confirm.removeBody':
    'It holds {n} filled {n|cell|cells}. {n|It|They} will be deleted with the stage.',
  'prompt.renameTitle': 'Rename the map',
  'prompt.renameBody': 'New name for the map (the sheet is renamed too):',
  'wizard.stateReset':
    'The saved wizard progress was damaged and has been reset. Your map is untouched.',
  'plan.statuses': 'Planned|In progress|Done',
  'plan.sheet': '{name} · plan',
  'plan.title': 'Action plan: {name}',
  'plan.rank': 'Rank',
  /** the lever of an action on a step, as the plan's lever column shows it */
  'plan.stepLever': 'Step',
  'chart.funnel': 'Customers by stage',
  'chart.curve': 'Experience score by stage',
  'field.mapName': 'Map name',
  'wizard.copiedSheet':
    'This sheet is a copy of the map "{name}"; the wizard works on that map, not on the copy. To make the copy a map of its own, choose Extensions → CJM → Rename the map… on it.',
  'err.copiedMap':
    'This sheet is a copy of the map on sheet "{sheet}" and carries its id, so the add-on does not work on it: a change here could reach that map. To make this sheet a map of its own (a new id and stage ids, no plan yet; nothing of the original changes), choose Extensions → CJM → Rename the map… here and give it a name. To work on the map itself, go to sheet "{sheet}". Nothing was changed.',
  'prompt.renameCopy':
    'This sheet is a copy of the map on sheet "{sheet}". Give it a name to make it a map of its own: it gets a new id and stage ids and no plan yet; the original is not touched. New name:',
  'field.required': 'Fill this in.',
  'field.number': 'Enter a number, 0 or more.',
  'field.share': 'Enter a percentage from 0% to 100%.',
  'field.score': 'Enter a whole score from 1 to 5.',
  'field.date': 'Enter a date as {format}, e.g. {example}.',
  'field.change':
    'Write the change with its unit: {forms}; a number alone does not say what it means.',
  'field.changeLever':
    'For this lever write {forms} (points move conversion only; an amount, only the lever counted in it).',
  'err.mapGone':
    'This map is no longer in the spreadsheet (its sheet was deleted). Pick another map.',
  'err.planHeaderGone':
    'The header row of the action plan (sheet "{sheet}") was deleted, so the add-on cannot tell which rows hold your actions and writes nothing there. Undo the deletion (Ctrl+Z) and try again; to start the plan afresh instead, delete that sheet.',
  'err.planColumns':
    'The columns of the action plan (sheet "{sheet}") were changed: a column was inserted, deleted or moved, or a cell of its header row {row} was cleared. The add-on cannot tell which cells hold your actions and writes nothing there. Undo that change (Ctrl+Z), so that row {row} reads from column A: {columns}; then try again.',
  'metrics.badCount': '{stage}: the customer count "{value}" is not a number of 0 or more',
  'metrics.textCount':
    '{stage}: the customer count "{value}" is text, so the map does not count it; type the number without an apostrophe or spaces',
  'metrics.textTarget':
    '{stage}: the target "{value}" is text, so the map does not judge against it; type it as a number without an apostrophe, e.g. 30 %',
  'metrics.textValue':
    '{field}: "{value}" is text, so the revenue is not computed; type the number without an apostrophe or spaces',
  'metrics.badTarget':
    '{stage}: the target reads as {value}; a target is a share from 0 to 100 % (type 30 %, not 30)',
  'metrics.moreThanPrevious':
    '{stage}: {n} {n|customer is|customers is} more than the {prev} of the stage before it; check the counts or the order of the stages',
  'confirm.removeFormulas':
    '{cells} will show #REF!: {n|its formula refers|their formulas refer} to this stage alone.',
  'confirm.removeUnchecked':
    'Whether {n|the formula in|the formulas in} {cells} {n|refers|refer} to this stage cannot be told from {n|its|their} text (INDIRECT, OFFSET or a named range): check {n|it|them} after the removal.',
  'err.outsideFormula':
    'Removing the stage "{name}" would break the {n|formula|formulas} in {cells}, right of the map: {n|it refers|they refer} to column {col} alone, which goes with the stage (Sheets would show #REF!). Change or clear {n|that formula|those formulas} and try again. Nothing was changed.',
  'err.markerTaken':
    'Cell {cell} should hold the marker of the stage "{name}" (a line starting with "CJM stage"), but holds "{found}". Move that text to another cell and try again: without its marker the stage cannot be followed when columns move. Nothing was changed.',
  'err.stageGone':
    'This stage is no longer on the map: someone removed it meanwhile. Nothing was changed; look at the map and try again.',
  'err.protected':
    'This cannot be done: {place} is protected, and only its owner and the editors they chose may change it. Ask them for access or to remove the protection (Data → Protect sheets and ranges), then try again. Nothing was changed.',
  'err.protectedRange': 'the range {range} of the sheet "{sheet}"',
  'err.protectedSheet': 'the sheet "{sheet}"',
  'err.protectedDescribed': '{place} ("{description}")',
  'note.hiddenStagesTitle': 'Hidden stages',
  'note.hiddenStages':
    '{n|The stage|The stages} {names} {n|is|are} hidden (column {cols}): {n|it stays|they stay} on the map and in its funnel, and {n|moves|move} with every stage edit. To see {n|it|them}, select the columns around {n|it|them} and choose Unhide columns from the right-click menu.',
  'err.mergeCut':
    'This cannot be done: the column it would insert, delete or move cuts through the merged cells {range} of the sheet "{sheet}", which Sheets does not allow. Unmerge them (Format → Merge cells → Unmerge), then try again. Nothing was changed.',
  'err.mergeHides':
    'Nothing was saved: cell {cell} is hidden under the merged cells {range}, so what you typed there would not show. Unmerge them (Format → Merge cells → Unmerge) and save again; what you typed is still in the form.',
  'err.moveNarrows':
    'Not moved: moving the stage "{name}" would change which stages your formulas in {cells} cover (Sheets moves the edge of a range with the column at its edge). Rewrite those formulas so that no range starts or ends at this stage or the one it would swap with, then move it.',
  'err.stageChanged':
    'The map changed while you were deciding (someone edited it). Nothing was changed; try again.',
  'err.wrongMap':
    'This map\'s named cells point to the sheet "{name}", which holds another map (they were moved or copied). Nothing was changed; recreate the map or fix its named ranges (Data → Named ranges).',
  'wizard.stageGoneSaved':
    'Someone removed the stage "{name}" while you edited it, so these values were not saved: {values}.',
  'err.unknownField':
    'The form sent a field this step does not have ({field}). Reload the sidebar and try again.',
  'field.tooLong': 'At most {n} {n|character|characters}.',
  'name.control':
    'A name cannot hold line breaks or other control characters: type it on one line.',
  'name.mapTooLong': "A map's name has at most {n} characters (this one has {length}): shorten it.",
  'name.stageTooLong':
    "A stage's name has at most {n} characters (this one has {length}): shorten it.",
  'valid.mapName':
    "⚠ A map's name has at most {n} characters: shorten it, so its sheets and the portfolio show it whole.",
  'valid.stageName':
    "⚠ A stage's name has at most {n} characters: shorten it, so the charts, the plan and the poster show it whole.",
  'field.choose': 'Pick one of the options.',
  'field.stages': 'Give {min} to {max} stage names, one per line.',
  'field.invalid': 'This value is not valid; check it and try again.',
  'err.badRequest': 'The form could not be read: {reason}. Reopen it and try again.',
  'err.badFields': 'these fields are missing or malformed: {fields}',
  'err.textTooLong':
    'A text you typed is longer than a cell of Sheets holds (at most {n} characters): {fields}. Shorten it and save again; what you typed is still in the form.',
  'damage.label': 'row {row} should be "{expected}" but is "{found}"',
  'damage.footer':
    'the line "CJM map …" at the bottom of the map (cell {cell}) is missing or changed',
  'damage.noStages': 'no stage columns were found (from column C on)',
  'damage.version':
    'the map was made by a newer version of the add-on (template v{version}); update the add-on',
  'damage.columnBeforeA':
    'a column was inserted before column A: the row labels are now in column {col}. Delete the inserted column',
  'damage.sideDeleted':
    "column B (the map's name, segment, P and Q) was deleted: column B now holds a stage",
  'damage.columnInserted':
    'a column was inserted at column {col}, between the row labels and the stages. Delete column {col}',
  'damage.sideMarker': 'cell {cell} should say "{expected}" but says "{found}"',
  'damage.emptyColumn':
    'column {col} inside the map holds no stage: name it in row {row} to make it a stage, or delete the column',
  'poster.file': 'poster',
  'poster.kpiLeads': 'Leads (L)',
  'poster.kpiConversion': 'Conversion (C)',
  'poster.kpiCheck': 'Average check (P)',
  'poster.kpiPurchases': 'Purchases (Q)',
  'poster.kpiRevenue': 'Revenue',
  'poster.rolesGuessed': '⚠ funnel roles guessed',
  'poster.funnel': 'Funnel: customers and step conversion',
  'poster.target': 'target {value}',
  'poster.weakestStep': 'Step conversion {step}',
  'poster.lost': 'Customers lost here: {n}',
  'poster.noWeakest': 'Not known yet: fill in the customers of each stage.',
  'poster.top': 'Top actions by revenue impact',
  'poster.noActions': 'No actions planned yet: add them in the wizard\u2019s Action plan step.',
  'poster.problems': 'Check the data',
  'poster.footer':
    'Journey poster of the map \u201c{name}\u201d \u00b7 CJM for Google Sheets \u00b7 revenue = L \u00d7 C \u00d7 P \u00d7 Q',
  // totals and links of the plan and portfolio sheets
  'plan.openMap': 'Open the map',
  'portfolio.after': 'Revenue after the plan',
  'portfolio.total': 'Total',
  'portfolio.change': 'Revenue change since the last review',
  'portfolio.progress': 'Progress to the revenue goal',
  'portfolio.due': 'Review due',
  'portfolio.overdue': '⚠ overdue',
  'portfolio.dueToday': '⚠ due today',
  'portfolio.dueNotice':
    'Due for a review: {names}. On the map, choose Extensions → CJM → Record a review.',
  'portfolio.unmovedFormulas':
    '{n|Your formula in|Your formulas in} {cells} moved with {n|its|their} map and {n|was|were} written as you typed {n|it|them}: which cells {n|it refers|they refer} to cannot be told from {n|its|their} text (INDIRECT, OFFSET or a named range), or a reference would fall above row 1. Check that {n|it still refers|they still refer} to {n|its|their} map\u2019s row.',
  // Make a map from this table
  'import.phase': 'Phase: {phase}',
  'import.keptCaption':
    'From the table {range} on the sheet “{sheet}”: what the map has no row for, with the labels it had there',
  'import.keep': 'Keep it with its label (not a map row)',
  'import.source': 'Table {range} on the sheet “{sheet}”. It stays as it is.',
  'import.names': 'Stage names: {range} ({n} {n|stage|stages}).',
  'import.noNames': 'No row of stage names was found: the stages are numbered ({n}).',
  'import.down': 'The stages run down the table: it is read turned.',
  'import.phases': 'Phases over the stages: {phases}. Each stays in the notes of its stages.',
  'import.errors': 'Cells {cells} show formula errors: their text is imported as it is.',
  'import.rows': 'Rows of your table and where each goes in the map',
  'import.label': 'In your table',
  'import.target': 'In the map',
  'import.values': 'What it holds',
  'import.title': 'Above the table',
  'import.unmatched': 'What matches no row of the map',
  'import.asRows': 'Rows under the map, with their labels',
  'import.asNotes': 'Notes on the stage names',
  'import.create': 'Create the map',
  'err.importEmpty':
    'There is no table here: the selected cell is empty and so is everything around it. Select a table (or one cell of it) and run Extensions → CJM → Make a map from this table again.',
  'err.importTwoTables':
    'The selection holds two tables, {first} and {second}. Select one of them (or one cell of it) and try again. Nothing was changed.',
  'err.importTooBig':
    'The table at {range} goes on past the {rows} rows × {cols} columns the add-on reads at once. Select the table itself, with at most {n} stages, and try again. Nothing was changed.',
  'err.importManyStages':
    'The table has {count} stages, and a map holds at most {n} {n|stage|stages}. Select the row labels with at most {n} stages (or make two maps of it) and try again. Nothing was changed.',
  'err.importFewStages':
    'The table has {count} {count|stage|stages}, and a map needs at least {n}. Select a table with its stage names across the top row (or down the first column) and try again.',
  'err.importTooLong':
    'The table holds {count} characters, more than the {n} the add-on carries at once. Select a part of it and try again. Nothing was changed.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;

const ru: Catalogue = {
  ...SHARED_RU,
  ...REVIEW_RU,
  ...STEP_HELP_RU,
  'menu.wizard': 'Открыть мастер',
  'menu.newMap': 'Новая карта…',
  'menu.addStage': 'Добавить этап',
  'menu.removeStage': 'Удалить этап',
  'menu.moveLeft': 'Сдвинуть этап влево',
  'menu.moveRight': 'Сдвинуть этап вправо',
  'menu.rename': 'Переименовать карту…',
  'menu.portfolio': 'Портфель карт',
  'menu.formulaHelp': 'Справка по формулам',
  'menu.importTable': 'Сделать карту из этой таблицы…',
  'map.title': 'Карта пути клиента',
  'row.name': 'Карта пути клиента',
  'row.persona': 'Персона',
  'row.goal': 'Цель карты',
  'row.owner': 'Ответственный',
  'row.reviewed': 'Последний пересмотр',
  'row.header': 'Этап',
  'row.nextReview': 'Следующий пересмотр',
  'row.content': 'Контент и материалы',
  'row.cardSection': 'Персона и продукт',
  'row.personaName': 'Персона: имя',
  'row.personaAge': 'Возраст',
  'row.personaGender': 'Пол',
  'row.personaEducation': 'Образование',
  'row.personaProfession': 'Профессия, сфера',
  'row.personaIncome': 'Доход',
  'row.personaInterests': 'Интересы',
  'row.personaTraits': 'Черты характера',
  'row.personaGoals': 'Цели',
  'row.productValue': 'Продукт: реальная ценность для клиента',
  'row.productAdvantages': 'Конкурентные преимущества',
  'row.productSubstitutes': 'Товары-заменители',
  'row.productSeasonality': 'Сезонность',
  'row.productDemand': 'Тип спроса',
  'row.jobs': 'Работы клиента, JTBD (по одной в строке)',
  'hint.content': 'Материалы, которые отвечают на вопросы и «прогревают»',
  'note.content':
    'Свои и внешние материалы: статьи, отзывы, видео, кейсы. Каких тем и отзывов не хватает?',
  'note.jobs':
    'Повторяющиеся мотивы и сценарии покупки, например «покупатель топовых моделей ждёт новинок и экспертных продавцов».',
  'hint.cardSection': 'Для кого карта и что мы продаём',
  'row.job': 'Цель клиента / работа (JTBD)',
  'row.actions': 'Действия клиента',
  'row.questions': 'Вопросы клиента',
  'row.touchpoints': 'Точки контакта',
  'row.channels': 'Каналы: где аудитория',
  'row.barriers': 'Барьеры',
  'row.barrierType': 'Тип барьера',
  'row.drivers': 'Драйверы',
  'row.driverType': 'Тип драйвера',
  'row.score': 'Оценка опыта (1–5)',
  'row.evidence': 'Уровень доказательности',
  'row.weakSpots': 'Слабые места и идеи',
  'row.kpiSection': 'KPI и экономика: L × C × P × Q',
  'row.role': 'Роль в воронке (L, C или Q)',
  'row.customers': 'Клиентов дошло до этапа',
  'row.target': 'Целевая конверсия шага',
  'row.step': 'Конверсия шага',
  'row.overall': 'Общая конверсия',
  'row.dropOff': 'Отток',
  'row.weakest': 'Самый слабый переход',
  'row.curve': 'Кривая эмоций',
  'hint.header': 'Этапы: от первого контакта до лояльного клиента →',
  'hint.job': 'Чего клиент хочет добиться на этом этапе',
  'hint.actions': 'Что делает клиент',
  'hint.questions': 'Какие вопросы возникают (осознанные и нет)',
  'hint.touchpoints': 'Где встречается с нами: сайт, офис, реклама, отзывы, мессенджеры',
  'hint.channels': 'Где «обитает» аудитория: соцсети, чаты, СМИ, места',
  'hint.barriers': 'Что мешает',
  'hint.barrierType': 'Выберите: неудобство, неясность, недостаточность',
  'hint.drivers': 'Что подталкивает дальше',
  'hint.driverType': 'Выберите: удобство, понятность, качество',
  'hint.score': '1 — очень плохо … 5 — отлично',
  'hint.evidence': 'Насколько мы уверены',
  'hint.weakSpots': 'Где и почему клиенты уходят; что изменить',
  'hint.kpiSection': 'Жёлтые ячейки — ввод, серые — расчёт',
  'hint.role': 'L — приносит лиды, C — сделка, Q — повторные покупки',
  'hint.customers': 'Сколько клиентов дошло до этапа за период',
  'hint.target': 'Конверсия шага, к которой стремимся',
  'hint.step': 'Дошли сюда ÷ дошли до предыдущего этапа',
  'hint.overall': 'Дошли сюда ÷ дошли до первого этапа',
  'hint.dropOff': 'Сколько клиентов потеряно после предыдущего этапа',
  'econ.leads': 'клиенты на первом этапе L',
  'roles.guessed':
    '⚠ Угаданы по порядку этапов: проверьте, какой этап — сделка (C), здесь или на шаге 3 мастера, и сохраните этот шаг',
  'roles.revenue': '⚠ посчитано по угаданным ролям этапов: проверьте строку «{row}»',
  'econ.conversion': 'первый этап C ÷ L',
  'warn.notNumber': '⚠ не число',
  'warn.text': '⚠ «{value}» — текст, а не число: введите число без апострофа и пробелов',
  'warn.negative': '⚠ меньше 0',
  'warn.morePrevious': '⚠ больше, чем на предыдущем этапе',
  'warn.conversion': '⚠ нужны числа клиентов: на L больше 0, на C не больше, чем на L',
  'warn.revenue': '⚠ средний чек и покупки должны быть числами от 0',
  'warn.step': '⚠ нужны числа клиентов: на первом этапе больше 0, здесь не больше',
  'warn.targetAbove': ' — больше 100 %: введите цель в процентах, например 30 %',
  'note.segment':
    'Одна карта — одна пара «сегмент + продукт». Постройте карту для каждой основной пары.',
  'note.persona':
    'Реальный клиент или собирательный образ сегмента: имя, возраст, доход, интересы, цели.',
  'note.job': 'Jobs to be done: повторяющийся мотив, который приводит клиента сюда.',
  'note.questions':
    'Осознанные и неосознанные вопросы на этом этапе. На каждый нужен ответ в каком-то материале.',
  'note.touchpoints':
    'Свои (сайт, офис, рассылки) и внешние (поиск, карты, отзывы, агрегаторы) точки контакта.',
  'note.channels': 'Где «обитает» аудитория: таргетинг, зацепки и офферы, которые до неё дойдут.',
  'note.barriers':
    'Что останавливает клиента. Типы: неудобство, неясность, недостаточность (нет вариантов, выбора).',
  'note.drivers': 'Что подталкивает клиента дальше. Типы: удобство, понятность, качество.',
  'note.score':
    'Насколько клиенты довольны этим этапом (опросы, отзывы, данные). 2 и ниже выделяется красным.',
  'note.evidence': 'Гипотеза, частично проверено или подтверждено данными.',
  'note.weakSpots': 'Где и почему клиенты уходят и что изменить в первую очередь.',
  'note.role':
    'Какой рычаг выручки = L × C × P × Q двигает этот этап. L и C ниже считаются по этим ролям.',
  'note.customers':
    'Сколько клиентов дошло до каждого этапа за период. Из этого считаются конверсии.',
  'note.target':
    'Целевая конверсия шага. Шаг ниже цели выделяется красным; по целям ищется самый слабый переход.',
  'note.revenue':
    'Потенциальная выручка пары «сегмент + продукт»; по ней карты ранжируются в портфеле.',
  'note.weakest':
    'Переход с наименьшей конверсией шага или с наибольшим отставанием от цели — первый кандидат на улучшение.',
  'choice.barrierType': 'Неудобство|Неясность|Недостаточность',
  'choice.driverType': 'Удобство|Понятность|Качество',
  'choice.evidence': 'Гипотеза|Частично проверено|Подтверждено данными',
  'valid.choice': 'Выберите значение из списка.',
  'valid.score': 'Введите целую оценку от 1 (очень плохо) до 5 (отлично).',
  'valid.count': 'Введите число клиентов, 0 или больше.',
  'valid.share': 'Введите долю от 0% до 100%.',
  'valid.money': 'Введите сумму, 0 или больше.',
  'valid.role': 'L (лиды), C (сделка) или Q (повторные покупки).',
  'stage.default': 'Этап {n}',
  'stage.new': 'Новый этап',
  'portfolio.sheet': 'Портфель',
  'portfolio.title': 'Портфель карт: с какой парой «сегмент + продукт» работать в первую очередь',
  'portfolio.rank': 'Место',
  'portfolio.map': 'Карта',
  'portfolio.revenue': 'Выручка',
  'portfolio.segment': 'Сегмент',
  'portfolio.product': 'Продукт',
  'portfolio.id': 'Код карты',
  'portfolio.missing': '(карта {id} удалена)',
  'portfolio.notMap': '(карта {id}: её лист больше её не содержит)',
  'portfolio.skippedDeleted':
    '{n|Пропущена|Пропущены|Пропущено} {n} {n|карта|карты|карт}: {n|её лист удалён|их листы удалены|их листы удалены} ({ids}).',
  'portfolio.skippedNotMap':
    '{n|Пропущена|Пропущены|Пропущено} {n} {n|карта|карты|карт}: {n|её лист больше её не содержит|их листы больше их не содержат|их листы больше их не содержат} ({sheets}). У карты в ячейке {cell} стоит строка «Карта CJM …» (или «CJM map …»); отмените вставку или удаление строк над ней.',
  'portfolio.skippedRows':
    '{n|Её строка остаётся|Их строки остаются|Их строки остаются} внизу портфеля вместе с вашими заметками; удалите строку, когда она больше не нужна.',
  'portfolio.note':
    'Ранжировано по потенциальной выручке. Значения — живые формулы на именованные ячейки карт. Столбцы справа — ваши: перестроение их сохраняет.',
  'preset.checklist6': 'Шесть шагов от холодного к лояльному (чек-лист)',
  'preset.purchase5': 'Этапы покупки: от осведомлённости до сервиса',
  'preset.funnel5': 'Классическая воронка из пяти этапов',
  'preset.custom': 'Свои этапы',
  'err.notMap':
    'Этот лист — не карта CJM. Выберите ячейку на листе карты или создайте карту: Расширения → CJM → Новая карта.',
  'err.damaged':
    'Этот лист — не карта CJM или повреждён: {reason}. Отмените последние изменения (Ctrl+Z) или исправьте, как сказано, и повторите; ничего не изменено.',
  'err.lock':
    'Другое изменение этой таблицы ещё выполняется. Подождите несколько секунд и повторите.',
  'err.selectStage': 'Сначала выберите ячейку в столбце этапа (начиная со столбца C).',
  'err.minStages':
    'В карте должно быть не меньше {n} {n|этапа|этапов|этапов}, этот удалить нельзя.',
  'err.maxStages': 'В карте может быть не больше {n} {n|этапа|этапов|этапов}.',
  'err.edge': 'Этот этап уже на краю карты.',
  'confirm.removeTitle': 'Удалить этап «{name}»?',
  'confirm.removeBody':
    'В нём {n} {n|заполненная ячейка|заполненных ячейки|заполненных ячеек}. {n|Она будет удалена|Они будут удалены|Они будут удалены} вместе с этапом.',
  'prompt.renameTitle': 'Переименовать карту',
  'prompt.renameBody': 'Новое название карты (лист тоже будет переименован):',
  'wizard.stateReset': 'Сохранённый прогресс мастера был повреждён и сброшен. Карта не изменилась.',
  'plan.statuses': 'Запланировано|В работе|Готово',
  'plan.sheet': '{name} · план',
  'plan.title': 'План действий: {name}',
  'plan.rank': 'Место',
  'plan.stepLever': 'Шаг',
  'chart.funnel': 'Клиенты по этапам',
  'chart.curve': 'Оценка опыта по этапам',
  'field.mapName': 'Название карты',
  'wizard.copiedSheet':
    'Этот лист — копия карты «{name}»; мастер работает с этой картой, а не с копией. Чтобы сделать копию отдельной картой, выберите на ней «Расширения → CJM → Переименовать карту…».',
  'err.copiedMap':
    'Этот лист — копия карты с листа «{sheet}» и несёт её номер, поэтому дополнение с ним не работает: изменение здесь могло бы затронуть ту карту. Чтобы сделать этот лист отдельной картой (новый номер и номера этапов, плана пока нет; в оригинале ничего не меняется), выберите здесь «Расширения → CJM → Переименовать карту…» и дайте ей название. Чтобы работать с самой картой, перейдите на лист «{sheet}». Ничего не изменено.',
  'prompt.renameCopy':
    'Этот лист — копия карты с листа «{sheet}». Дайте ему название, чтобы сделать его отдельной картой: у неё будут новый номер и номера этапов, плана пока нет; оригинал не меняется. Новое название:',
  'field.required': 'Заполните это поле.',
  'field.number': 'Введите число, 0 или больше.',
  'field.share': 'Введите процент от 0% до 100%.',
  'field.score': 'Введите целую оценку от 1 до 5.',
  'field.date': 'Введите дату в виде {format}, например {example}.',
  'field.change':
    'Укажите изменение с единицей: {forms}; по одному числу не понять, что оно значит.',
  'field.changeLever':
    'Для этого рычага напишите {forms} (пункты меняют только конверсию, количество — только рычаг в тех же единицах).',
  'err.mapGone': 'Этой карты больше нет в таблице (её лист удалён). Выберите другую карту.',
  'err.planHeaderGone':
    'Строку заголовков плана действий (лист «{sheet}») удалили, поэтому дополнение не может понять, в каких строках ваши действия, и ничего туда не пишет. Отмените удаление (Ctrl+Z) и повторите; чтобы начать план заново, удалите этот лист.',
  'err.planColumns':
    'Столбцы плана действий (лист «{sheet}») изменили: столбец вставили, удалили или передвинули либо очистили ячейку строки заголовков {row}. Дополнение не может понять, в каких ячейках ваши действия, и ничего туда не пишет. Отмените это изменение (Ctrl+Z), чтобы строка {row} со столбца A шла так: {columns}, и повторите.',
  'metrics.badCount': '{stage}: число клиентов «{value}» — не число от 0 и больше',
  'metrics.textCount':
    '{stage}: число клиентов «{value}» — текст, и карта его не считает; введите число без апострофа и пробелов',
  'metrics.textTarget':
    '{stage}: цель «{value}» — текст, и карта с ней не сравнивает; введите её числом без апострофа, например 30 %',
  'metrics.textValue':
    '{field}: «{value}» — текст, и выручка не считается; введите число без апострофа и пробелов',
  'metrics.badTarget':
    '{stage}: цель прочитана как {value}; цель — доля от 0 до 100 % (введите 30 %, а не 30)',
  'metrics.moreThanPrevious':
    '{stage}: {n} {n|клиент|клиента|клиентов} — больше, чем {prev} на предыдущем этапе; проверьте числа или порядок этапов',
  'confirm.removeFormulas':
    'В {n|ячейке|ячейках|ячейках} {cells} будет #REF!: {n|её формула ссылается|их формулы ссылаются|их формулы ссылаются} только на этот этап.',
  'confirm.removeUnchecked':
    'По тексту {n|формулы|формул|формул} в {cells} не понять, {n|ссылается ли она|ссылаются ли они|ссылаются ли они} на этот этап (INDIRECT, OFFSET или именованный диапазон): проверьте {n|её|их|их} после удаления.',
  'err.outsideFormula':
    'Удаление этапа «{name}» сломает {n|формулу|формулы|формулы} в {n|ячейке|ячейках|ячейках} {cells} справа от карты: {n|она ссылается|они ссылаются|они ссылаются} только на столбец {col}, который удаляется вместе с этапом (Таблицы покажут #REF!). Измените или очистите {n|эту формулу|эти формулы|эти формулы} и повторите. Ничего не изменено.',
  'err.markerTaken':
    'В ячейке {cell} должна быть метка этапа «{name}» (строка «CJM этап …»), а там «{found}». Перенесите этот текст в другую ячейку и повторите: без метки этап не отследить, когда двигаются столбцы. Ничего не изменено.',
  'err.stageGone':
    'Этого этапа больше нет на карте: его удалили, пока вы работали. Ничего не изменено; посмотрите на карту и повторите.',
  'err.protected':
    'Не получится: {place} защищён, и менять его могут только владелец защиты и выбранные им редакторы. Попросите у них доступ или снять защиту (Данные → Защитить листы и диапазоны) и повторите. Ничего не изменено.',
  'err.protectedRange': 'диапазон {range} листа «{sheet}»',
  'err.protectedSheet': 'лист «{sheet}»',
  'err.protectedDescribed': '{place} («{description}»)',
  'note.hiddenStagesTitle': 'Скрытые этапы',
  'note.hiddenStages':
    '{n|Этап|Этапы|Этапы} {names} {n|скрыт|скрыты|скрыты} (столбец {cols}): {n|он остаётся|они остаются|они остаются} в карте и в её воронке и {n|сдвигается|сдвигаются|сдвигаются} при каждом изменении этапов. Чтобы увидеть {n|его|их|их}, выделите соседние столбцы и в контекстном меню выберите «Показать столбцы».',
  'err.mergeCut':
    'Не получится: столбец, который нужно вставить, удалить или переместить, разрезает объединённые ячейки {range} листа «{sheet}», а Таблицы этого не позволяют. Отмените объединение (Формат → Объединить ячейки → Отменить объединение) и повторите. Ничего не изменено.',
  'err.mergeHides':
    'Ничего не сохранено: ячейка {cell} скрыта под объединёнными ячейками {range}, и введённое туда не будет видно. Отмените объединение (Формат → Объединить ячейки → Отменить объединение) и сохраните снова; введённое осталось в форме.',
  'err.moveNarrows':
    'Этап не перенесён: перенос этапа «{name}» изменит, какие этапы считают ваши формулы в {cells} (Таблицы сдвигают край диапазона вместе с его столбцом). Перепишите эти формулы так, чтобы ни один диапазон не начинался и не заканчивался на этом этапе или на соседнем, с которым он поменяется местами, и перенесите этап снова.',
  'err.stageChanged':
    'Карта изменилась, пока вы решали (её кто-то правил). Ничего не изменено; повторите.',
  'err.wrongMap':
    'Именованные ячейки этой карты указывают на лист «{name}» с другой картой (их перенесли или скопировали). Ничего не изменено; создайте карту заново или исправьте именованные диапазоны (Данные → Именованные диапазоны).',
  'wizard.stageGoneSaved':
    'Этап «{name}» удалили, пока вы его правили, поэтому эти значения не сохранены: {values}.',
  'err.unknownField':
    'Форма прислала поле, которого нет в этом шаге ({field}). Перезагрузите боковую панель и повторите.',
  'field.tooLong': 'Не больше {n} {n|символа|символов|символов}.',
  'name.control':
    'В названии не может быть переносов строки и других управляющих символов: введите его в одну строку.',
  'name.mapTooLong':
    'Название карты — не больше {n} {n|символа|символов|символов} (здесь {length}): сократите его.',
  'name.stageTooLong':
    'Название этапа — не больше {n} {n|символа|символов|символов} (здесь {length}): сократите его.',
  'valid.mapName':
    '⚠ Название карты — не больше {n} {n|символа|символов|символов}: сократите его, чтобы листы карты и портфель показывали его целиком.',
  'valid.stageName':
    '⚠ Название этапа — не больше {n} {n|символа|символов|символов}: сократите его, чтобы диаграммы, план и постер показывали его целиком.',
  'field.choose': 'Выберите один из вариантов.',
  'field.stages':
    'Укажите от {min} до {max} {max|названия|названий|названий} этапов, по одному в строке.',
  'field.invalid': 'Недопустимое значение; проверьте его и попробуйте снова.',
  'err.badRequest': 'Не удалось прочитать форму: {reason}. Откройте её заново и повторите.',
  'err.badFields': 'эти поля отсутствуют или заполнены неверно: {fields}',
  'err.textTooLong':
    'Введённый текст длиннее, чем вмещает ячейка Таблиц (не больше {n} {n|символа|символов|символов}): {fields}. Сократите его и сохраните снова; введённое осталось в форме.',
  'damage.label': 'в строке {row} должно быть «{expected}», а стоит «{found}»',
  'damage.footer': 'строка «Карта CJM …» внизу карты (ячейка {cell}) удалена или изменена',
  'damage.noStages': 'не найдено ни одного столбца этапа (начиная со столбца C)',
  'damage.version':
    'карта создана более новой версией дополнения (шаблон v{version}); обновите дополнение',
  'damage.columnBeforeA':
    'перед столбцом A вставлен столбец: названия строк теперь в столбце {col}. Удалите вставленный столбец',
  'damage.sideDeleted':
    'удалён столбец B (название карты, сегмент, P и Q): теперь в столбце B этап',
  'damage.columnInserted':
    'в столбец {col}, между названиями строк и этапами, вставлен столбец. Удалите столбец {col}',
  'damage.sideMarker': 'в ячейке {cell} должно быть «{expected}», а стоит «{found}»',
  'damage.emptyColumn':
    'в столбце {col} внутри карты нет этапа: назовите его в строке {row}, чтобы сделать этапом, или удалите столбец',
  'poster.file': 'постер',
  'poster.kpiLeads': 'Лиды (L)',
  'poster.kpiConversion': 'Конверсия (C)',
  'poster.kpiCheck': 'Средний чек (P)',
  'poster.kpiPurchases': 'Покупки (Q)',
  'poster.kpiRevenue': 'Выручка',
  'poster.rolesGuessed': '⚠ роли этапов угаданы',
  'poster.funnel': 'Воронка: клиенты и конверсия шага',
  'poster.target': 'цель {value}',
  'poster.weakestStep': 'Конверсия шага {step}',
  'poster.lost': 'Здесь потеряно клиентов: {n}',
  'poster.noWeakest': 'Пока не известно: заполните число клиентов на этапах.',
  'poster.top': 'Главные действия по влиянию на выручку',
  'poster.noActions': 'Действий пока нет: добавьте их в шаге «План действий» мастера.',
  'poster.problems': 'Проверьте данные',
  'poster.footer': 'Постер карты «{name}» · CJM для Google Таблиц · выручка = L × C × P × Q',

  'plan.openMap': 'Открыть карту',
  'portfolio.after': 'Выручка после плана',
  'portfolio.total': 'Итого',
  'portfolio.change': 'Изменение выручки с прошлого обзора',
  'portfolio.progress': 'Выполнение цели по выручке',
  'portfolio.due': 'Срок обзора',
  'portfolio.overdue': '⚠ просрочен',
  'portfolio.dueToday': '⚠ сегодня',
  'portfolio.dueNotice':
    'Пора провести обзор: {names}. На карте выберите Расширения → CJM → Провести обзор.',
  'portfolio.unmovedFormulas':
    '{n|Ваша формула в|Ваши формулы в|Ваши формулы в} {cells} {n|переместилась|переместились|переместились} вместе с картой и {n|записана|записаны|записаны} так, как вы {n|её|их|их} ввели: по тексту не понять, на какие ячейки {n|она ссылается|они ссылаются|они ссылаются} (INDIRECT, OFFSET или именованный диапазон), или ссылка ушла бы выше строки 1. Проверьте, что {n|она по-прежнему указывает|они по-прежнему указывают|они по-прежнему указывают} на строку своей карты.',
  'import.phase': 'Фаза: {phase}',
  'import.keptCaption':
    'Из таблицы {range} на листе «{sheet}»: то, для чего в карте нет строки, с прежними подписями',
  'import.keep': 'Сохранить с подписью (не строка карты)',
  'import.source': 'Таблица {range} на листе «{sheet}». Она останется как есть.',
  'import.names': 'Названия этапов: {range} ({n} {n|этап|этапа|этапов}).',
  'import.noNames': 'Строки с названиями этапов не нашлось: этапы пронумерованы ({n}).',
  'import.down': 'Этапы идут сверху вниз: таблица прочитана повёрнутой.',
  'import.phases': 'Фазы над этапами: {phases}. Каждая сохранится в примечаниях своих этапов.',
  'import.errors': 'В ячейках {cells} — ошибки формул: их текст перенесётся как есть.',
  'import.rows': 'Строки вашей таблицы и куда каждая попадёт в карте',
  'import.label': 'В вашей таблице',
  'import.target': 'В карте',
  'import.values': 'Что в ней',
  'import.title': 'Над таблицей',
  'import.unmatched': 'То, для чего в карте нет строки',
  'import.asRows': 'Строки под картой, с подписями',
  'import.asNotes': 'Примечания к названиям этапов',
  'import.create': 'Создать карту',
  'err.importEmpty':
    'Здесь нет таблицы: выделенная ячейка пуста, и вокруг неё тоже ничего нет. Выделите таблицу (или одну её ячейку) и снова выберите Расширения → CJM → Сделать карту из этой таблицы.',
  'err.importTwoTables':
    'В выделении две таблицы: {first} и {second}. Выделите одну из них (или одну её ячейку) и повторите. Ничего не изменено.',
  'err.importTooBig':
    'Таблица {range} продолжается за пределы {rows} строк × {cols} столбцов, которые дополнение читает за раз. Выделите саму таблицу, не больше чем с {n} этапами, и повторите. Ничего не изменено.',
  'err.importManyStages':
    'В таблице {count} этапов, а в карте может быть не больше {n} {n|этапа|этапов|этапов}. Выделите подписи строк и не больше {n} этапов (или сделайте из таблицы две карты) и повторите. Ничего не изменено.',
  'err.importFewStages':
    'В таблице {count} {count|этап|этапа|этапов}, а карте нужно хотя бы {n}. Выделите таблицу, где названия этапов идут по верхней строке (или вниз по первому столбцу), и повторите.',
  'err.importTooLong':
    'В таблице {count} символов — больше {n}, которые дополнение переносит за раз. Выделите часть таблицы и повторите. Ничего не изменено.',
};

export const CATALOGUE: Record<Lang, Catalogue> = { en, ru };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message for `key`, with {name} placeholders filled from `vars`. */
/** A name or a value inside a message, in its language's quotation marks: «Кофе», "Coffee". */
export const quoted = (lang: Lang, text: string): string =>
  lang === 'ru' ? `«${text}»` : `"${text}"`;

export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return translate(CATALOGUE[lang], key, vars, lang);
}
