/** The words of reviews: the history sheet, the map's review block, the record command. */
export const REVIEW_EN = {
  'menu.review': 'Record a review…',
  'history.suffix': 'history',
  'history.title':
    'Review history of “{map}”: one row per period. Paste periods exported from a CRM or analytics here too; keep row 3, it tells the columns apart.',
  'history.block.customers': 'Customers who reached the stage',
  'history.block.target': 'Target step conversion',
  'history.block.score': 'Experience score (1–5)',
  'history.field.from': 'From',
  'history.field.to': 'To',
  'history.field.recorded': 'Recorded on',
  'history.field.note': 'Note',
  'history.field.P': 'Average check (P)',
  'history.field.Q': 'Purchases per customer (Q)',
  'history.field.status': 'Status',
  'history.removed': '{name} (removed)',
  'history.again': 'second review of this period',
  'history.bad.date': '{cell}: “{value}” is not a date (write it as 2026-11-30)',
  'history.bad.number': '{cell}: “{value}” is not a number of 0 or more',
  'history.bad.share': '{cell}: “{value}” is not a share from 0 % to 100 %',
  'history.bad.score': '{cell}: “{value}” is not a score from 1 to 5',
  'cadence.week': 'weekly',
  'cadence.month': 'monthly',
  'cadence.quarter': 'quarterly',
  'valid.cadence': 'Pick weekly, monthly or quarterly.',
  'review.section': 'Reviews and goal',
  'review.row.revenueGoal': 'Revenue goal',
  'review.row.goalDate': 'Goal date',
  'review.row.cadence': 'Review cadence',
  'review.row.goalProgress': 'Progress to the goal',
  'review.row.goalNeeds': 'Step the weakest transition needs for the goal',
  'review.row.trend': 'Trend: step conversion (B: revenue)',
  'review.row.trendChange': 'Change since the last review',
  'review.row.trendAlert': 'Below target twice',
  'review.noTrend': 'Record two reviews to see trends: Extensions → CJM → Record a review.',
  'review.alertHint': '⚠ marks a stage below its target two periods running',
  'review.belowTwice': '⚠ below target two periods running',
  'review.notePrompt':
    'Review of “{map}” for {from} – {to}. A one-line note for this period (optional):',
  'review.sameDate':
    'The period {from} – {to} already has a review (row {row} of “{sheet}”). Replace it? Yes replaces that row; No keeps both, the new one marked.',
  'review.recorded': 'Review recorded for {from} – {to} in “{sheet}”. Next review: {next}.',
  'review.revenueChange': 'Revenue since the last review: {change}.',
  'review.progress': 'Progress to the revenue goal: {share}.',
  'review.belowStages': '⚠ Below target two periods running: {stages}.',
  'review.badCadence':
    'The review cadence “{value}” (cell {cell}) is not weekly, monthly or quarterly. Pick one from its dropdown and record the review again. Nothing was recorded.',
  'review.badGoal':
    'The revenue goal “{value}” (cell {cell}) is not an amount of money. Type a number (or clear the cell) and record the review again. Nothing was recorded.',
  'review.historyProblems':
    'The history has cells the add-on cannot read, so they count as blank: {list}. Fix them in the sheet “{sheet}”.',
  'review.blockInserted':
    'The map took its review rows under the footer; your cells that were there moved down {n} rows, nothing was lost.',
  'review.historyDamaged':
    'The history sheet “{sheet}” has lost its row 3 (the markers that tell its columns apart), so a review cannot be added to it safely. Undo the change (Edit → Undo) or rename that sheet, and record again: a new history will be started. Nothing was recorded.',
} as const;

