/**
 * The sidebar's part of the RU/EN catalogue: words only the sidebar shows, plus the shared
 * ones. Kept apart from the server's words so each bundle carries only what it displays
 * (Sidebar.html has an 80 KB budget; Code.js is evaluated on every custom-function call).
 */
import type { Lang } from './i18n';
import { translate } from './translate';
import { SHARED_EN, SHARED_RU } from './words-shared';

const en = {
  ...SHARED_EN,
  'wizard.openMap': 'Open',
  'boot.failed': 'The sidebar could not start: reopen it from Extensions → CJM.',
  'wizard.callFailed': 'Something went wrong: {message}',
  'present.top': 'Top actions by revenue impact',
  'wizard.empty': '(empty)',
  'help.intro':
    'Type these in any cell. Each argument can be a cell or a range; a range in gives a range out.',
  'help.params': 'Arguments',
  'help.returns': 'Returns',
  'help.examples': 'Examples',
  'help.optional': 'optional',
  'help.given': 'Given',
  'help.copy': 'Copy',
  'help.copied': 'Copied',
  'form.name': 'Map name',
  'form.namePlaceholder': 'Segment — product, if empty',
  'form.preset': 'Stages',
  'form.stages': 'Your stages, one per line',
  'form.language': 'Language of the map',
  'form.example': 'Fill with a worked example (fitness club)',
  'form.deal': 'Deal stage (C): where customers pay',
  'form.dealGuess': '— not sure: guess from the order —',
  'form.exampleReplaces':
    'The worked example brings its own segment, product, six stages and figures: it replaces {what}. The map keeps your name.',
  'form.exampleSegment': 'the segment «{value}»',
  'form.exampleProduct': 'the product «{value}»',
  'form.exampleStages': 'the stages you chose ({value})',
  'form.create': 'Create map',
  'form.creating': 'Creating…',
  'form.cancel': 'Cancel',
  'wizard.progress': 'Step {n} of {total}',
  'wizard.back': 'Back',
  'wizard.next': 'Next',
  'wizard.save': 'Save',
  'wizard.saveNext': 'Save and continue',
  'wizard.saved': 'Saved to the sheet',
  'wizard.loading': 'Loading…',
  'wizard.map': 'Map',
  'wizard.pickMap': 'Work on an existing map',
  'wizard.newMapTitle': 'Or start a new map',
  'wizard.noMap': 'Create a map or pick one to continue.',
  'wizard.stepsNav': 'Steps',
  'wizard.done': 'done',
  'wizard.stage': 'Stage {n}: {name}',
  'wizard.readAs': 'read as {value}',
  'wizard.conflictTitle': 'The sheet changed while you were editing',
  'wizard.conflictBody':
    'These cells were changed in the sheet after this step was opened. Choose what to keep for each:',
  'wizard.keepSheet': 'Keep the sheet\u2019s',
  'wizard.keepMine': 'Keep mine',
  'wizard.conflictApply': 'Save with these choices',
  'wizard.fixErrors': 'Some fields need a fix; see the messages next to them.',
  'wizard.failed': 'Could not save: {message}',
  'step.goal': 'Goal and pair',
  'step.persona': 'Persona and product',
  'step.touchpoints': 'Touchpoints and channels',
  'step.questions': 'Questions and content',
  'step.barriers': 'Barriers and drivers',
  'step.kpis': 'KPIs',
  'step.evaluate': 'Evaluate',
  'step.present': 'Present and review',
  'stepHelp.goal':
    'What is the map for: more sales, better service, loyalty? One map is one segment + product pair; build one for each main pair.',
  'stepHelp.persona':
    'Who buys and what we sell: a persona card (a real customer or a composite), the product card, and the jobs the customer hires the product for.',
  'stepHelp.stages':
    'The steps of the journey, from first contact to a loyal customer. Name them, give each its funnel role, and say what the customer wants and does.',
  'stepHelp.touchpoints':
    'Where the customer meets you at each stage (own and external places) and where the audience lives.',
  'stepHelp.questions':
    'The questions the customer asks at each stage, and the materials that answer them and warm the customer up.',
  'stepHelp.barriers':
    'What stops the customer (inconvenience, unclarity, insufficiency) and what pushes them on (convenience, clarity, quality).',
  'stepHelp.kpis':
    'How many customers reach each stage, the average check and purchases per customer. The sheet computes L, C, P, Q and revenue.',
  'stepHelp.evaluate':
    'How good each stage feels to customers and how sure you are. The weakest transition and the stages under target show where to act.',
  'stepHelp.plan':
    'Concrete actions: which stage, which lever, the expected change, who and when. The plan is ranked by revenue impact.',
  'stepHelp.present':
    'Show the map to the team: a summary, charts, and a mind map to share. Set the owner and the next review date.',
  'goal.type': 'What the map is for',
  'goal.sales': 'More sales',
  'goal.service': 'Better service',
  'goal.loyalty': 'Loyalty and repeat purchases',
  'goal.other': 'Other',
  'stages.add': 'Add a stage after this one',
  'stages.remove': 'Remove this stage',
  'stages.left': 'Move left',
  'stages.right': 'Move right',
  'stages.confirmRemove': 'Remove',
  'metrics.title': 'Computed by the sheet',
  'metrics.none': 'Fill in the customers per stage, the check and purchases to see revenue.',
  'metrics.weakest': 'Weakest transition: {name}',
  'metrics.rolesGuessed':
    'Counted with funnel roles guessed from the order of the stages (the deal, C, is «{deal}»): check them on step 3, Stages, and save it.',
  'wizard.rolesGuessed':
    'The funnel roles were guessed from the order of the stages: the deal (C) is «{deal}». Check the roles below: saving this step confirms them.',
  'wizard.rolesConfirm': 'The roles are right',
  'metrics.underTarget': '{stage}: step conversion {step} is under the target {target}',
  'metrics.lowScore': '{stage}: experience scored {score} of 5',
  'metrics.notFilled': 'not filled',
  'metrics.missing': 'Revenue needs {list}.',
  // the step's fields a first pass may leave empty, behind one button
  'fields.optional': '{n} optional {n|field|fields}',
  'fields.skipTo': 'Skip to \u201c{name}\u201d',
  // one line per stage of each preset, in the order of its stages (src/core/map/stages.ts)
  'about.checklist6':
    'Notices a need and first thinks of solutions, not choosing yet\nCompares options, reads reviews, asks around\nDecides and pays: the deal itself\nUses the product and judges it by what it gives\nA reason to come back: a renewal, a new need, a reminder\nBuys again and recommends you to others',
  'about.purchase5':
    'Learns that you and your product exist\nLooks into what the product does and costs\nWeighs you against the alternatives\nPlaces the order and pays\nDelivery, support and service after the purchase',
  'about.funnel5':
    'Learns that you and your product exist\nConsiders you among the options\nDecides and pays: the deal itself\nKeeps using the product and buys again\nRecommends you to others',
  'plan.add': 'Add an action',
  'plan.remove': 'Remove action',
  'plan.changeHint': 'With its unit: {forms}',
  'plan.empty': 'No actions yet.',
  'plan.reranked':
    'The actions were ranked again by revenue impact: \u201c{action}\u201d is number {n} now.',
  'plan.rerankedAll': 'The actions were ranked again by revenue impact.',
  'plan.impossible.conversionAboveOne':
    'All together, these actions would take conversion above 100%: check their changes.',
  'plan.impossible.negativeFactor':
    'All together, these actions would take a lever below 0: check their changes.',
  'present.summary': 'Summary',
  'present.charts': 'Insert the funnel chart and the experience curve',
  'present.chartsDone': 'The charts are beside the KPIs, right of the last stage.',
  'present.mindmap': 'Export as a mind map',
  'present.markdown': 'Download Markdown outline',
  'present.opml': 'Download OPML',
  'present.copy': 'Or copy the outline:',
  'lever.L': 'L — leads',
  'lever.C': 'C — conversion',
  'lever.P': 'P — average check',
  'lever.Q': 'Q — purchases',
  'lever.step': 'Step into a stage',
  'plan.step.stage': 'Choose a later stage, one no other stage shares a name with.',
  'plan.step.afterDeal': 'After the deal: repeat purchases, act on Q.',
  'plan.step.counts': 'Check the customers of this stage and the one before, and the change.',
  'present.poster': 'Download the journey poster (SVG)',
  'present.posterReady': 'Poster downloaded: {file}.',
  'present.posterSave': 'Download again',
  'present.copyOutline': 'Copy the outline',
  'copy.selected':
    'This page may not use the clipboard: the text is selected, press Ctrl+C (\u2318C on a Mac) to copy it.',
  // following the map open in the grid, the map switcher, the step help
  'flow.offer': 'The sheet shows another map: {name}.',
  'flow.offerUnsaved': 'Your changes here are saved first.',
  'flow.switchTo': 'Switch to {name}',
  'flow.stay': 'Stay here',
  'flow.followed': 'Now on {name}, the map open in the sheet.',
  'flow.switcher': 'Map to work on',
  'flow.more': 'More',
  'flow.less': 'Less',
  // the add-on's own dialogs for the menu's Remove stage and Rename map, in the map's language
  'answer.yes': 'Yes',
  'answer.no': 'No',
  'answer.ok': 'OK',
  'answer.cancel': 'Cancel',
  'answer.working': 'Working…',
  'answer.name': 'Map name',
  'import.numbers': 'numbers: {values}',
  'import.notNumbers': 'not numbers, kept with the label: {values}',
  'import.noLabel': '(no label)',
} as const;

