/**
 * Each step's help, in the map's language: it comes with the step's page from the server (the
 * sidebar's page has a size budget, and a step is shown only with its map's page). The first
 * step's help is shown before a map is open too: it is in words-shared.ts.
 */
export const STEP_HELP_EN = {
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
  'stepHelp.review':
    'How the map works in practice: what moved since the last review, how far the revenue goal is, which stages stay below target. Record a review each period: the history keeps it.',
  'stepHelp.plan':
    'Concrete actions: which stage, which lever, the expected change, who and when. The plan is ranked by revenue impact.',
  'stepHelp.present':
    'Show the map to the team: a summary, charts, and a mind map to share. Set the owner and the next review date.',
} as const;

export const STEP_HELP_RU: Record<keyof typeof STEP_HELP_EN, string> = {
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
  'stepHelp.review':
    'Как карта работает на деле: что изменилось с прошлого обзора, сколько осталось до цели по выручке, какие этапы держатся ниже цели. Проводите обзор каждый период: история его сохранит.',
  'stepHelp.plan':
    'Конкретные действия: этап, рычаг, ожидаемое изменение, ответственный и срок. План ранжируется по влиянию на выручку.',
  'stepHelp.present':
    'Покажите карту команде: сводка, графики и ментальная карта. Назначьте ответственного и дату следующего пересмотра.',
};
