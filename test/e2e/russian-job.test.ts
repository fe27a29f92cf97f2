/**
 * The whole job, as a Russian marketer does it in real Chromium through a ru_RU
 * workbench: a new map for "parents of schoolchildren + online English course" made from the
 * sidebar, all the steps typed in (the review left for a month on), an action plan using every kind of change (relative %,
 * points п.п., absolute in the lever's unit, and a true minus sign), the poster, a second map,
 * the portfolio and the .xlsx, which LibreOffice recalculates from its formulas alone.
 *
 * Every figure is worked out by hand here, from what the user typed:
 *   customers 5000 → 1200 → 330 → 300 → 150 → 90; L = 5000 (the first L stage), C = 330 / 5000
 *   = 6,6% (the deal stage), P = 9000 ₽, Q = 2,5: revenue = 5000 × 0,066 × 9000 × 2,5 = 7 425 000.
 *   Targets 30% (Активная оценка) and 35% (Сделка): steps 24% and 27,5% are 0,8 and 0,786 of
 *   their targets, so the weakest transition is Активная оценка → Сделка.
 */
import { readFileSync } from 'node:fs';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recalculate, type LoSheet } from '../../xlsx-export/libreoffice';
import { excelSheetName } from '../../xlsx-export/translate';
import { ROW, SIDE_COL, a1, colNumber, stageCol, type RowKey } from '../../src/core/map/layout';
import { presetStages } from '../../src/core/map/stages';
import { choices } from '../../src/core/map/template';
import type { AnyMessageKey as MessageKey } from '../../src/core/words/i18n-all';
import { elements, parseXml, textOf } from '../support/xml';
import {
  addonMenu,
  axeViolations,
  cell,
  closeSession,
  drawPoster,
  openRussianSession,
  openWizard,
  plain,
  ru,
  type Session,
  showOptional,
  waitForText,
  wizardFrame,
  WAIT_MS,
} from './support';

const STAGES = presetStages('checklist6', 'ru').map((s) => s.name);
const MAP = 'Родители школьников — Онлайн-курс английского';
const PLAN_SHEET = ru('plan.sheet', { name: MAP });
/** The worked example names its map itself. */
const SECOND = 'Фитнес-клуб — годовой абонемент';

const CUSTOMERS = ['5000', '1200', '330', '300', '150', '90'];
const TARGETS = ['', '30', '35', '', '', ''];
const REVENUE = 5000 * (330 / 5000) * 9000 * 2.5;
/** The plan as typed, in the order typed, each with its impact by hand. */
const PLAN = [
  {
    action: 'Реклама в родительских чатах',
    lever: 'L',
    change: '+10%',
    impact: 500 * 0.066 * 9000 * 2.5,
  },
  {
    action: 'Бесплатный пробный урок',
    lever: 'C',
    change: '+2 п.п.',
    impact: 5000 * 0.02 * 9000 * 2.5,
  },
  { action: 'Пакет «Полгода»', lever: 'Q', change: '+0,5 покупки', impact: 330 * 9000 * 0.5 },
  { action: 'Разговорный клуб в тарифе', lever: 'P', change: '+1000 ₽', impact: 330 * 1000 * 2.5 },
  { action: 'Скидка за оплату картой', lever: 'P', change: '−5%', impact: -330 * 450 * 2.5 },
] as const;
/** The actions apart add up to 4 931 250: not what the plan does, as its levers compound. */
const APART = PLAN.reduce((sum, a) => sum + a.impact, 0);
/**
 * The plan all together, as its sheet and the sidebar show it: each lever changed by all its
 * actions, on each lever the amounts first, then the percentages: L 5000 × 1,1 = 5500;
 * C 6,6% + 2 п.п. = 8,6%; P (9000 + 1000 ₽) × 0,95 = 9500 (the card discount applies to the check
 * with the club); Q 2,5 + 0,5 = 3. Revenue after the plan 5500 × 8,6% × 9500 × 3 = 13 480 500,
 * 6 055 500 more than now.
 */
const AFTER_PLAN = 5000 * 1.1 * (0.066 + 0.02) * ((9000 + 1000) * 0.95) * (2.5 + 0.5);
const PLAN_TOTAL = AFTER_PLAN - REVENUE;
/** The worked example the second map is filled with (src/core/map/example.ts). */
const EXAMPLE_REVENUE = 2000 * (120 / 2000) * 30_000 * 1.3;

