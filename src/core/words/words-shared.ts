/**
 * Words both the server and the sidebar show (field labels, step names): one copy for both bundles.
 */
export const SHARED_EN = {
  'help.title': 'CJM formulas',
  'row.segment': 'Segment (target audience)',
  'row.product': 'Product',
  'row.avgCheck': 'P — average check',
  'row.purchases': 'Q — purchases per customer',
  'row.leads': 'L — leads',
  'row.conversion': 'C — conversion into the deal',
  'row.revenue': 'Revenue = L × C × P × Q',
  'dialog.newMap': 'New journey map',
  'dialog.importTable': 'A map from your table',
  'wizard.title': 'CJM wizard',
  'step.stages': 'Stages',
  'stepHelp.goal':
    'What is the map for: more sales, better service, loyalty? One map is one segment + product pair; build one for each main pair.',
  'step.plan': 'Action plan',
  'plan.action': 'Action',
  'plan.stage': 'Stage',
  'plan.lever': 'Lever',
  'plan.change': 'Expected change',
  'plan.owner': 'Owner',
  'plan.deadline': 'Deadline',
  'plan.total': 'Impact of the plan, all actions together',
  'plan.revenueNow': 'Revenue now',
  'plan.revenueAfter': 'Revenue after the plan, all actions together',
  'plan.status': 'Status',
  'plan.start': 'Start',
  'plan.impact': 'Revenue impact',
  'plan.note':
    'Ranked by each action\u2019s own revenue impact, computed live from the map\u2019s L, C, P and Q; equal impacts keep their order in the list.',
  'plan.together':
    'Each action\u2019s impact is its own, as if it were the only one. The plan\u2019s total applies all the actions together: on each lever the amounts first (pp, leads, money, purchases), then the percentages, each of the lever as the changes before it left it.',
} as const;

export const SHARED_RU: Record<keyof typeof SHARED_EN, string> = {
  'help.title': 'Формулы CJM',
  'row.segment': 'Сегмент (ЦА)',
  'row.product': 'Продукт',
  'row.avgCheck': 'P — средний чек',
  'row.purchases': 'Q — покупок на клиента',
  'row.leads': 'L — лиды',
  'row.conversion': 'C — конверсия в сделку',
  'row.revenue': 'Выручка = L × C × P × Q',
  'dialog.newMap': 'Новая карта пути клиента',
  'dialog.importTable': 'Карта из вашей таблицы',
  'wizard.title': 'Мастер CJM',
  'step.stages': 'Этапы',
  'stepHelp.goal':
    'Для чего карта: больше продаж, лучше сервис, лояльность? Одна карта — одна пара «сегмент + продукт»; постройте карту для каждой основной пары.',
  'step.plan': 'План действий',
  'plan.action': 'Действие',
  'plan.stage': 'Этап',
  'plan.lever': 'Рычаг',
  'plan.change': 'Ожидаемое изменение',
  'plan.owner': 'Ответственный',
  'plan.deadline': 'Срок',
  'plan.total': 'Влияние плана, все действия вместе',
  'plan.revenueNow': 'Выручка сейчас',
  'plan.revenueAfter': 'Выручка после плана, все действия вместе',
  'plan.status': 'Статус',
  'plan.start': 'Начало',
  'plan.impact': 'Влияние на выручку',
  'plan.note':
    'Ранжировано по влиянию каждого действия на выручку; считается по L, C, P и Q карты; при равном влиянии действия идут в порядке списка.',
  'plan.together':
    'Влияние каждого действия — его собственное, как если бы оно было единственным. Итог плана — все действия вместе: на каждом рычаге сначала количества (п.п., лиды, деньги, покупки), затем проценты, каждый от значения, которое оставили изменения до него.',
};
