/**
 * Make a map from this table, through the built bundle in the emulator: five tables laid out as
 * public journey-map templates lay them out, in English and Russian, each made into a map whose
 * every cell a user owns is written out here by hand; the source table is never changed.
 */
import { describe, expect, it } from 'vitest';
import { openSpreadsheet, type Session } from '../support/addon';
import {
  bigTable,
  dialogRequest,
  expectMap,
  importRoundTrips,
  importTable,
  openImport,
  stageNotes,
  typeTable,
} from '../support/import-table';

/** The source sheet's values, to show nothing in it changed. */
const valuesOf = (s: Session, sheet: string) => s.wb.values(sheet, 'A1:H20');

describe('a map from a table laid out like a public template', () => {
  it('a stage grid (goals, actions, touchpoints, pain points, ideas) found around one selected cell, its title block read, a row of feelings kept under the map', () => {
    const s = openSpreadsheet('en_US');
    const table = [
      ['Online course: first purchase journey'],
      ['Persona:', 'Oleg, 31, sales manager'],
      ['Goal:', 'Double the sign-ups from the blog'],
      [],
      ['Stage', 'Awareness', 'Consideration', 'Purchase', 'Onboarding', 'Advocacy'],
      [
        'Customer goals',
        'Learn what the course covers',
        'Compare with other courses',
        'Pay without hassle',
        'Finish the first module',
        'Tell colleagues',
      ],
      [
        'Actions',
        'Reads a blog post',
        'Watches the demo lesson',
        'Pays by card',
        'Opens module 1',
        'Posts a review',
      ],
      [
        'Touchpoints',
        'Blog, search',
        'Landing page, webinar',
        'Checkout',
        'Course platform, email',
        'LinkedIn',
      ],
      [
        'Pain points',
        'Too much jargon',
        'No price on the page',
        'Card declined abroad',
        '',
        'No referral bonus',
      ],
      [
        'Ideas / opportunities',
        'Plain-language intro',
        'Show the price',
        'Add PayPal',
        'Welcome video',
        'Referral code',
      ],
      ['Emotions', 'Curious', 'Doubtful', 'Anxious', 'Excited', 'Proud'],
    ];
    typeTable(s, 'Course', table);
    const source = valuesOf(s, 'Course');
    const { sheet, boot } = importTable(s, 'Course', 'C7');
    expect(boot.words.intro).toEqual([
      'Table A5:F11 on the sheet “Course”. It stays as it is.',
      'Stage names: B5:F5 (5 stages).',
    ]);
    expect(sheet).toBe('Online course: first purchase journey');
    expectMap(s, sheet, 5, {
      B1: 'Online course: first purchase journey',
      B4: 'Oleg, 31, sales manager',
      B5: 'Double the sign-ups from the blog',
      C9: 'Awareness',
      D9: 'Consideration',
      E9: 'Purchase',
      F9: 'Onboarding',
      G9: 'Advocacy',
      C10: 'Learn what the course covers',
      D10: 'Compare with other courses',
      E10: 'Pay without hassle',
      F10: 'Finish the first module',
      G10: 'Tell colleagues',
      C11: 'Reads a blog post',
      D11: 'Watches the demo lesson',
      E11: 'Pays by card',
      F11: 'Opens module 1',
      G11: 'Posts a review',
      C13: 'Blog, search',
      D13: 'Landing page, webinar',
      E13: 'Checkout',
      F13: 'Course platform, email',
      G13: 'LinkedIn',
      C16: 'Too much jargon',
      D16: 'No price on the page',
      E16: 'Card declined abroad',
      G16: 'No referral bonus',
      C22: 'Plain-language intro',
      D22: 'Show the price',
      E22: 'Add PayPal',
      F22: 'Welcome video',
      G22: 'Referral code',
      // the deal is the stage named Purchase: the roles are the table's, not a guess
      C24: 'L',
      D24: 'L',
      E24: 'C',
      F24: 'Q',
      G24: 'Q',
      A55: 'From the table A5:F11 on the sheet “Course”: what the map has no row for, with the labels it had there',
      A56: 'Emotions',
      C56: 'Curious',
      D56: 'Doubtful',
      E56: 'Anxious',
      F56: 'Excited',
      G56: 'Proud',
    });
    expect(stageNotes(s, sheet, 5)).toEqual(['', '', '', '', '']);
    expect(valuesOf(s, 'Course')).toEqual(source);
  });

  it('a persona-and-scenario sheet (doing, thinking, feeling) selected whole with its title block; feelings go into the stages’ notes', () => {
    const s = openSpreadsheet('en_US');
    typeTable(s, 'Phone plan', [
      ['Persona', 'Maya, 29, product designer'],
      ['Scenario', 'Switches to a cheaper phone plan before her contract ends'],
      ['Expectations', 'Clear prices, no hidden fees'],
      [],
      ['', 'Engage', 'Research', 'Compare', 'Buy', 'Use'],
      [
        'Doing',
        'Sees an ad for a cheaper plan',
        'Reads reviews',
        'Compares three plans',
        'Orders a SIM online',
        'Moves her number',
      ],
      [
        'Thinking',
        'Is it really cheaper?',
        'Is the coverage good?',
        'What is the catch?',
        'Will delivery be quick?',
        'Will I lose my number?',
      ],
      ['Feeling', 'Hopeful', 'Unsure', 'Overwhelmed', 'Relieved', 'Anxious'],
      [
        'Opportunities',
        'Show the yearly saving',
        'Coverage map on the ad',
        'Side-by-side table',
        '',
        'Number transfer guide',
      ],
    ]);
    const { sheet, boot } = importTable(s, 'Phone plan', 'A1:F9', (req) => ({
      ...req,
      unmatched: 'notes',
    }));
    expect(boot.reading.rows.map((r) => [r.label, r.target])).toEqual([
      ['Doing', 'actions'],
      ['Thinking', 'questions'],
      ['Feeling', 'keep'],
      ['Opportunities', 'weakSpots'],
    ]);
    expect(sheet).toBe('Phone plan (2)');
    expectMap(s, sheet, 5, {
      B1: 'Phone plan',
      B4: 'Maya, 29, product designer',
      B46: 'Clear prices, no hidden fees',
      B52: 'Switches to a cheaper phone plan before her contract ends',
      C9: 'Engage',
      D9: 'Research',
      E9: 'Compare',
      F9: 'Buy',
      G9: 'Use',
      C11: 'Sees an ad for a cheaper plan',
      D11: 'Reads reviews',
      E11: 'Compares three plans',
      F11: 'Orders a SIM online',
      G11: 'Moves her number',
      C12: 'Is it really cheaper?',
      D12: 'Is the coverage good?',
      E12: 'What is the catch?',
      F12: 'Will delivery be quick?',
      G12: 'Will I lose my number?',
      C22: 'Show the yearly saving',
      D22: 'Coverage map on the ad',
      E22: 'Side-by-side table',
      G22: 'Number transfer guide',
      C24: 'L',
      D24: 'L',
      E24: 'L',
      F24: 'C',
      G24: 'Q',
    });
    expect(stageNotes(s, sheet, 5)).toEqual([
      'Feeling: Hopeful',
      'Feeling: Unsure',
      'Feeling: Overwhelmed',
      'Feeling: Relieved',
      'Feeling: Anxious',
    ]);
  });

  it('a full Russian table with KPI rows: counts, shares, the check and purchases read as the map reads numbers, and its revenue computed from them', () => {
    const s = openSpreadsheet('ru_RU');
    typeTable(s, 'Фитнес', [
      ['Карта пути клиента — фитнес-клуб «Атлет»'],
      ['Сегмент:', 'Офисные работники 25–40 лет'],
      ['Продукт:', 'Годовой абонемент'],
      [],
      ['Этап', 'Осведомлённость', 'Изучение', 'Покупка', 'Использование', 'Лояльность'],
      [
        'Цели клиента',
        'Найти зал рядом с работой',
        'Понять цены',
        'Купить без очереди',
        'Заниматься регулярно',
        'Продлить со скидкой',
      ],
      [
        'Действия',
        'Видит рекламу',
        'Читает отзывы',
        'Покупает абонемент',
        'Ходит на тренировки',
        'Приводит друга',
      ],
      [
        'Вопросы',
        'Далеко ли ехать?',
        'Есть ли бассейн?',
        'Можно ли в рассрочку?',
        'Когда меньше людей?',
        'Есть ли скидка?',
      ],
      [
        'Точки контакта',
        'Instagram, 2ГИС',
        'Сайт, отзывы',
        'Ресепшн',
        'Приложение',
        'Email-рассылка',
      ],
      ['Барьеры', 'Нет цен в рекламе', '', 'Долгое оформление', 'Очереди к тренажёрам', ''],
      [
        'Драйверы',
        'Близко к офису',
        'Пробное занятие',
        '',
        'Удобное приложение',
        'Бонусы за друга',
      ],
      ['Оценка опыта (1–5)', 3, 4, 2, 4, 5],
      ['Посетители', '10 000', '2 500', '500', '450', '300'],
      ['Конверсия', '', '25%', '20%', '90%', '70%'],
      ['Средний чек', '', '', '24 000 ₽', '', ''],
      ['Покупок на клиента', '', '', '', '', '1,5'],
    ]);
    const { sheet, boot } = importTable(s, 'Фитнес', 'A1:F16');
    expect(boot.lang).toBe('ru');
    expect(boot.targets.rows.find((o) => o.id === 'barriers')?.label).toBe('Барьеры');
    expectMap(s, sheet, 5, {
      B1: 'Карта пути клиента — фитнес-клуб «Атлет»',
      B2: 'Офисные работники 25–40 лет',
      B3: 'Годовой абонемент',
      C9: 'Осведомлённость',
      D9: 'Изучение',
      E9: 'Покупка',
      F9: 'Использование',
      G9: 'Лояльность',
      C10: 'Найти зал рядом с работой',
      D10: 'Понять цены',
      E10: 'Купить без очереди',
      F10: 'Заниматься регулярно',
      G10: 'Продлить со скидкой',
      C11: 'Видит рекламу',
      D11: 'Читает отзывы',
      E11: 'Покупает абонемент',
      F11: 'Ходит на тренировки',
      G11: 'Приводит друга',
      C12: 'Далеко ли ехать?',
      D12: 'Есть ли бассейн?',
      E12: 'Можно ли в рассрочку?',
      F12: 'Когда меньше людей?',
      G12: 'Есть ли скидка?',
      C13: 'Instagram, 2ГИС',
      D13: 'Сайт, отзывы',
      E13: 'Ресепшн',
      F13: 'Приложение',
      G13: 'Email-рассылка',
      C16: 'Нет цен в рекламе',
      E16: 'Долгое оформление',
      F16: 'Очереди к тренажёрам',
      C18: 'Близко к офису',
      D18: 'Пробное занятие',
      F18: 'Удобное приложение',
      G18: 'Бонусы за друга',
      C20: 3,
      D20: 4,
      E20: 2,
      F20: 4,
      G20: 5,
      C24: 'L',
      D24: 'L',
      E24: 'C',
      F24: 'Q',
      G24: 'Q',
      C25: 10_000,
      D25: 2_500,
      E25: 500,
      F25: 450,
      G25: 300,
      D26: 0.25,
      E26: 0.2,
      F26: 0.9,
      G26: 0.7,
      B27: 24_000,
      B28: 1.5,
    });
    // L = 10 000 at the first L stage; C = 500 ÷ 10 000 = 5%; revenue = 10 000 × 5% × 24 000 × 1,5
    expect(s.wb.value(sheet, 'B32')).toBe(10_000);
    expect(s.wb.value(sheet, 'B33')).toBeCloseTo(0.05, 10);
    expect(s.wb.value(sheet, 'B34')).toBeCloseTo(18_000_000, 4);
  });

  it('a transposed Russian table (stages down, rows across) found around one cell; the row of feelings kept under the map', () => {
    const s = openSpreadsheet('ru_RU');
    typeTable(s, 'Доставка', [
      ['Этап', 'Действия', 'Точки контакта', 'Боли', 'Идеи', 'Что чувствует'],
      [
        'Поиск',
        'Ищет доставку еды',
        'Яндекс, 2ГИС',
        'Много похожих сервисов',
        'Акция для новых',
        'Голоден',
      ],
      ['Выбор', 'Листает меню', 'Приложение', 'Нет фото блюд', 'Фото к каждому блюду', 'Раздражён'],
      [
        'Заказ',
        'Оплачивает картой',
        'Приложение',
        'Долгая оплата',
        'Оплата в один клик',
        'Нетерпелив',
      ],
      ['Получение', 'Встречает курьера', 'Курьер, SMS', 'Опоздание', 'Трекинг курьера', 'Доволен'],
    ]);
    const source = valuesOf(s, 'Доставка');
    const { sheet, boot } = importTable(s, 'Доставка', 'B3');
    expect(boot.reading.across).toBe(false);
    expect(boot.words.intro).toEqual([
      'Таблица A1:F5 на листе «Доставка». Она останется как есть.',
      'Названия этапов: A2:A5 (4 этапа).',
      'Этапы идут сверху вниз: таблица прочитана повёрнутой.',
    ]);
    expectMap(s, sheet, 4, {
      B1: 'Доставка',
      C9: 'Поиск',
      D9: 'Выбор',
      E9: 'Заказ',
      F9: 'Получение',
      C11: 'Ищет доставку еды',
      D11: 'Листает меню',
      E11: 'Оплачивает картой',
      F11: 'Встречает курьера',
      C13: 'Яндекс, 2ГИС',
      D13: 'Приложение',
      E13: 'Приложение',
      F13: 'Курьер, SMS',
      C16: 'Много похожих сервисов',
      D16: 'Нет фото блюд',
      E16: 'Долгая оплата',
      F16: 'Опоздание',
      C22: 'Акция для новых',
      D22: 'Фото к каждому блюду',
      E22: 'Оплата в один клик',
      F22: 'Трекинг курьера',
      C24: 'L',
      D24: 'L',
      E24: 'C',
      F24: 'Q',
      A55: 'Из таблицы A1:F5 на листе «Доставка»: то, для чего в карте нет строки, с прежними подписями',
      A56: 'Что чувствует',
      C56: 'Голоден',
      D56: 'Раздражён',
      E56: 'Нетерпелив',
      F56: 'Доволен',
    });
    expect(valuesOf(s, 'Доставка')).toEqual(source);
  });

  it('merged phase headers: each stage keeps its phase in its note; a row the user moves to "keep" in its dropdown stays under the map', () => {
    const s = openSpreadsheet('en_US');
    typeTable(s, 'Hotel stay', [
      ['', 'Before the trip', '', 'At the hotel', '', 'After'],
      ['Stage', 'Discover', 'Book', 'Check in', 'Stay', 'Review'],
      [
        'Touchpoints',
        'Travel blogs',
        'Booking site',
        'Front desk',
        'Room, restaurant',
        'Email survey',
      ],
      [
        'Pain points',
        'Too many options',
        'Hidden fees',
        'Long queue',
        'Noisy room',
        'Survey too long',
      ],
      [
        'Gains',
        'Great photos',
        'Free cancellation',
        'Welcome drink',
        'Late checkout',
        'Discount for next stay',
      ],
      ['Customers', 5000, 800, 400, 400, 120],
    ]);
    s.wb.range('Hotel stay', 'B1:C1').merge();
    s.wb.range('Hotel stay', 'D1:E1').merge();
    const { sheet, boot } = importTable(s, 'Hotel stay', 'D4', (req) => ({
      ...req,
      rows: req.rows.map((r) => (r.label === 'Gains' ? { ...r, target: 'keep' } : r)),
    }));
    // the dialog suggested drivers for "Gains"; the user chose to keep it as it is
    expect(boot.reading.rows.find((r) => r.label === 'Gains')?.target).toBe('drivers');
    expect(boot.words.intro).toContain(
      'Phases over the stages: Before the trip (Discover, Book), At the hotel (Check in, Stay), After (Review). Each stays in the notes of its stages.',
    );
    expectMap(s, sheet, 5, {
      B1: 'Hotel stay',
      C9: 'Discover',
      D9: 'Book',
      E9: 'Check in',
      F9: 'Stay',
      G9: 'Review',
      C13: 'Travel blogs',
      D13: 'Booking site',
      E13: 'Front desk',
      F13: 'Room, restaurant',
      G13: 'Email survey',
      C16: 'Too many options',
      D16: 'Hidden fees',
      E16: 'Long queue',
      F16: 'Noisy room',
      G16: 'Survey too long',
      C24: 'L',
      D24: 'C',
      E24: 'Q',
      F24: 'Q',
      G24: 'Q',
      C25: 5000,
      D25: 800,
      E25: 400,
      F25: 400,
      G25: 120,
      A55: 'From the table A1:F6 on the sheet “Hotel stay”: what the map has no row for, with the labels it had there',
      A56: 'Gains',
      C56: 'Great photos',
      D56: 'Free cancellation',
      E56: 'Welcome drink',
      F56: 'Late checkout',
      G56: 'Discount for next stay',
    });
    expect(stageNotes(s, sheet, 5)).toEqual([
      'Phase: Before the trip',
      'Phase: Before the trip',
      'Phase: At the hotel',
      'Phase: At the hotel',
      'Phase: After',
    ]);
  });
});