/** A figure as the ru_RU sheet and sidebar write it: "7 425 000", spaces as plain spaces. */
const figure = (n: number): string =>
  new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 }).format(n).replace(/\s/g, ' ');
/** An impact as the poster writes it: a plus sign before a gain (a loss has its own sign). */
const signed = (n: number): string => `${n > 0 ? '+' : ''}${figure(n)}`;

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openRussianSession();
  page = session.page;
  page.setDefaultTimeout(WAIT_MS);
});

afterAll(() => closeSession(session));

const wizard = (): FrameLocator => wizardFrame(page, 'ru');
const button = (name: string): Locator => wizard().getByRole('button', { name, exact: true });
/** A row of the map that has a label (all but the footer of markers). */
type LabelledRow = Exclude<RowKey, 'footer'>;
const stageCell = (i: number, row: LabelledRow): Locator =>
  wizard().getByLabel(
    `${ru('wizard.stage', { n: i + 1, name: STAGES[i] ?? '' })} — ${ru(`row.${row}`)}`,
    { exact: true },
  );
/** A field of the step's side part (column B of the map), by its exact label. */
const side = (row: LabelledRow): Locator => wizard().getByLabel(ru(`row.${row}`), { exact: true });
const at = (row: RowKey, stage: number | null): string =>
  a1(ROW[row], stage === null ? SIDE_COL : stageCol(stage));
const shown = async (a1ref: string): Promise<string> =>
  plain(await cell(page, a1ref).textContent());

async function onStep(n: number, key: MessageKey): Promise<void> {
  await wizard()
    .getByRole('heading', { level: 2, name: ru(key) })
    .waitFor();
  expect(
    await wizard()
      .getByRole('navigation', { name: ru('wizard.stepsNav') })
      .getByRole('button', { name: new RegExp(`^${n}\\. `) })
      .getAttribute('aria-current'),
  ).toBe('step');
}

/** Save and continue: the step is saved (no field in error) and the next one opens. */
async function saveAndNext(next: number, key: MessageKey): Promise<void> {
  await button(ru('wizard.saveNext')).click();
  await onStep(next, key);
  expect(await wizard().locator('[aria-invalid="true"]').count()).toBe(0);
}

/** Types one value per stage into a row of the step's stage table. */
async function fillRow(row: LabelledRow, values: readonly string[]): Promise<void> {
  for (const [i, v] of values.entries()) if (v !== '') await stageCell(i, row).fill(v);
}

async function pickRow(row: LabelledRow, values: readonly string[]): Promise<void> {
  for (const [i, v] of values.entries())
    if (v !== '') await stageCell(i, row).selectOption({ label: v });
}

function plannedRow(n: number): Locator {
  return wizard().getByRole('group', { name: `${n}. ${ru('plan.action')}` });
}

const valueAt = (sheet: LoSheet, ref: string): unknown => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(ref);
  return sheet.values.get(`${Number(m[2])},${colNumber(m[1] ?? '')}`);
};

