/**
 * The add-on's pages opened from the menu: the formula reference in the sidebar, and the New map
 * dialog with the presets in both languages.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  presetOptionsByLang,
  showFormulaHelp,
  showNewMapDialog,
} from '../../../src/server/dialogs';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const FILES = { Sidebar: '<script>var boot = __CJM_BOOT_JSON__;</script>', Dialog: 'dialog' };

/** The data a page was opened with. */
function bootOf(html: string | undefined): Record<string, unknown> {
  const json = /var boot = (.*);<\/script>/.exec(html ?? '')?.[1];
  if (!json) throw new Error(`no boot in ${html}`);
  return JSON.parse(json) as Record<string, unknown>;
}

const ENGLISH_PRESETS = [
  {
    id: 'checklist6',
    label: 'Six steps from cold to loyal (checklist method)',
    stages: [
      'Initial consideration',
      'Active evaluation',
      'Purchase',
      'Experience',
      'Trigger',
      'Loyalty',
    ],
  },
  {
    id: 'purchase5',
    label: 'Purchase stages: awareness to after-sales',
    stages: [
      'Awareness',
      'Research',
      'Comparison with competitors',
      'Order',
      'After-sales service',
    ],
  },
  {
    id: 'funnel5',
    label: 'Classic five-stage funnel',
    stages: ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'],
  },
  { id: 'custom', label: 'My own stages', stages: [] },
];

describe('Formula help', () => {
  it("opens the sidebar titled in the spreadsheet's language, with the formula reference", () => {
    const { wb } = emulated({ locale: 'ru_RU', userLocale: 'en_US' }, FILES);
    showFormulaHelp();
    const shown = wb.ui.surfaces.at(-1);
    expect(shown?.kind).toBe('sidebar');
    expect(shown?.title).toBe('Формулы CJM');
    const boot = bootOf(shown?.html) as {
      view: string;
      lang: string;
      formulas: { name: string }[];
    };
    expect(boot.view).toBe('formulas');
    expect(boot.lang).toBe('ru');
    expect(boot.formulas.map((f) => f.name)).toEqual([
      'CJM_REVENUE',
      'CJM_CONVERSION',
      'CJM_FUNNEL',
      'CJM_BOTTLENECK',
      'CJM_REQUIRED',
      'CJM_IMPACT',
    ]);
  });

  it("writes the examples as the spreadsheet's locale takes them (English words, German syntax)", () => {
    const { wb } = emulated({ locale: 'de_DE' }, FILES);
    showFormulaHelp();
    const shown = wb.ui.surfaces.at(-1);
    expect(shown?.title).toBe('CJM formulas');
    const boot = bootOf(shown?.html) as {
      lang: string;
      formulas: { name: string; examples: { formula: string; result: string }[] }[];
    };
    expect(boot.lang).toBe('en');
    expect(boot.formulas.find((f) => f.name === 'CJM_REQUIRED')?.examples[0]).toEqual({
      given: null,
      formula: '=CJM_REQUIRED(300000; 1000; 5%; 2000; 1,5; "leads")',
      result: '2000 leads',
    });
  });
});

describe('New map dialog', () => {
  it("opens a 420 × 600 dialog titled in the spreadsheet's language, with its locale and the presets", () => {
    const { wb } = emulated({ locale: 'ru_RU', userLocale: 'en_US' }, FILES);
    showNewMapDialog();
    const shown = wb.ui.surfaces.at(-1);
    expect(shown).toMatchObject({
      kind: 'modal',
      title: 'Новая карта пути клиента',
      width: 420,
      height: 600,
    });
    const boot = bootOf(shown?.html) as {
      presets: { en: unknown; ru: { label: string; stages: string[] }[] };
    };
    expect(boot).toMatchObject({ view: 'newMap', lang: 'ru', locale: 'ru_RU' });
    expect(boot.presets.en).toEqual(ENGLISH_PRESETS);
    expect(boot.presets.ru[2]).toEqual({
      id: 'funnel5',
      label: 'Классическая воронка из пяти этапов',
      stages: ['Осведомлённость', 'Рассмотрение', 'Покупка', 'Удержание', 'Рекомендации'],
    });
  });

  it('is titled in English in an English spreadsheet', () => {
    const { wb } = emulated({ locale: 'en_GB' }, FILES);
    showNewMapDialog();
    expect(wb.ui.surfaces.at(-1)?.title).toBe('New journey map');
    expect(bootOf(wb.ui.surfaces.at(-1)?.html)).toMatchObject({ lang: 'en', locale: 'en_GB' });
  });

  it('offers the four presets in English and in Russian', () => {
    const presets = presetOptionsByLang();
    expect(Object.keys(presets)).toEqual(['en', 'ru']);
    expect(presets.en).toEqual(ENGLISH_PRESETS);
    expect(presets.ru.map((p) => p.label)).toEqual([
      'Шесть шагов от холодного к лояльному (чек-лист)',
      'Этапы покупки: от осведомлённости до сервиса',
      'Классическая воронка из пяти этапов',
      'Свои этапы',
    ]);
    expect(presets.ru[0]?.stages).toEqual([
      'Первичное осмысление',
      'Активная оценка',
      'Сделка',
      'Пользовательский опыт',
      'Триггер',
      'Лояльность',
    ]);
  });
});
