/** What a journey table's labels mean for a map, in English and Russian. */
import { describe, expect, it } from 'vitest';
import {
  isFeelingLabel,
  isNumberTarget,
  isPhaseLabel,
  isRowLabel,
  isStageLabel,
  normaliseLabel,
  pairTargetOf,
  type RowTarget,
  rowTargetOf,
} from '../../../../src/core/import/labels';

describe('a label as compared', () => {
  it.each([
    ['  1. Pain Points! ', 'pain points'],
    ['2) Действия', 'действия'],
    ['😀 Ёмкость — рынка', 'емкость рынка'],
    ['Touch-points', 'touch points'],
    ['10', '10'],
  ])('%j reads as %j', (label, norm) => {
    expect(normaliseLabel(label)).toBe(norm);
  });
});

describe("a table row's label", () => {
  it.each([
    ['Customer goal', 'job'],
    ['Цели клиента', 'job'],
    ['Doing', 'actions'],
    ['Что делает', 'actions'],
    ['Thinking', 'questions'],
    ['Вопросы', 'questions'],
    ['Touchpoints', 'touchpoints'],
    ['Точки касания', 'touchpoints'],
    ['Channels', 'channels'],
    ['Каналы коммуникации', 'channels'],
    ['Information sources', 'content'],
    ['Контент', 'content'],
    ['Pain points', 'barriers'],
    ['Боли', 'barriers'],
    ['Barrier type', 'barrierType'],
    ['Тип барьера', 'barrierType'],
    ['Gains', 'drivers'],
    ['Драйверы', 'drivers'],
    ['Driver type', 'driverType'],
    ['Типы драйверов', 'driverType'],
    ['CSAT', 'score'],
    ['Оценка опыта', 'score'],
    ['Confidence', 'evidence'],
    ['Уровень доказательности', 'evidence'],
    ['Opportunities', 'weakSpots'],
    ['Точки роста', 'weakSpots'],
    ['Funnel role', 'role'],
    ['Роль', 'role'],
    ['Visitors', 'customers'],
    ['Заявки', 'customers'],
    ['Conversion rate', 'target'],
    ['Целевая конверсия', 'target'],
    ['AOV', 'avgCheck'],
    ['Средний чек', 'avgCheck'],
    ['Repeat purchases', 'purchases'],
    ['Частота покупок', 'purchases'],
  ])('%j is the map row %s', (label, target) => {
    expect(rowTargetOf(label)).toBe(target);
  });

  it("holding a row's words among others, takes the row whose longest word it holds", () => {
    expect(rowTargetOf('Customer pain points today')).toBe('barriers');
    // "barrier type" (12 letters) over "barrier" (7)
    expect(rowTargetOf('Main barrier type')).toBe('barrierType');
    expect(rowTargetOf('Что делает клиент')).toBe('actions');
  });

  it('names no row when it holds none of their words', () => {
    expect(rowTargetOf('Weather')).toBeNull();
    expect(rowTargetOf('  ')).toBeNull();
    expect(rowTargetOf('painpoints')).toBeNull();
  });
});

describe('a label of the title block', () => {
  it.each([
    ['Customer journey map', 'name'],
    ['Целевая аудитория', 'segment'],
    ['Service', 'product'],
    ['Персона', 'persona'],
    ['Objective', 'goal'],
    ['Author', 'owner'],
    ['Имя', 'personaName'],
    ['Age', 'personaAge'],
    ['Пол', 'personaGender'],
    ['Education', 'personaEducation'],
    ['Род занятий', 'personaProfession'],
    ['Доход', 'personaIncome'],
    ['Hobbies', 'personaInterests'],
    ['Черты характера', 'personaTraits'],
    ['Needs', 'personaGoals'],
    ['Value proposition', 'productValue'],
    ['Конкурентные преимущества', 'productAdvantages'],
    ['Alternatives', 'productSubstitutes'],
    ['Сезонность', 'productSeasonality'],
    ['Type of demand', 'productDemand'],
    ['Scenario', 'jobs'],
  ])('%j is the %s field', (label, target) => {
    expect(pairTargetOf(label)).toBe(target);
  });
});

describe('stage, phase and feeling labels', () => {
  it('the stage row or column: "Stage", "Этапы", "Journey stages"', () => {
    expect(['Stage', 'Этапы', 'Journey stages', 'Шаг 1'].map(isStageLabel)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['Stagecoach', '', 'Phase'].map(isStageLabel)).toEqual([false, false, false]);
  });

  it('a phase row over the stages, and feelings, which are rows of the table too', () => {
    expect(['Phase', 'Группа этапов', 'Period'].map(isPhaseLabel)).toEqual([true, true, false]);
    expect(['Emotions', 'Настроение', ''].map(isFeelingLabel)).toEqual([true, true, false]);
    expect(['Feelings', 'Pain points', 'Weather', ''].map(isRowLabel)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('numbering and numbers in a label', () => {
  it.each([
    ['12. Ideas', 'ideas'],
    ['12) Идеи', 'идеи'],
    ['Top 10 ideas', 'top 10 ideas'],
    ['Топ 10 идей', 'топ 10 идей'],
  ])('%j reads as %j', (label, norm) => {
    expect(normaliseLabel(label)).toBe(norm);
  });
});

describe('a label holding the words of two rows', () => {
  it('takes the row of the longer words', () => {
    expect(rowTargetOf('Touch points and channels')).toBe('touchpoints');
    expect(rowTargetOf('Точки контакта и каналы')).toBe('touchpoints');
  });

  it('of words as long as each other, takes the row listed first (goals before pains, pains before gains)', () => {
    expect(rowTargetOf('Pains and gains')).toBe('barriers');
    expect(rowTargetOf('Цели и боли')).toBe('job');
  });
});

describe('rows read as numbers', () => {
  it('are the counts, conversion, check and purchases, and no other', () => {
    const numbers: RowTarget[] = ['customers', 'target', 'avgCheck', 'purchases'];
    const others: RowTarget[] = ['actions', 'score', 'role', 'keep'];
    expect(numbers.map(isNumberTarget)).toEqual([true, true, true, true]);
    expect(others.map(isNumberTarget)).toEqual([false, false, false, false]);
  });
});