describe('the whole Russian job: eleven steps, a plan in money and units, the poster, the portfolio, the .xlsx', {
  timeout: 240_000,
}, () => {
  it("1. makes a new map from the sidebar, in Russian, with the checklist's six stages", async () => {
    await openWizard(page, 'ru');
    const w = wizard();
    await w.getByText(ru('wizard.noMap')).waitFor();
    await side('segment').fill('Родители школьников');
    await w.getByLabel(ru('row.product'), { exact: true }).fill('Онлайн-курс английского');
    expect(await w.getByLabel(ru('form.language')).inputValue()).toBe('ru');
    await w.getByRole('button', { name: ru('form.create') }).click();
    await w.getByRole('heading', { level: 1, name: MAP }).waitFor();
    await page.getByRole('tab', { name: MAP, exact: true, selected: true }).waitFor();
    await onStep(1, 'step.goal');
    for (const [i, name] of STAGES.entries()) expect(await shown(at('header', i))).toBe(name);
  });

  it('2. walks the steps with Save and continue, every value landing in its cell', async () => {
    const w = wizard();
    await side('goal').fill(
      'Поднять выручку курса на 20% к сентябрю: больше пробных уроков и продлений',
    );
    await saveAndNext(2, 'step.persona');

    await side('persona').fill('Мама ученика 5–7 класса, работает, хочет, чтобы ребёнок сдал ОГЭ');
    await side('personaName').fill('Ольга');
    await showOptional(w, 'ru');
    await side('personaAge').fill('38');
    await side('personaProfession').fill('Бухгалтер');
    await side('jobs').fill('Подготовить ребёнка к ОГЭ\nНе тратить вечера на дорогу');
    await saveAndNext(3, 'step.stages');

    await fillRow('actions', [
      'Видит рекламу в чате класса',
      'Сравнивает школы, читает отзывы',
      'Оплачивает первый месяц',
      'Ходит на уроки',
      'Получает отчёт об успехах',
      'Продлевает и советует',
    ]);
    await fillRow('job', ['Понять, нужен ли репетитор', 'Выбрать курс', '', '', '', '']);
    await saveAndNext(4, 'step.touchpoints');

    await fillRow('touchpoints', [
      'Реклама в чатах',
      'Сайт, отзывы',
      'Страница оплаты',
      'Платформа уроков',
      'Письмо с отчётом',
      'Реферальная ссылка',
    ]);
    await fillRow('channels', ['Родительские чаты', 'Поиск', '', '', 'Почта', '']);
    await saveAndNext(5, 'step.questions');

    await fillRow('questions', [
      'А поможет ли онлайн?',
      'Сколько стоит и кто преподаёт?',
      'Можно ли вернуть деньги?',
      'Есть ли прогресс?',
      '',
      'Что дадут за рекомендацию?',
    ]);
    await fillRow('content', [
      'Кейсы учеников',
      'Видео урока',
      'Условия возврата',
      '',
      'Отчёт преподавателя',
      '',
    ]);
    await saveAndNext(6, 'step.barriers');

    const barrierTypes = choices({ lang: 'ru' }, 'barrierType');
    const driverTypes = choices({ lang: 'ru' }, 'driverType');
    await fillRow('barriers', [
      '',
      'Непонятно, чем лучше репетитора',
      'Дорого сразу за месяц',
      '',
      '',
      '',
    ]);
    await showOptional(w, 'ru');
    await pickRow('barrierType', ['', barrierTypes[1] ?? '', barrierTypes[0] ?? '', '', '', '']);
    await fillRow('drivers', [
      'Советы других родителей',
      'Урок-знакомство с преподавателем',
      '',
      '',
      '',
      'Бонус за друга',
    ]);
    await pickRow('driverType', [
      driverTypes[0] ?? '',
      driverTypes[0] ?? '',
      '',
      '',
      '',
      driverTypes[1] ?? '',
    ]);
    await saveAndNext(7, 'step.kpis');

    await side('avgCheck').fill('9000');
    await side('purchases').fill('2,5');
    await fillRow('customers', CUSTOMERS);
    await showOptional(w, 'ru');
    await fillRow('target', TARGETS);
    await button(ru('wizard.save')).click();
    await w.getByRole('status').getByText(ru('wizard.saved')).waitFor();
    // what the sidebar shows is the hand calculation
    const metrics = plain(await w.getByRole('region', { name: ru('metrics.title') }).textContent());
    expect(metrics).toContain(figure(REVENUE));
    expect(metrics).toContain(`${STAGES[1]} → ${STAGES[2]}`);
    await saveAndNext(8, 'step.evaluate');

    for (const [i, score] of ['4', '2', '3', '5', '4', '3'].entries())
      await stageCell(i, 'score').selectOption(score);
    await showOptional(w, 'ru');
    await pickRow('evidence', [choices({ lang: 'ru' }, 'evidence')[0] ?? '', '', '', '', '', '']);
    await fillRow('weakSpots', [
      '',
      'Нет сравнения с репетитором',
      'Оплата только картой',
      '',
      '',
      '',
    ]);
    await saveAndNext(9, 'step.review');
    await saveAndNext(10, 'step.plan');
  });

  it('3. the map holds what was typed, computes L×C×P×Q and finds the weakest transition', async () => {
    await waitForText(cell(page, at('revenue', null)), new RegExp(`^${figure(REVENUE)}\\s?₽$`));
    expect(await shown(at('conversion', null))).toBe('6,6%');
    expect(await shown(at('leads', null))).toBe('5 000');
    expect(await shown(at('weakest', null))).toBe(`${STAGES[1]} → ${STAGES[2]}`);
    expect(await shown(at('actions', 1))).toBe('Сравнивает школы, читает отзывы');
    expect(await shown(at('barriers', 2))).toBe('Дорого сразу за месяц');
    expect(await shown(at('customers', 2))).toBe('330');
    expect(await shown(at('purchases', null))).toBe('2,5');
    expect(await shown(a1(ROW.personaName, SIDE_COL))).toBe('Ольга');
    expect(session.pageErrors).toEqual([]);
  });

  it('4. types a plan with all three kinds of change, the impact showing as each is typed', async () => {
    for (const [k, a] of PLAN.entries()) {
      await button(ru('plan.add')).click();
      const r = plannedRow(k + 1);
      await r.getByLabel(ru('plan.action'), { exact: true }).fill(a.action);
      await r.getByLabel(ru('plan.lever')).selectOption({ label: ru(`lever.${a.lever}`) });
      await r.getByLabel(ru('plan.change')).pressSequentially(a.change);
      await expect
        .poll(async () => plain(await r.getByText(ru('plan.impact')).textContent()))
        .toBe(`${ru('plan.impact')}: ${figure(a.impact)} ₽`);
    }
    // the lever before and after, as the sheet writes it: the check in rubles, conversion in
    // percent
    expect(plain(await plannedRow(4).getByText(/^P: /).textContent())).toBe(
      'P: 9 000 ₽ → 10 000 ₽',
    );
    expect(plain(await plannedRow(2).getByText(/^C: /).textContent())).toBe('C: 6,6% → 8,6%');
    await plannedRow(2).getByLabel(ru('plan.owner')).fill('Анна');
    await button(ru('wizard.save')).click();
    // the save ranks the rows again, and says where the action typed in last (the trial lesson) went
    await wizard()
      .getByRole('status')
      .getByText(
        `${ru('wizard.saved')}. ${ru('plan.reranked', { action: 'Бесплатный пробный урок', n: 1 })}`,
      )
      .waitFor();
    // the plan adds up as its sheet does, in view after the save: all its actions together,
    // revenue now and after
    expect(figure(AFTER_PLAN)).toBe('13 480 500');
    expect(figure(APART)).toBe('4 931 250');
    const totals = wizard().getByRole('region', { name: new RegExp(`^${ru('plan.total')}`) });
    await expect
      .poll(async () => plain(await totals.getByRole('heading').textContent()))
      .toBe(`${ru('plan.total')}: ${figure(PLAN_TOTAL)} ₽`);
    expect(plain(await totals.textContent())).toContain(
      `${ru('plan.revenueAfter')}${figure(AFTER_PLAN)} ₽`,
    );
    // ranked by impact once saved: C, Q, P+, L, P−
    const ranked = [...PLAN].sort((x, y) => y.impact - x.impact).map((a) => a.action);
    await expect
      .poll(async () => {
        const names: string[] = [];
        for (let k = 1; k <= PLAN.length; k++)
          names.push(
            await plannedRow(k).getByLabel(ru('plan.action'), { exact: true }).inputValue(),
          );
        return names;
      })
      .toEqual(ranked);
  });

  it('5. the plan sheet ranks the actions, adds them up all together and shows revenue now and after', async () => {
    await page.getByRole('tab', { name: PLAN_SHEET, exact: true }).click();
    await page.getByRole('tab', { name: PLAN_SHEET, exact: true, selected: true }).waitFor();
    const ranked = [...PLAN].sort((x, y) => y.impact - x.impact);
    for (const [k, a] of ranked.entries()) {
      const r = 4 + k;
      await waitForText(
        cell(page, `J${r}`),
        new RegExp(`^-?${figure(Math.abs(a.impact)).replace(/ /g, '\\s?')}\\s?₽$`),
      );
      expect(await shown(`A${r}`)).toBe(String(k + 1));
      expect(await shown(`B${r}`)).toBe(a.action);
      expect(await shown(`E${r}`)).toBe(a.change);
    }
    const total = 4 + PLAN.length;
    expect(await shown(`A${total}`)).toBe(ru('plan.total'));
    expect(await shown(`J${total}`)).toBe(`${figure(PLAN_TOTAL)} ₽`);
    expect(await shown(`J${total + 1}`)).toBe(`${figure(REVENUE)} ₽`);
    expect(await shown(`A${total + 2}`)).toBe(ru('plan.revenueAfter'));
    expect(await shown(`J${total + 2}`)).toBe(`${figure(AFTER_PLAN)} ₽`);
    await page.getByRole('tab', { name: MAP, exact: true }).click();
    await page.getByRole('tab', { name: MAP, exact: true, selected: true }).waitFor();
  });

  it('6. a stage moved out of order shows what is wrong in Russian, not #ERROR!, and moving it back mends the map', async () => {
    // Триггер (150) before Пользовательский опыт (300): the experience stage now has more customers
    // than the stage before it
    await cell(page, at('header', 4)).click();
    await addonMenu(page, ru('menu.moveLeft'));
    await waitForText(cell(page, at('header', 3)), STAGES[4] ?? '');
    expect(await shown(at('actions', 3))).toBe('Получает отчёт об успехах');
    expect(await shown(at('customers', 3))).toBe('150');
    const step = await waitForText(cell(page, at('step', 4)), /^⚠/);
    expect(step).not.toMatch(/#ERROR|#VALUE|error/i);
    expect(step).toMatch(/[а-яё]/i);
    // highlighted, as the sheet's conditional format draws it: not the colour of a valid neighbour.
    // Polled: the grid redraws after each answer, and a cell read while it is replaced has no
    // computed style ('').
    const fill = (ref: string) =>
      cell(page, ref).evaluate((node) => getComputedStyle(node).backgroundColor);
    await expect
      .poll(async () => {
        const [invalid, valid] = [await fill(at('step', 4)), await fill(at('step', 3))];
        return invalid !== '' && valid !== '' && invalid !== valid;
      })
      .toBe(true);
    // the valid transitions still compute, and L × C × P × Q does not depend on the stages after
    // the deal
    expect(await shown(at('step', 3))).toBe('45,5%'); // 150 of the deal's 330
    expect(await shown(at('weakest', null))).toBe(`${STAGES[1]} → ${STAGES[2]}`);
    expect(await shown(at('revenue', null))).toBe(`${figure(REVENUE)} ₽`);
    // and back
    await cell(page, at('header', 3)).click();
    await addonMenu(page, ru('menu.moveRight'));
    await waitForText(cell(page, at('header', 4)), STAGES[4] ?? '');
    await waitForText(cell(page, at('step', 4)), '50,0%'); // 150 of 300, as the map's 0.0% format writes it
    expect(await shown(at('step', 3))).toBe('90,9%');
    expect(session.pageErrors).toEqual([]);
  });

  it('7. step 11 saves the owner and a review date, then the poster downloads with what a director reads', async () => {
    await button(ru('wizard.saveNext')).click();
    await onStep(11, 'step.present');
    const w = wizard();
    await side('owner').fill('Анна Смирнова');
    await side('nextReview').fill('2026-12-15');
    await button(ru('wizard.save')).click();
    await w.getByRole('status').getByText(ru('wizard.saved')).waitFor();
    await waitForText(cell(page, at('nextReview', null)), '15.12.2026');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      button(ru('present.poster')).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${MAP} — постер.svg`);
    const svg = readFileSync(await download.path(), 'utf8');
    const lines = elements(parseXml(svg))
      .filter((e) => e.name === 'text')
      .map((e) => plain(textOf(e, ' ')));
    // as Chromium draws it: the picture of the poster in docs/guide.md
    expect(await drawPoster(session.browser, svg, 'poster.png')).toEqual({
      width: 1123,
      height: 794,
    });
    for (const [i, name] of STAGES.entries()) expect(lines).toContain(`${i + 1}. ${name}`);
    expect(lines).toContain(MAP);
    expect(lines.some((l) => l.startsWith(`${ru('row.persona')}: Мама ученика`))).toBe(true);
    expect(lines).toContain(`${figure(REVENUE)} ₽`);
    expect(lines).toContain('6,6%');
    expect(lines).toContain(`${STAGES[1]} → ${STAGES[2]}`);
    expect(lines).toContain(
      `${ru('poster.weakestStep', { step: '27,5%' })} (${ru('poster.target', { value: '35,0%' })})`,
    );
    // the funnel: every stage's count, and the top actions in rank order with their signed impact
    for (const n of CUSTOMERS) expect(lines).toContain(figure(Number(n)));
    const ranked = [...PLAN].sort((x, y) => y.impact - x.impact);
    const at0 = lines.indexOf(ru('poster.top'));
    expect(at0).toBeGreaterThan(-1);
    // an A4 page has room for the top three, in rank order, each with its signed impact
    const top = ranked.slice(0, 3);
    const shownActions = top.map((a) => lines.indexOf(a.action));
    expect(shownActions.every((i) => i > at0)).toBe(true);
    expect([...shownActions].sort((x, y) => x - y)).toEqual(shownActions);
    for (const a of top) expect(lines).toContain(`${signed(a.impact)} ₽`);
    for (const a of ranked.slice(3)) expect(lines).not.toContain(a.action);
    expect(lines.some((l) => l.includes('C +2 п.п.') && l.includes('Анна'))).toBe(true);
  });

  it('8. a second map from the menu, then the portfolio ranks both with revenue now and after the plan', async () => {
    await addonMenu(page, ru('menu.newMap'));
    const dialog = page.getByRole('dialog', { name: ru('dialog.newMap') });
    const form = dialog.frameLocator('iframe');
    await form.getByLabel(ru('row.segment')).fill('Офисные сотрудники');
    await form.getByLabel(ru('row.product')).fill('Фитнес-клуб');
    await form.getByLabel(ru('form.example')).check();
    await form.getByRole('button', { name: ru('form.create') }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: SECOND, exact: true, selected: true }).waitFor();
    await waitForText(
      cell(page, at('revenue', null)),
      new RegExp(`^${figure(EXAMPLE_REVENUE)}\\s?₽$`),
    );

    await addonMenu(page, ru('menu.portfolio'));
    await page
      .getByRole('tab', { name: ru('portfolio.sheet'), exact: true, selected: true })
      .waitFor();
    await waitForText(cell(page, 'I4'), `${figure(REVENUE)} ₽`);
    expect([await shown('A4'), await shown('B4'), await shown('C4'), await shown('D4')]).toEqual([
      '1',
      MAP,
      'Родители школьников',
      'Онлайн-курс английского',
    ]);
    expect(await shown('J4')).toBe(`${figure(AFTER_PLAN)} ₽`);
    expect([await shown('A5'), await shown('B5'), await shown('I5'), await shown('J5')]).toEqual([
      '2',
      SECOND,
      `${figure(EXAMPLE_REVENUE)} ₽`,
      `${figure(EXAMPLE_REVENUE)} ₽`,
    ]);
    expect(await shown('A6')).toBe(ru('portfolio.total'));
    expect(await shown('I6')).toBe(`${figure(REVENUE + EXAMPLE_REVENUE)} ₽`);
    expect(await shown('J6')).toBe(`${figure(AFTER_PLAN + EXAMPLE_REVENUE)} ₽`);
    expect(session.pageErrors).toEqual([]);
  });

  it('9. downloads the workbook as .xlsx, whose formulas compute the same figures in LibreOffice', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download .xlsx' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${ru('portfolio.sheet')}.xlsx`);
    const lo = await recalculate(readFileSync(await download.path()));
    const sheet = (name: string): LoSheet => {
      // (Excel's sheet names hold 31 characters: the export shortens longer ones)
      const found = lo.sheets.find((s) => s.name === excelSheetName(name, () => false));
      if (!found)
        throw new Error(`no sheet "${name}" in ${lo.sheets.map((s) => s.name).join(', ')}`);
      return found;
    };
    const close = (v: unknown, want: number) =>
      expect(typeof v === 'number' && Math.abs(v - want) < 0.005).toBe(true);
    close(valueAt(sheet(MAP), at('revenue', null)), REVENUE);
    expect(valueAt(sheet(MAP), at('weakest', null))).toBe(`${STAGES[1]} → ${STAGES[2]}`);
    const plan = sheet(PLAN_SHEET);
    [...PLAN]
      .sort((x, y) => y.impact - x.impact)
      .forEach((a, k) => {
        expect(valueAt(plan, `B${4 + k}`)).toBe(a.action);
        close(valueAt(plan, `J${4 + k}`), a.impact);
      });
    close(valueAt(plan, `J${4 + PLAN.length}`), PLAN_TOTAL);
    close(valueAt(plan, `J${4 + PLAN.length + 2}`), AFTER_PLAN);
    close(valueAt(sheet(SECOND), at('revenue', null)), EXAMPLE_REVENUE);
    const portfolio = sheet(ru('portfolio.sheet'));
    close(valueAt(portfolio, 'I6'), REVENUE + EXAMPLE_REVENUE);
    close(valueAt(portfolio, 'J6'), AFTER_PLAN + EXAMPLE_REVENUE);
  });

  it('10. nothing on the way broke the page or its accessibility', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
