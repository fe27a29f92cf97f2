import { describe, expect, it } from 'vitest';
import { newMapSchema, validate } from '../../../../src/core/map/requests';
import type { Lang } from '../../../../src/core/words/i18n';

/** The messages the New map form shows next to a field, as the catalogue words them. */
const MESSAGES = {
  en: {
    required: 'Fill this in.',
    choose: 'Pick one of the options.',
    stages: 'Give 2 to 40 stage names, one per line.',
    control: 'A name cannot hold line breaks or other control characters: type it on one line.',
    invalid: 'This value is not valid; check it and try again.',
    tooLong: (n: number) => `At most ${n} characters.`,
  },
  ru: {
    required: 'Заполните это поле.',
    choose: 'Выберите один из вариантов.',
    // 40 → "названий" (the many form)
    stages: 'Укажите от 2 до 40 названий этапов, по одному в строке.',
    control:
      'В названии не может быть переносов строки и других управляющих символов: введите его в одну строку.',
    invalid: 'Недопустимое значение; проверьте его и попробуйте снова.',
    // 60, 80 and 300 all take the many form "символов"
    tooLong: (n: number) => `Не больше ${n} символов.`,
  },
} as const;

const FORM = {
  name: 'Coffee map',
  segment: '',
  product: '',
  preset: 'checklist6',
  stages: [] as string[],
  lang: 'en',
  locale: 'en_US',
  example: false,
};

const stageNames = (n: number) => Array.from({ length: n }, (_, i) => `Stage ${i + 1}`);

