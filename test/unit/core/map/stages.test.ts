import { describe, expect, it } from 'vitest';
import { presetStages } from '../../../../src/core/map/stages';

const pairs = (stages: { name: string; role: string }[]) => stages.map((s) => [s.name, s.role]);

describe('the stage presets a new map starts from', () => {
  it('the six-step checklist: two lead stages, the purchase, three repeat-purchase stages', () => {
    expect(pairs(presetStages('checklist6', 'en'))).toEqual([
      ['Initial consideration', 'L'],
      ['Active evaluation', 'L'],
      ['Purchase', 'C'],
      ['Experience', 'Q'],
      ['Trigger', 'Q'],
      ['Loyalty', 'Q'],
    ]);
    expect(pairs(presetStages('checklist6', 'ru'))).toEqual([
      ['Первичное осмысление', 'L'],
      ['Активная оценка', 'L'],
      ['Сделка', 'C'],
      ['Пользовательский опыт', 'Q'],
      ['Триггер', 'Q'],
      ['Лояльность', 'Q'],
    ]);
  });

  it('the stages of one purchase: three lead stages, the order, the service after it', () => {
    expect(pairs(presetStages('purchase5', 'en'))).toEqual([
      ['Awareness', 'L'],
      ['Research', 'L'],
      ['Comparison with competitors', 'L'],
      ['Order', 'C'],
      ['After-sales service', 'Q'],
    ]);
    expect(pairs(presetStages('purchase5', 'ru'))).toEqual([
      ['Осведомлённость', 'L'],
      ['Изучение', 'L'],
      ['Сравнение с конкурентами', 'L'],
      ['Заказ', 'C'],
      ['Послепродажное обслуживание', 'Q'],
    ]);
  });

  it('the classic funnel: awareness and consideration, the purchase, retention and advocacy', () => {
    expect(pairs(presetStages('funnel5', 'en'))).toEqual([
      ['Awareness', 'L'],
      ['Consideration', 'L'],
      ['Purchase', 'C'],
      ['Retention', 'Q'],
      ['Advocacy', 'Q'],
    ]);
    expect(pairs(presetStages('funnel5', 'ru'))).toEqual([
      ['Осведомлённость', 'L'],
      ['Рассмотрение', 'L'],
      ['Покупка', 'C'],
      ['Удержание', 'Q'],
      ['Рекомендации', 'Q'],
    ]);
  });
});

describe('custom stages', () => {
  it('none when the user named none', () => {
    expect(presetStages('custom', 'en')).toEqual([]);
  });

  it('keep the names typed; with no deal chosen the middle stage is the deal', () => {
    expect(pairs(presetStages('custom', 'en', ['Ad', 'Visit', 'Cart', 'Pay', 'Review']))).toEqual([
      ['Ad', 'L'],
      ['Visit', 'L'],
      ['Cart', 'C'],
      ['Pay', 'Q'],
      ['Review', 'Q'],
    ]);
    // with an even count, the earlier of the two middle stages
    expect(pairs(presetStages('custom', 'ru', ['A', 'B', 'C', 'D']))).toEqual([
      ['A', 'L'],
      ['B', 'C'],
      ['C', 'Q'],
      ['D', 'Q'],
    ]);
  });

  it('the deal the user chose splits lead stages from repeat-purchase stages', () => {
    expect(pairs(presetStages('custom', 'en', ['Ad', 'Visit', 'Cart', 'Pay'], 3))).toEqual([
      ['Ad', 'L'],
      ['Visit', 'L'],
      ['Cart', 'L'],
      ['Pay', 'C'],
    ]);
    expect(pairs(presetStages('custom', 'en', ['Pay', 'Review'], 0))).toEqual([
      ['Pay', 'C'],
      ['Review', 'Q'],
    ]);
  });
});