export const REVIEW_RU: Record<keyof typeof REVIEW_EN, string> = {
  'menu.review': 'Провести обзор…',
  'history.suffix': 'история',
  'history.title':
    'История обзоров карты «{map}»: одна строка на период. Сюда можно вставлять и периоды, выгруженные из CRM или аналитики; не меняйте строку 3 — по ней различаются столбцы.',
  'history.block.customers': 'Клиенты, дошедшие до этапа',
  'history.block.target': 'Целевая конверсия шага',
  'history.block.score': 'Оценка опыта (1–5)',
  'history.field.from': 'С',
  'history.field.to': 'По',
  'history.field.recorded': 'Записан',
  'history.field.note': 'Заметка',
  'history.field.P': 'Средний чек (P)',
  'history.field.Q': 'Покупок на клиента (Q)',
  'history.field.status': 'Статус',
  'history.removed': '{name} (удалён)',
  'history.again': 'повторный обзор за этот период',
  'history.bad.date': '{cell}: «{value}» — не дата (пишите 30.11.2026)',
  'history.bad.number': '{cell}: «{value}» — не число от 0 и больше',
  'history.bad.share': '{cell}: «{value}» — не доля от 0 % до 100 %',
  'history.bad.score': '{cell}: «{value}» — не оценка от 1 до 5',
  'cadence.week': 'еженедельно',
  'cadence.month': 'ежемесячно',
  'cadence.quarter': 'ежеквартально',
  'valid.cadence': 'Выберите: еженедельно, ежемесячно или ежеквартально.',
  'review.section': 'Обзоры и цель',
  'review.row.revenueGoal': 'Цель по выручке',
  'review.row.goalDate': 'Срок цели',
  'review.row.cadence': 'Частота обзоров',
  'review.row.goalProgress': 'Выполнение цели',
  'review.row.goalNeeds': 'Какая конверсия нужна слабому шагу для цели',
  'review.row.trend': 'Тренд: конверсия шага (B — выручка)',
  'review.row.trendChange': 'Изменение с прошлого обзора',
  'review.row.trendAlert': 'Ниже цели дважды',
  'review.noTrend':
    'Проведите два обзора, чтобы увидеть тренды: Расширения → CJM → Провести обзор.',
  'review.alertHint': '⚠ — этап ниже цели два периода подряд',
  'review.belowTwice': '⚠ ниже цели два периода подряд',
  'review.notePrompt':
    'Обзор карты «{map}» за {from} – {to}. Заметка к периоду в одну строку (можно пропустить):',
  'review.sameDate':
    'За период {from} – {to} обзор уже записан (строка {row} листа «{sheet}»). Заменить его? «Да» заменит ту строку; «Нет» сохранит оба, новый будет помечен.',
  'review.recorded': 'Обзор за {from} – {to} записан на лист «{sheet}». Следующий обзор: {next}.',
  'review.revenueChange': 'Выручка с прошлого обзора: {change}.',
  'review.progress': 'Выполнение цели по выручке: {share}.',
  'review.belowStages': '⚠ Ниже цели два периода подряд: {stages}.',
  'review.badCadence':
    'Частота обзоров «{value}» (ячейка {cell}) — не «еженедельно», «ежемесячно» или «ежеквартально». Выберите её из списка и проведите обзор снова. Ничего не записано.',
  'review.badGoal':
    'Цель по выручке «{value}» (ячейка {cell}) — не сумма денег. Введите число (или очистите ячейку) и проведите обзор снова. Ничего не записано.',
  'review.historyProblems':
    'В истории есть ячейки, которые дополнение не может прочитать, и они считаются пустыми: {list}. Исправьте их на листе «{sheet}».',
  'review.blockInserted':
    'Карта получила строки обзоров под нижней строкой; ваши ячейки, стоявшие там, сдвинулись вниз на {n} строк, ничего не потеряно.',
  'review.historyDamaged':
    'Лист истории «{sheet}» потерял строку 3 (метки, по которым различаются столбцы), и добавить в него обзор безопасно нельзя. Отмените изменение (Правка → Отменить) или переименуйте этот лист и проведите обзор снова: начнётся новая история. Ничего не записано.',
};