export type UiMessageKey = keyof typeof en;
export type MessageKey = UiMessageKey;

const ru: Record<UiMessageKey, string> = {
  ...SHARED_RU,
  'wizard.openMap': 'Открыть',
  'boot.failed': 'Боковая панель не запустилась: откройте её снова через Расширения → CJM.',
  'wizard.callFailed': 'Что-то пошло не так: {message}',
  'present.top': 'Главные действия по влиянию на выручку',
  'wizard.empty': '(пусто)',
  'help.intro':
    'Вводите их в любой ячейке. Аргумент — ячейка или диапазон; диапазон на входе даёт диапазон на выходе.',
  'help.params': 'Аргументы',
  'help.returns': 'Результат',
  'help.examples': 'Примеры',
  'help.optional': 'необязательный',
  'help.given': 'Дано',
  'help.copy': 'Копировать',
  'help.copied': 'Скопировано',
  'form.name': 'Название карты',
  'form.namePlaceholder': 'Если пусто: сегмент — продукт',
  'form.preset': 'Этапы',
  'form.stages': 'Ваши этапы, по одному в строке',
  'form.language': 'Язык карты',
  'form.example': 'Заполнить примером (фитнес-клуб)',
  'form.deal': 'Этап сделки (C): где клиенты платят',
  'form.dealGuess': '— не знаю: угадать по порядку —',
  'form.exampleReplaces':
    'Пример приносит свои сегмент, продукт, шесть этапов и цифры: он заменит {what}. Название карты останется вашим.',
  'form.exampleSegment': 'сегмент «{value}»',
  'form.exampleProduct': 'продукт «{value}»',
  'form.exampleStages': 'выбранные этапы ({value})',
  'form.create': 'Создать карту',
  'form.creating': 'Создаём…',
  'form.cancel': 'Отмена',
  'wizard.progress': 'Шаг {n} из {total}',
  'wizard.back': 'Назад',
  'wizard.next': 'Далее',
  'wizard.save': 'Сохранить',
  'wizard.saveNext': 'Сохранить и далее',
  'wizard.saved': 'Сохранено в таблицу',
  'wizard.loading': 'Загрузка…',
  'wizard.map': 'Карта',
  'wizard.pickMap': 'Работать с существующей картой',
  'wizard.newMapTitle': 'Или начать новую карту',
  'wizard.noMap': 'Создайте карту или выберите существующую.',
  'wizard.stepsNav': 'Шаги',
  'wizard.done': 'готово',
  'wizard.stage': 'Этап {n}: {name}',
  'wizard.readAs': 'понято как {value}',
  'wizard.conflictTitle': 'Таблица изменилась, пока вы редактировали',
  'wizard.conflictBody':
    'Эти ячейки изменили в таблице после того, как шаг был открыт. Выберите, что оставить:',
  'wizard.keepSheet': 'Оставить из таблицы',
  'wizard.keepMine': 'Оставить моё',
  'wizard.conflictApply': 'Сохранить с этим выбором',
  'wizard.fixErrors': 'Некоторые поля нужно исправить: см. сообщения рядом с ними.',
  'wizard.failed': 'Не удалось сохранить: {message}',
  'step.goal': 'Цель и пара',
  'step.persona': 'Персона и продукт',
  'step.touchpoints': 'Точки контакта и каналы',
  'step.questions': 'Вопросы и контент',
  'step.barriers': 'Барьеры и драйверы',
  'step.kpis': 'KPI',
  'step.evaluate': 'Оценка',
  'step.present': 'Презентация и пересмотр',
  'stepHelp.goal':
    'Для чего карта: больше продаж, лучше сервис, лояльность? Одна карта — одна пара «сегмент + продукт»; постройте карту для каждой основной пары.',
  'stepHelp.persona':
    'Кто покупает и что мы продаём: карточка персоны (реальный клиент или собирательный образ), карточка продукта и «работы», ради которых клиент покупает.',
  'stepHelp.stages':
    'Шаги пути от первого контакта до лояльного клиента. Назовите их, задайте роль в воронке и опишите, чего хочет и что делает клиент.',
  'stepHelp.touchpoints':
    'Где клиент встречается с вами на каждом этапе (свои и внешние площадки) и где «обитает» аудитория.',
  'stepHelp.questions':
    'Вопросы клиента на каждом этапе и материалы, которые на них отвечают и «прогревают».',
  'stepHelp.barriers':
    'Что мешает клиенту (неудобство, неясность, недостаточность) и что подталкивает (удобство, понятность, качество).',
  'stepHelp.kpis':
    'Сколько клиентов доходит до каждого этапа, средний чек и покупки на клиента. Таблица посчитает L, C, P, Q и выручку.',
  'stepHelp.evaluate':
    'Насколько клиентам хорошо на каждом этапе и насколько вы уверены. Самый слабый переход и этапы ниже цели покажут, где действовать.',
  'stepHelp.plan':
    'Конкретные действия: этап, рычаг, ожидаемое изменение, ответственный и срок. План ранжируется по влиянию на выручку.',
  'stepHelp.present':
    'Покажите карту команде: сводка, графики и ментальная карта. Назначьте ответственного и дату следующего пересмотра.',
  'goal.type': 'Для чего карта',
  'goal.sales': 'Больше продаж',
  'goal.service': 'Лучше сервис',
  'goal.loyalty': 'Лояльность и повторные покупки',
  'goal.other': 'Другое',
  'stages.add': 'Добавить этап после этого',
  'stages.remove': 'Удалить этап',
  'stages.left': 'Влево',
  'stages.right': 'Вправо',
  'stages.confirmRemove': 'Удалить',
  'metrics.title': 'Посчитано в таблице',
  'metrics.none': 'Заполните число клиентов на этапах, чек и покупки, чтобы увидеть выручку.',
  'metrics.weakest': 'Самый слабый переход: {name}',
  'metrics.rolesGuessed':
    'Посчитано по ролям, угаданным по порядку этапов (сделка, C, — «{deal}»): проверьте их на шаге 3 «Этапы» и сохраните его.',
  'wizard.rolesGuessed':
    'Роли в воронке угаданы по порядку этапов: сделка (C) — «{deal}». Проверьте роли ниже: сохранение этого шага их подтвердит.',
  'wizard.rolesConfirm': 'Роли верны',
  'metrics.underTarget': '{stage}: конверсия шага {step} ниже цели {target}',
  'metrics.lowScore': '{stage}: опыт оценён на {score} из 5',
  'metrics.notFilled': 'не заполнено',
  'metrics.missing': 'Для выручки не хватает: {list}.',
  'fields.optional': '{n} {n|необязательное поле|необязательных поля|необязательных полей}',
  'fields.skipTo': 'Перейти к полю «{name}»',
  'about.checklist6':
    'Осознаёт потребность и впервые думает о решениях, ещё не выбирая\nСравнивает варианты, читает отзывы, спрашивает знакомых\nПринимает решение и платит: сама сделка\nПользуется продуктом и судит о нём по результату\nПовод вернуться: продление, новая потребность, напоминание\nПокупает снова и рекомендует вас другим',
  'about.purchase5':
    'Узнаёт, что есть вы и ваш продукт\nРазбирается, что умеет продукт и сколько стоит\nСравнивает вас с альтернативами\nОформляет заказ и оплачивает\nДоставка, поддержка и сервис после покупки',
  'about.funnel5':
    'Узнаёт, что есть вы и ваш продукт\nРассматривает вас среди вариантов\nПринимает решение и платит: сама сделка\nПродолжает пользоваться и покупает снова\nРекомендует вас другим',
  'plan.add': 'Добавить действие',
  'plan.remove': 'Удалить действие',
  'plan.changeHint': 'С единицей: {forms}',
  'plan.empty': 'Действий пока нет.',
  'plan.reranked':
    'Действия заново упорядочены по влиянию на выручку: «{action}» теперь под номером {n}.',
  'plan.rerankedAll': 'Действия заново упорядочены по влиянию на выручку.',
  'plan.impossible.conversionAboveOne':
    'Все вместе эти действия подняли бы конверсию выше 100%: проверьте их изменения.',
  'plan.impossible.negativeFactor':
    'Все вместе эти действия опустили бы рычаг ниже 0: проверьте их изменения.',
  'present.summary': 'Сводка',
  'present.charts': 'Вставить график воронки и кривую опыта',
  'present.chartsDone': 'Графики — рядом с KPI, справа от последнего этапа.',
  'present.mindmap': 'Экспорт в ментальную карту',
  'present.markdown': 'Скачать план в Markdown',
  'present.opml': 'Скачать OPML',
  'present.copy': 'Или скопируйте план:',
  'lever.L': 'L — лиды',
  'lever.C': 'C — конверсия',
  'lever.P': 'P — средний чек',
  'lever.Q': 'Q — покупки',
  'lever.step': 'Шаг в этап',
  'plan.step.stage': 'Выберите этап дальше первого, с неповторяющимся названием.',
  'plan.step.afterDeal': 'После сделки — повторные покупки: меняйте Q.',
  'plan.step.counts': 'Проверьте клиентов этапа и предыдущего, и изменение.',
  'present.poster': 'Скачать постер карты (SVG)',
  'present.posterReady': 'Постер скачан: {file}.',
  'present.posterSave': 'Скачать ещё раз',
  'present.copyOutline': 'Скопировать план',
  'copy.selected':
    'Этой странице недоступен буфер обмена: текст выделен, нажмите Ctrl+C (⌘C на Mac), чтобы скопировать.',

  'flow.offer': 'В таблице открыта другая карта: {name}.',
  'flow.offerUnsaved': 'Ваши изменения здесь сначала сохранятся.',
  'flow.switchTo': 'Перейти к карте {name}',
  'flow.stay': 'Остаться здесь',
  'flow.followed': 'Показана карта {name} — та, что открыта в таблице.',
  'flow.switcher': 'Карта для работы',
  'flow.more': 'Подробнее',
  'flow.less': 'Свернуть',
  'answer.yes': 'Да',
  'answer.no': 'Нет',
  'answer.ok': 'ОК',
  'answer.cancel': 'Отмена',
  'answer.working': 'Работаем…',
  'answer.name': 'Название карты',
  'import.numbers': 'числа: {values}',
  'import.notNumbers': 'не числа, сохранятся с подписью: {values}',
  'import.noLabel': '(без подписи)',
};

export function t(
  lang: Lang,
  key: UiMessageKey,
  vars: Record<string, string | number> = {},
): string {
  return translate(lang === 'ru' ? ru : en, key, vars, lang);
}