describe('what making a map from a table costs', () => {
  it('a 40 × 40 table (39 stages): the command reads it in one round trip, and it and Create take at most 4; the dialog reads nothing more', () => {
    const s = openSpreadsheet('en_US');
    bigTable(s, 'Big table', 40);
    s.wb.calls.reset();
    const opened = openImport(s, 'Big table', 'B2');
    expect(s.wb.calls.roundTrips).toBe(1);
    if ('alert' in opened) throw new Error(opened.alert);
    // the table is in the page: all 39 stages and 39 rows, every cell
    expect(opened.boot.reading.stages).toHaveLength(39);
    expect(opened.boot.reading.rows).toHaveLength(39);
    expect(opened.boot.reading.rows[38]?.values[38]).toBe('Row 39, stage 39');
    s.wb.calls.reset();
    const made = s.addon.callFromClient('createMapFromTable', dialogRequest(opened.boot)) as {
      ok: boolean;
    };
    expect(made.ok).toBe(true);
    expect(s.wb.calls.roundTrips).toBeLessThanOrEqual(3);
    s.wb.calls.reset();
    expect(importRoundTrips(openSpreadsheet('en_US'), 40)).toBeLessThanOrEqual(4);
  });
});

describe('hostile tables: a clear message or a faithful import, nothing lost, no formula made from text', () => {
  it('blank rows and columns inside the table: the whole table is found from one cell above them, and the blank lines are skipped', () => {
    const s = openSpreadsheet('en_US');
    typeTable(s, 'Gaps', [
      ['', 'Search', 'Compare', '', 'Buy'],
      ['Actions', 'Googles', 'Reads reviews', '', 'Pays'],
      [],
      ['Pain points', 'Ads everywhere', 'Fake reviews', '', 'Hidden fees'],
    ]);
    const { sheet, boot } = importTable(s, 'Gaps', 'B2');
    expect(boot.reading.range).toBe('A1:E4');
    expectMap(s, sheet, 3, {
      B1: 'Gaps',
      C9: 'Search',
      D9: 'Compare',
      E9: 'Buy',
      C11: 'Googles',
      D11: 'Reads reviews',
      E11: 'Pays',
      C16: 'Ads everywhere',
      D16: 'Fake reviews',
      E16: 'Hidden fees',
      C24: 'L',
      D24: 'L',
      E24: 'C',
    });
  });

  it('formulas give their values (text stays text, never a formula), error cells their text and a word in the dialog, and the source keeps its formulas', () => {
    const s = openSpreadsheet('en_US');
    typeTable(s, 'Formulas', [
      ['', 'Visit', 'Order'],
      ['Actions', '=UPPER("reads reviews")', '="=SUM(B3)"'],
      ['Visitors', '=2*600', '=1/0'],
    ]);
    const opened = openImport(s, 'Formulas', 'A1');
    if ('alert' in opened) throw new Error(opened.alert);
    expect(opened.boot.words.intro).toContain(
      'Cells C3 show formula errors: their text is imported as it is.',
    );
    const { sheet } = importTable(s, 'Formulas', 'A1');
    expectMap(s, sheet, 2, {
      B1: 'Formulas',
      C9: 'Visit',
      D9: 'Order',
      C11: 'READS REVIEWS',
      D11: '=SUM(B3)',
      C24: 'L',
      D24: 'C',
      C25: 1200,
      // "#DIV/0!" is not a count: kept with its label under the map, as text
      A55: 'From the table A1:C3 on the sheet “Formulas”: what the map has no row for, with the labels it had there',
      A56: 'Visitors',
      D56: '#DIV/0!',
    });
    expect(s.wb.formula('Formulas', 'C2')).toBe('="=SUM(B3)"');
  });

  it('a table on a protected range is read and left as it was, protection and all', () => {
    const s = openSpreadsheet('en_US');
    typeTable(s, 'Locked', [
      ['', 'Try', 'Buy'],
      ['Touchpoints', 'Demo', 'Shop'],
    ]);
    s.wb.range('Locked', 'A1:C2').protect().setDescription('Finance only').setWarningOnly(false);
    const source = valuesOf(s, 'Locked');
    const { sheet } = importTable(s, 'Locked', 'B2');
    expect(s.wb.value(sheet, 'C13')).toBe('Demo');
    expect(valuesOf(s, 'Locked')).toEqual(source);
    const protections = s.wb.spreadsheet
      .getSheetByName('Locked')
      ?.getProtections(s.wb.app.ProtectionType.RANGE);
    expect(protections?.map((p) => [p.getDescription(), p.isWarningOnly()])).toEqual([
      ['Finance only', false],
    ]);
  });

  it('a selection over two tables is refused in words naming both, and no map is made', () => {
    const s = openSpreadsheet('en_US');
    typeTable(s, 'Two', [
      ['', 'Look', 'Buy'],
      ['Actions', 'Browses', 'Pays'],
      [],
      ['', 'Call', 'Visit'],
      ['Actions', 'Phones', 'Comes in'],
    ]);
    const sheets = s.wb.sheetNames();
    const opened = openImport(s, 'Two', 'A1:C5');
    expect(opened).toEqual({
      alert:
        'The selection holds two tables, A1:C2 and A4:C5. Select one of them (or one cell of it) and try again. Nothing was changed.',
    });
    expect(s.wb.sheetNames()).toEqual(sheets);
  });

  it('a table of more stages than a map holds is refused in words naming the limit; an empty cell with nothing around says there is no table', () => {
    const s = openSpreadsheet('ru_RU');
    bigTable(s, 'Широкая', 46);
    expect(openImport(s, 'Широкая', 'A1:AT3')).toEqual({
      alert:
        'В таблице 45 этапов, а в карте может быть не больше 40 этапов. Выделите подписи строк и не больше 40 этапов (или сделайте из таблицы две карты) и повторите. Ничего не изменено.',
    });
    expect(openImport(s, 'Широкая', 'C60')).toEqual({
      alert:
        'Здесь нет таблицы: выделенная ячейка пуста, и вокруг неё тоже ничего нет. Выделите таблицу (или одну её ячейку) и снова выберите Расширения → CJM → Сделать карту из этой таблицы.',
    });
  });

  it('50,000-character cells, emoji and control characters arrive whole; what a cell cannot hold joined is kept under the map', () => {
    const s = openSpreadsheet('ru_RU');
    const long = `${'Очень длинный отзыв. '.repeat(2400)}конец`.slice(0, 50_000);
    expect(long).toHaveLength(50_000);
    const odd = 'Звонок\u0007 и\u000bвертикальная табуляция, 🙂 и \u202eнаоборот';
    typeTable(s, 'Края', [
      ['', 'Покупка 🛒', 'Отзыв ✍️'],
      ['😡 Боли', long, odd],
      ['Проблемы', 'Вторая строка', long],
    ]);
    const { sheet } = importTable(s, 'Края', 'B2');
    expectMap(s, sheet, 2, {
      B1: 'Края',
      C9: 'Покупка 🛒',
      D9: 'Отзыв ✍️',
      // "Проблемы" is barriers too: its cells would join the first row's, but a cell holds 50,000
      // characters, so both stay under the map with their label
      C16: long,
      D16: odd,
      C24: 'C',
      D24: 'Q',
      A55: 'Из таблицы A1:C3 на листе «Края»: то, для чего в карте нет строки, с прежними подписями',
      A56: 'Проблемы',
      C56: 'Вторая строка',
      D56: long,
    });
  });

  it('a malformed Create is refused in words and makes no sheet', () => {
    const s = openSpreadsheet('en_US');
    typeTable(s, 'Plain', [
      ['', 'A', 'B'],
      ['Actions', 'x', 'y'],
    ]);
    const opened = openImport(s, 'Plain', 'A1');
    if ('alert' in opened) throw new Error(opened.alert);
    const good = dialogRequest(opened.boot);
    const sheets = s.wb.sheetNames();
    const bad: unknown[] = [
      null,
      'create',
      { ...good, stages: good.stages.slice(0, 1) },
      { ...good, rows: [{ ...good.rows[0], values: ['only one'] }] },
      { ...good, rows: [{ ...good.rows[0], target: 'formula' }] },
      { ...good, deal: 5 },
      { ...good, unmatched: 'bin' },
      { ...good, stages: [...good.stages, { name: 'x'.repeat(50_001), phase: '' }] },
    ];
    for (const payload of bad) {
      const answer = s.addon.callFromClient('createMapFromTable', payload) as {
        ok: boolean;
        message: string;
      };
      expect(answer.ok).toBe(false);
      expect(answer.message).toMatch(
        /^The form could not be read: .+\. Reopen it and try again\.$/,
      );
    }
    const unnamed = s.addon.callFromClient('createMapFromTable', { ...good, name: ' \u0007 ' });
    expect(unnamed).toEqual({ ok: false, message: 'Map name: Fill this in.' });
    expect(s.wb.sheetNames()).toEqual(sheets);
  });
});
