/**
 * Journeys for tests: hand-made ones and fast-check arbitraries of any shape a user could produce.
 */
import fc from 'fast-check';
import type { Lang } from '../../src/core/words/i18n';
import {
  blankRecord,
  CARD_KEYS,
  CONTENT_KEYS,
  TITLE_KEYS,
  type CellData,
  type Journey,
  type Stage,
} from '../../src/core/map/journey';
import { MAX_STAGES } from '../../src/core/map/layout';
import { presetStages, type Role } from '../../src/core/map/stages';
import { newStage } from '../../src/core/map/journey';

export function presetJourney(
  lang: Lang = 'en',
  preset: 'checklist6' | 'purchase5' | 'funnel5' = 'checklist6',
): Journey {
  const title = blankRecord(TITLE_KEYS);
  title.name = 'Coffee — beans';
  return {
    id: 'TEST42',
    lang,
    title,
    card: blankRecord(CARD_KEYS),
    stages: presetStages(preset, lang).map((s) => newStage(s.name, s.role)),
    avgCheck: '',
    purchases: '',
  };
}

/** Text a marketer might type, including formula-looking and number-looking text. */
export const userText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '=IMPORTXML("http://x","//a")',
    '+1',
    '-x',
    '@a',
    "'quoted",
    '5%',
    '1 200,50',
    '2026-01-01',
    'TRUE',
    'Ложь',
    '  spaced  ',
  ),
);
/**
 * Text as it arrives pasted from a word processor, a PDF or a chat: control characters (U+0001,
 * U+000B…), lone surrogate halves, U+FFFE/U+FFFF, carriage returns, and the characters that mean
 * something in XML ("]]>", "&", "<", quotes), among any other code point.
 */
export const pastedText: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\u0000',
      '\u0001',
      '\u0008',
      '\u000b',
      '\u000c',
      '\u001f',
      '\u007f',
      '\u0085',
      '\ud800',
      '\udbff',
      '\udc00',
      '\udfff',
      '\ufffe',
      '\uffff',
      '\ufeff',
      '\t',
      '\n',
      '\r',
      '\r\n',
      ' ',
      ']]>',
      '&',
      '&amp;',
      '&#1;',
      '<',
      '>',
      '"',
      "'",
      '<!--',
      '🎉',
      'Ж',
    ),
    // any UTF-16 code unit, so a lone surrogate half anywhere, and any code point
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});

const cellData: fc.Arbitrary<CellData> = fc.oneof(
  userText,
  fc.integer({ min: 0, max: 1e6 }),
  fc.constant(''),
);
const role: fc.Arbitrary<Role | ''> = fc.constantFrom('L', 'C', 'Q', '');

export const stageArb: fc.Arbitrary<Stage> = fc.record({
  id: fc.stringMatching(/^[a-z2-9]{8}$/),
  name: userText.filter((s) => s.trim() !== ''),
  role,
  content: fc.record(
    Object.fromEntries(CONTENT_KEYS.map((k) => [k, cellData])) as Record<
      (typeof CONTENT_KEYS)[number],
      fc.Arbitrary<CellData>
    >,
  ),
  customers: fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.constant('')),
  target: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant('')),
});

export const journeyArb: fc.Arbitrary<Journey> = fc.record({
  id: fc.stringMatching(/^[A-HJ-NP-Z2-9]{6}$/),
  lang: fc.constantFrom<Lang>('en', 'ru'),
  title: fc.record(
    Object.fromEntries(TITLE_KEYS.map((k) => [k, userText])) as Record<
      (typeof TITLE_KEYS)[number],
      fc.Arbitrary<CellData>
    >,
  ),
  card: fc.record(
    Object.fromEntries(CARD_KEYS.map((k) => [k, userText])) as Record<
      (typeof CARD_KEYS)[number],
      fc.Arbitrary<CellData>
    >,
  ),
  stages: fc.uniqueArray(stageArb, {
    minLength: 2,
    maxLength: Math.min(MAX_STAGES, 12),
    selector: (s) => s.id,
  }),
  avgCheck: fc.oneof(fc.integer({ min: 0, max: 1e5 }), fc.constant('')),
  purchases: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constant('')),
});

/**
 * Six stages of an online course typed by hand (no preset) and their customers: with the deal guessed from
 * the order it is the third; where customers pay, the fifth.
 */
export const HAND_TYPED = {
  stages: [
    'Увидел рекламу',
    'Оставил заявку',
    'Записался на пробный урок',
    'Пришёл на урок',
    'Оплатил курс',
    'Продлил',
  ],
  customers: [5000, 1200, 330, 300, 150, 90],
} as const;

/** A plan action as the sidebar sends it: only its words, lever and change typed. */
export const planAction = (action: string, lever: string, change: string) => ({
  action,
  stage: '',
  lever,
  change,
  owner: '',
  deadline: '',
  start: '',
  status: '',
});
