/**
 * Stage presets. Each stage drives one factor of L × C × P × Q (its funnel role):
 * L stages bring leads, the C stage is the deal (conversion, average check), Q stages
 * bring repeat purchases. The map's L and C cells are computed from these roles.
 */
import type { Lang } from '../words/i18n';

export type Role = 'L' | 'C' | 'Q';
export const ROLES: readonly Role[] = ['L', 'C', 'Q'];

export type PresetId = 'checklist6' | 'purchase5' | 'funnel5' | 'custom';
export const PRESET_IDS: readonly PresetId[] = ['checklist6', 'purchase5', 'funnel5', 'custom'];

export interface StageSeed {
  name: string;
  role: Role;
}

const PRESETS: Record<Exclude<PresetId, 'custom'>, { role: Role; en: string; ru: string }[]> = {
  // The six steps "from cold to loyal" of the CJM checklist the wizard walks through.
  checklist6: [
    { role: 'L', en: 'Initial consideration', ru: 'Первичное осмысление' },
    { role: 'L', en: 'Active evaluation', ru: 'Активная оценка' },
    { role: 'C', en: 'Purchase', ru: 'Сделка' },
    { role: 'Q', en: 'Experience', ru: 'Пользовательский опыт' },
    { role: 'Q', en: 'Trigger', ru: 'Триггер' },
    { role: 'Q', en: 'Loyalty', ru: 'Лояльность' },
  ],
  // The stages of one purchase, from first hearing of the product to the service after it.
  purchase5: [
    { role: 'L', en: 'Awareness', ru: 'Осведомлённость' },
    { role: 'L', en: 'Research', ru: 'Изучение' },
    { role: 'L', en: 'Comparison with competitors', ru: 'Сравнение с конкурентами' },
    { role: 'C', en: 'Order', ru: 'Заказ' },
    { role: 'Q', en: 'After-sales service', ru: 'Послепродажное обслуживание' },
  ],
  funnel5: [
    { role: 'L', en: 'Awareness', ru: 'Осведомлённость' },
    { role: 'L', en: 'Consideration', ru: 'Рассмотрение' },
    { role: 'C', en: 'Purchase', ru: 'Покупка' },
    { role: 'Q', en: 'Retention', ru: 'Удержание' },
    { role: 'Q', en: 'Advocacy', ru: 'Рекомендации' },
  ],
};

/** Roles around the deal stage: the stages before it bring leads, those after it repeats. */
export function rolesAroundDeal(count: number, deal: number): Role[] {
  return Array.from({ length: count }, (_, i) => (i < deal ? 'L' : i === deal ? 'C' : 'Q'));
}

/**
 * A guess for custom stages with no deal stage chosen: the middle one. A map made with it says
 * its roles are guessed (Journey.rolesGuessed).
 */
export function rolesByPosition(count: number): Role[] {
  return rolesAroundDeal(count, Math.floor((count - 1) / 2));
}

/** `deal`: the custom stage the user chose as the deal; null guesses it (rolesByPosition). */
export function presetStages(
  preset: PresetId,
  lang: Lang,
  customNames: readonly string[] = [],
  deal: number | null = null,
): StageSeed[] {
  if (preset === 'custom') {
    const roles =
      deal === null
        ? rolesByPosition(customNames.length)
        : rolesAroundDeal(customNames.length, deal);
    return customNames.map((name, i) => ({ name, role: roles[i] ?? 'Q' }));
  }
  return PRESETS[preset].map((s) => ({ name: s[lang], role: s.role }));
}
