/**
 * What a table's row label means for a map: the words public journey-map templates use, in English
 * and Russian, for each row of the map ("Pain points" → barriers, "Doing" → actions, "Точки
 * контакта" → touchpoints…), and for the title block above a table ("Persona", "Scenario",
 * "Goal"). No catalogue words here: the dialog bundles this module, and the catalogue's labels
 * reach it in the boot payload.
 */
import { CARD_KEYS, CONTENT_KEYS, TITLE_TEXT_KEYS } from '../map/journey';

/** Where a row of the table goes: a row of the map, or kept with its own label ('keep'). */
export const ROW_TARGETS = [
  ...CONTENT_KEYS,
  'role',
  'customers',
  'target',
  'avgCheck',
  'purchases',
  'keep',
] as const;
export type RowTarget = (typeof ROW_TARGETS)[number];

/** The rows whose cells are read as numbers (the KPI block). */
export const NUMBER_TARGETS = ['customers', 'target', 'avgCheck', 'purchases'] as const;
export type NumberTarget = (typeof NUMBER_TARGETS)[number];
export const isNumberTarget = (t: RowTarget): t is NumberTarget =>
  (NUMBER_TARGETS as readonly string[]).includes(t);

/** Where a label–value pair above the table goes: a title text or card field, or kept ('keep'). */
export const PAIR_TARGETS = [...TITLE_TEXT_KEYS, ...CARD_KEYS, 'keep'] as const;
export type PairTarget = (typeof PAIR_TARGETS)[number];

/**
 * A label as compared: lower case, ё as е, no numbering ("1." "2)"), emoji, punctuation or
 * surrounding spaces.
 */
export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^\s*\d+\s+/, '')
    .trim();
}

const ROW_WORDS: Record<Exclude<RowTarget, 'keep'>, string> = {
  job: 'goal|goals|customer goal|customer goals|job|jobs|job to be done|jobs to be done|jtbd|need|needs|motivation|expectations|цель|цели|цель клиента|цели клиента|задача клиента|задачи клиента|работа клиента|потребность|потребности|мотивация|ожидания',
  actions:
    'actions|action|doing|does|customer actions|user actions|activities|activity|behaviour|behavior|what they do|действия|действие|действия клиента|делает|что делает|поведение|активности',
  questions:
    'questions|question|thinking|thoughts|thinks|customer questions|what they think|вопросы|вопрос|вопросы клиента|мысли|думает|что думает',
  touchpoints:
    'touchpoints|touchpoint|touch points|touch point|interactions|points of contact|point of contact|точки контакта|точка контакта|точки касания|касания',
  channels:
    'channels|channel|media|where the audience is|каналы|канал|каналы коммуникации|где аудитория',
  content:
    'content|materials|information|information sources|sources of information|контент|материалы|информация|источники информации',
  barriers:
    'pain points|pain point|pains|pain|barriers|barrier|problems|obstacles|frustrations|issues|blockers|боли|боль|болевые точки|барьеры|барьер|проблемы|препятствия|трудности|сложности',
  barrierType: 'barrier type|barrier types|тип барьера|типы барьеров',
  drivers:
    'drivers|driver|gains|motivators|delighters|what helps|positives|драйверы|драйвер|мотиваторы|что помогает|радости',
  driverType: 'driver type|driver types|тип драйвера|типы драйверов',
  score:
    'experience score|score|rating|satisfaction|csat|оценка|оценка опыта|удовлетворенность|рейтинг',
  evidence:
    'evidence|evidence level|confidence|доказательность|уровень доказательности|уверенность',
  weakSpots:
    'ideas|idea|opportunities|opportunity|improvements|weak spots|weak points|recommendations|идеи|идея|возможности|улучшения|слабые места|слабые места и идеи|рекомендации|точки роста',
  role: 'funnel role|role|роль|роль в воронке',
  customers:
    'customers|customer count|number of customers|visitors|visits|leads|users|traffic|reach|audience size|buyers|clients|посетители|визиты|лиды|клиенты|покупатели|пользователи|трафик|охват|заявки|количество клиентов|число клиентов',
  target:
    'conversion|conversion rate|target|target conversion|cr|конверсия|целевая конверсия|цель по конверсии|план конверсии',
  avgCheck:
    'average check|average order value|aov|average purchase|average bill|check|price|средний чек|чек|средняя покупка|цена',
  purchases:
    'purchases|purchases per customer|repeat purchases|purchase frequency|frequency|покупки|количество покупок|повторные покупки|частота покупок|покупок на клиента',
};