describe.each(['en', 'ru'] as const)('the New map form, checked in %s', (lang: Lang) => {
  const m = MESSAGES[lang];
  const check = (payload: unknown) => validate(newMapSchema(lang), payload, lang);
  /** The form with some fields changed: its errors per field, or {} when it passes. */
  const errors = (over: Record<string, unknown>) => {
    const r = check({ ...FORM, ...over });
    return r.ok ? {} : r.fieldErrors;
  };

  it('passes a complete form on and trims its texts', () => {
    const r = check({
      name: '  Coffee map  ',
      segment: ' Students ',
      product: '\tTea\n',
      preset: 'custom',
      stages: [' Visit ', 'Buy'],
      lang: 'ru',
      locale: 'ru_RU',
      example: false,
      deal: 1,
    });
    expect(r).toStrictEqual({
      ok: true,
      value: {
        name: 'Coffee map',
        segment: 'Students',
        product: 'Tea',
        preset: 'custom',
        stages: ['Visit', 'Buy'],
        lang: 'ru',
        locale: 'ru_RU',
        example: false,
        deal: 1,
      },
    });
  });

  describe('the map name', () => {
    it('takes up to 80 characters (after trimming) and names the limit past it', () => {
      expect(errors({ name: ` ${'x'.repeat(80)} ` })).toStrictEqual({});
      expect(errors({ name: 'x'.repeat(81) })).toStrictEqual({ name: m.tooLong(80) });
    });

    it('must be on one line', () => {
      expect(errors({ name: 'Coffee\nmap' })).toStrictEqual({ name: m.control });
      expect(errors({ name: 'Coffee\u2028map' })).toStrictEqual({ name: m.control });
    });
  });

  it('takes a segment and a product of up to 300 characters', () => {
    expect(errors({ segment: 's'.repeat(300), product: 'p'.repeat(300) })).toStrictEqual({});
    expect(errors({ segment: 's'.repeat(301) })).toStrictEqual({ segment: m.tooLong(300) });
    expect(errors({ product: 'p'.repeat(301) })).toStrictEqual({ product: m.tooLong(300) });
  });

  describe('what names the map', () => {
    it('a name, or both a segment and a product, or the example', () => {
      expect(errors({ name: 'Coffee map' })).toStrictEqual({});
      expect(errors({ name: '', segment: 'Students', product: 'Tea' })).toStrictEqual({});
      expect(errors({ name: '', example: true })).toStrictEqual({});
    });

    it('is asked for at the segment when missing, a blank name counting as none', () => {
      const missing = { segment: m.required };
      expect(errors({ name: '' })).toStrictEqual(missing);
      expect(errors({ name: '   ' })).toStrictEqual(missing);
      expect(errors({ name: '', segment: 'Students' })).toStrictEqual(missing);
      expect(errors({ name: '', product: 'Tea' })).toStrictEqual(missing);
    });
  });

  describe('custom stages', () => {
    it('are 2 to 40 named ones, blank lines not counting', () => {
      const custom = (stages: string[]) => errors({ preset: 'custom', stages });
      expect(custom(stageNames(2))).toStrictEqual({});
      expect(custom(stageNames(40))).toStrictEqual({});
      expect(custom(['Visit'])).toStrictEqual({ stages: m.stages });
      expect(custom(['Visit', '', '  '])).toStrictEqual({ stages: m.stages });
      expect(custom(stageNames(41))).toStrictEqual({ stages: m.stages });
    });

    it('are not counted for a preset', () => {
      expect(errors({ preset: 'funnel5', stages: ['Visit'] })).toStrictEqual({});
      expect(errors({ preset: 'funnel5', stages: stageNames(41) })).toStrictEqual({});
    });

    it('each keeps to a stage name: 60 characters, one line; the first problem of the list shows', () => {
      expect(errors({ stages: ['s'.repeat(60)] })).toStrictEqual({});
      expect(errors({ stages: ['Visit', 's'.repeat(61)] })).toStrictEqual({
        stages: m.tooLong(60),
      });
      expect(errors({ stages: ['Visit', 'Buy\rnow'] })).toStrictEqual({ stages: m.control });
      expect(errors({ stages: ['Buy\nnow', 's'.repeat(61)] })).toStrictEqual({
        stages: m.control,
      });
    });
  });

  describe('the deal stage of custom stages', () => {
    const custom = (stages: string[], deal: unknown) => errors({ preset: 'custom', stages, deal });

    it('is one of the named stages, by its place, or none', () => {
      expect(custom(['Visit', 'Buy'], 0)).toStrictEqual({});
      expect(custom(['Visit', 'Buy'], 1)).toStrictEqual({});
      expect(custom(['Visit', 'Buy'], null)).toStrictEqual({});
      expect(errors({ preset: 'custom', stages: ['Visit', 'Buy'] })).toStrictEqual({});
    });

    it('past the named stages is asked to be picked again', () => {
      expect(custom(['Visit', 'Buy'], 2)).toStrictEqual({ deal: m.choose });
      expect(custom(['Visit', 'Buy', ''], 2)).toStrictEqual({ deal: m.choose });
    });

    it('is not checked against the stages for a preset', () => {
      expect(errors({ preset: 'funnel5', stages: [], deal: 7 })).toStrictEqual({});
    });

    it('that is not a whole number from 0 is not valid', () => {
      expect(custom(['Visit', 'Buy'], -1)).toStrictEqual({ deal: m.invalid });
      expect(custom(['Visit', 'Buy'], 0.5)).toStrictEqual({ deal: m.invalid });
      expect(custom(['Visit', 'Buy'], '1')).toStrictEqual({ deal: m.invalid });
    });
  });

  it('asks for a preset and a map language among the options', () => {
    expect(errors({ preset: 'funnel7', lang: 'de' })).toStrictEqual({
      preset: m.choose,
      lang: m.choose,
    });
  });

  describe('the spreadsheet locale', () => {
    it.each([
      'en',
      'fil',
      'en_US',
      'pt-BR',
      'zh_hant',
      'es_419',
      'zh_Hant_TW',
      'EN_us',
      'abc_ABCDEFGH_ABCDEFG',
    ])('takes %s', (locale) => {
      expect(errors({ locale })).toStrictEqual({});
    });

    it.each([
      '',
      'e',
      'engl',
      '1en',
      'x en',
      'en!',
      'en_',
      'en_U',
      'en US',
      'en.US',
      'en_ABCDEFGHI',
      // a well-formed tag past 20 characters
      'abc_ABCDEFGH_ABCDEFGH',
    ])('rejects %j as not valid', (locale) => {
      expect(errors({ locale })).toStrictEqual({ locale: m.invalid });
    });
  });

  it('says a missing or mistyped field is not valid, each under its own name', () => {
    const { stages: _, ...withoutStages } = FORM;
    const r = check({ ...withoutStages, example: 'yes' });
    expect(r).toStrictEqual({ ok: false, fieldErrors: { stages: m.invalid, example: m.invalid } });
  });

  it('puts a problem with the form as a whole under "_form"', () => {
    expect(check(null)).toStrictEqual({ ok: false, fieldErrors: { _form: m.invalid } });
    expect(check('name=Coffee')).toStrictEqual({ ok: false, fieldErrors: { _form: m.invalid } });
  });
});