/**
 * Rows of feelings ("Feeling", "Эмоции"): the map's experience score when they hold scores from 1
 * to 5, kept with their label when they hold words.
 */
const FEELING_WORDS =
  'feeling|feelings|feels|emotions|emotion|mood|чувства|чувствует|эмоции|эмоция|настроение';

const PAIR_WORDS: Record<Exclude<PairTarget, 'keep'>, string> = {
  name: 'map|journey|journey map|customer journey map|title|map name|карта|карта пути клиента|название|название карты',
  segment: 'segment|audience|target audience|сегмент|ца|аудитория|целевая аудитория',
  product: 'product|service|offer|продукт|услуга|товар|предложение',
  persona: 'persona|customer|user|who|персона|клиент|пользователь|кто',
  goal: 'goal|goals|goal of the map|objective|purpose|цель|цели|цель карты|задача',
  owner: 'owner|responsible|author|ответственный|владелец|автор',
  personaName: 'name|persona name|имя|имя персоны',
  personaAge: 'age|возраст',
  personaGender: 'gender|sex|пол',
  personaEducation: 'education|образование',
  personaProfession: 'profession|occupation|job title|профессия|род занятий|должность',
  personaIncome: 'income|доход',
  personaInterests: 'interests|hobbies|интересы|хобби',
  personaTraits: 'traits|character|personality|черты|черты характера|характер',
  personaGoals: 'expectations|needs|ожидания|потребности',
  productValue: 'value|value proposition|ценность|ценностное предложение',
  productAdvantages: 'advantages|competitive advantages|преимущества|конкурентные преимущества',
  productSubstitutes: 'substitutes|alternatives|заменители|товары заменители|альтернативы',
  productSeasonality: 'seasonality|сезонность',
  productDemand: 'demand|type of demand|спрос|тип спроса',
  jobs: 'scenario|scenarios|situation|context|jobs to be done|jtbd|сценарий|сценарии|ситуация|контекст',
};

/** Labels of the stage-name row or column ("Stage", "Этапы"), and of a phase row above it. */
const STAGE_WORDS =
  'stage|stages|step|steps|journey stage|journey stages|этап|этапы|шаг|шаги|стадия|стадии';
const PHASE_WORDS = 'phase|phases|group|фаза|фазы|группа|группа этапов|период';

const compile = (words: string) => new Set(words.split('|'));
const ROW_SETS = Object.entries(ROW_WORDS).map(([k, w]) => [k, compile(w)] as const);
const PAIR_SETS = Object.entries(PAIR_WORDS).map(([k, w]) => [k, compile(w)] as const);
const FEELINGS = compile(FEELING_WORDS);
const STAGES = compile(STAGE_WORDS);
const PHASES = compile(PHASE_WORDS);

/**
 * The target whose words the label is, or else the one whose longest word it holds as whole words
 * ("Customer pain points" → barriers); null when none.
 */
function bestMatch<K extends string>(
  label: string,
  sets: readonly (readonly [string, Set<string>])[],
): K | null {
  const norm = normaliseLabel(label);
  if (!norm) return null;
  for (const [key, words] of sets) if (words.has(norm)) return key as K;
  let best: { key: string; length: number } | null = null;
  const padded = ` ${norm} `;
  for (const [key, words] of sets)
    for (const w of words)
      if (padded.includes(` ${w} `) && w.length > (best?.length ?? 0))
        best = { key, length: w.length };
  return (best?.key as K | undefined) ?? null;
}

export const rowTargetOf = (label: string): Exclude<RowTarget, 'keep'> | null =>
  bestMatch(label, ROW_SETS);
export const pairTargetOf = (label: string): Exclude<PairTarget, 'keep'> | null =>
  bestMatch(label, PAIR_SETS);

const isOneOf = (set: Set<string>, label: string) => {
  const norm = normaliseLabel(label);
  return norm !== '' && (set.has(norm) || [...set].some((w) => ` ${norm} `.includes(` ${w} `)));
};
export const isFeelingLabel = (label: string): boolean => isOneOf(FEELINGS, label);
export const isStageLabel = (label: string): boolean => isOneOf(STAGES, label);
export const isPhaseLabel = (label: string): boolean => isOneOf(PHASES, label);

/** Whether a label names a row of a journey table, as the row or column labels of one do. */
export const isRowLabel = (label: string): boolean =>
  rowTargetOf(label) !== null || isFeelingLabel(label);
