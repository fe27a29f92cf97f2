/**
 * The changes of a plan's actions, in real Chromium through the workbench: a Russian map (the worked
 * example: L = 2000, C = 120 / 2000 = 6%, P = 30 000, Q = 1,3), its action plan typed with all
 * three kinds of change. Each row's revenue impact shows while the user types; the rows keep
 * their places until Save ranks them, which it says, the cursor following its action; a bare
 * number is refused with the forms the lever takes; the plan's total is all the actions together.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openWizard,
  closeSession,
  en,
  openReadySession,
  plain,
  ru,
  type Session,
  wizardFrame,
} from './support';

// (a Russian map in a US spreadsheet: its money is in the spreadsheet's dollars, as the sheet shows
// it)

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openReadySession();
  page = session.page;
});

afterAll(() => closeSession(session));

const wizard = (): FrameLocator => wizardFrame(page, 'en');
const row = (n: number): Locator =>
  wizard().getByRole('group', { name: `${n}. ${ru('plan.action')}` });
const impactOf = async (n: number): Promise<string> =>
  plain(await row(n).getByText(ru('plan.impact')).textContent());

/** Waits until row n's impact line reads `expected` (the form re-renders as the user types). */
async function impactIs(n: number, expected: string): Promise<void> {
  const want = `${ru('plan.impact')}: ${expected}`;
  const deadline = Date.now() + 10_000;
  for (let last = await impactOf(n); last !== want; last = await impactOf(n)) {
    if (Date.now() > deadline) throw new Error(`row ${n}: expected "${want}", still "${last}"`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function addAction(
  n: number,
  action: string,
  lever: 'L' | 'C' | 'P' | 'Q' | 'step',
): Promise<Locator> {
  await wizard()
    .getByRole('button', { name: ru('plan.add') })
    .click();
  const r = row(n);
  await r.getByLabel(ru('plan.action'), { exact: true }).fill(action);
  await r.getByLabel(ru('plan.lever')).selectOption({ label: ru(`lever.${lever}`) });
  return r.getByLabel(ru('plan.change'));
}

const actionNames = async (): Promise<string[]> => {
  const groups = wizard().getByRole('group', {
    name: new RegExp(`^\\d+\\. ${ru('plan.action')}$`),
  });
  const names: string[] = [];
  for (let i = 0; i < (await groups.count()); i++)
    names.push(await groups.nth(i).getByLabel(ru('plan.action'), { exact: true }).inputValue());
  return names;
};

describe('plan changes in the sidebar, typed as a Russian marketer would', {
  timeout: 90_000,
}, () => {
  it('creates the worked example in Russian and opens its action plan', async () => {
    await openWizard(page, 'en');
    const w = wizard();
    await w.getByText(en('wizard.noMap')).waitFor();
    await w.getByLabel(en('row.segment')).fill('Родители школьников');
    await w.getByLabel(en('row.product'), { exact: true }).fill('Онлайн-курс английского');
    await w.getByLabel(en('form.example')).check();
    await w.getByLabel(en('form.language')).selectOption('ru');
    await w.getByRole('button', { name: ru('form.create') }).click();
    await w.getByRole('button', { name: new RegExp(`^10\\. ${ru('step.plan')}`) }).click();
    await w.getByRole('heading', { level: 2, name: ru('step.plan') }).waitFor();
  });

  it("shows each row's impact while typing, with the lever before and after, and keeps the rows where they are", async () => {
    const w = wizard();
    const first = await addAction(1, 'Тариф с носителем', 'P');
    await first.pressSequentially('+10%');
    // 2000 × 6% × 30 000 × 1,3 = 4 680 000; +10% of the check: 468 000
    await impactIs(1, '$468 000');

    const second = await addAction(2, 'Полугодовой пакет', 'Q');
    // the hint lists the forms Q takes
    await row(2)
      .getByText(ru('plan.changeHint', { forms: '+10% или +0,5 покупки' }), { exact: true })
      .waitFor();
    await second.pressSequentially('+0,5');
    // a bare number says nothing yet: no impact, and no +50% either
    await impactIs(2, '—');
    await second.pressSequentially(' покупки');
    // half a purchase more, 1,3 → 1,8: 2000 × 6% × 30 000 × 0,5 = 1 800 000
    await impactIs(2, '$1 800 000');
    expect(plain(await row(2).getByText(/^Q: /).textContent())).toBe('Q: 1,3 → 1,8');
    // larger than row 1's, yet nothing moved under the cursor
    expect(await actionNames()).toEqual(['Тариф с носителем', 'Полугодовой пакет']);
    expect(await second.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await second.inputValue()).toBe('+0,5 покупки');

    const third = await addAction(3, 'Реклама в школьных чатах', 'L');
    await third.pressSequentially('+300 лидов');
    await impactIs(3, '$702 000');
    const fourth = await addAction(4, 'Пробный урок с методистом', 'C');
    await fourth.pressSequentially('+2 п.п.');
    await impactIs(4, '$1 560 000');
    // a percent as the sheet writes one in ru_RU (one formatter for the sheet's figures and the
    // sidebar's)
    expect(plain(await row(4).getByText(/^C: /).textContent())).toBe('C: 6,0% → 8,0%');
    expect(await actionNames()).toEqual([
      'Тариф с носителем',
      'Полугодовой пакет',
      'Реклама в школьных чатах',
      'Пробный урок с методистом',
    ]);
    await w.getByRole('heading', { level: 2, name: ru('step.plan') }).waitFor();
  });

  it('refuses a bare number on Save with the forms, and ranks the plan only once it is saved', async () => {
    const w = wizard();
    const fifth = await addAction(5, 'Скидка выходного дня', 'Q');
    await fifth.pressSequentially('+0,5');
    await w.getByRole('button', { name: ru('wizard.save'), exact: true }).click();
    const error = row(5).getByRole('alert');
    await error.waitFor();
    expect(plain(await error.textContent())).toBe(
      plain(ru('field.change', { forms: '+10% или +0,5 покупки' })),
    );
    expect(await actionNames()).toEqual([
      'Тариф с носителем',
      'Полугодовой пакет',
      'Реклама в школьных чатах',
      'Пробный урок с методистом',
      'Скидка выходного дня',
    ]);

    await row(5)
      .getByRole('button', { name: ru('plan.remove') })
      .click();
    await w.getByRole('button', { name: ru('wizard.save'), exact: true }).click();
    await w.getByRole('status').getByText(ru('wizard.saved')).waitFor();
    const ranked = [
      'Полугодовой пакет',
      'Пробный урок с методистом',
      'Реклама в школьных чатах',
      'Тариф с носителем',
    ];
    const deadline = Date.now() + 10_000;
    while (JSON.stringify(await actionNames()) !== JSON.stringify(ranked) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(await actionNames()).toEqual(ranked);
    await impactIs(1, '$1 800 000');
    await impactIs(4, '$468 000');
    // the plan all together, not the sum of the rows (4 530 000): L 2 300, C 6% + 2 п.п. = 8%,
    // P 33 000, Q 1,8: 2 300 × 8% × 33 000 × 1,8 = 10 929 600, 6 249 600 more than 4 680 000
    const totals = w.getByRole('region', { name: new RegExp(`^${ru('plan.total')}`) });
    expect(plain(await totals.getByRole('heading').textContent())).toBe(
      `${ru('plan.total')}: $6 249 600`,
    );
    expect(plain(await totals.textContent())).toContain(`${ru('plan.revenueAfter')}$10 929 600`);
    expect(plain(await totals.textContent())).toContain(plain(ru('plan.together')));
  });

  it('a save that ranks the rows again says so, and the cursor follows its action to its new place', async () => {
    const w = wizard();
    // the textbook tariff, last, becomes the largest: +50% of the check is 2 340 000
    const change = row(4).getByLabel(ru('plan.change'));
    await change.fill('+50%');
    await impactIs(4, '$2 340 000');
    // saved while the cursor stays in the field (as a click that does not take focus does)
    await w.getByRole('button', { name: ru('wizard.save'), exact: true }).dispatchEvent('click');
    const said = `${ru('wizard.saved')}. ${ru('plan.reranked', { action: 'Тариф с носителем', n: 1 })}`;
    await w.getByRole('status').getByText(said).waitFor();
    expect(await actionNames()).toEqual([
      'Тариф с носителем',
      'Полугодовой пакет',
      'Пробный урок с методистом',
      'Реклама в школьных чатах',
    ]);
    // focus is on the same field of the same action, now in row 1
    const moved = row(1).getByLabel(ru('plan.change'));
    await expect
      .poll(() => moved.evaluate((el) => el === el.ownerDocument.activeElement))
      .toBe(true);
    expect(await moved.inputValue()).toBe('+50%');
    // a save that keeps the order says only that it saved
    await moved.fill('+60%');
    await w.getByRole('button', { name: ru('wizard.save'), exact: true }).dispatchEvent('click');
    await expect
      .poll(async () => plain((await w.getByRole('status').textContent()) ?? ''))
      .toBe(ru('wizard.saved'));
    expect(await moved.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  });

  it('an action on one step: the stages of the map to choose from, the impact through the funnel, and what a step after the deal changes instead', async () => {
    const change = await addAction(5, 'Звонок после пробной тренировки', 'step');
    const stage = row(5).getByLabel(ru('plan.stage'));
    await stage.selectOption({ label: 'Сделка' });
    await change.pressSequentially('+3 п.п.');
    // the step into «Сделка» 120 / 800 = 15% → 18% takes C from 6% to 6% × 18 / 15 = 7,2%:
    // revenue 4 680 000 × 1,2, so +936 000
    await impactIs(5, '$936 000');
    expect(
      plain(
        await row(5)
          .getByText(/^Сделка: /)
          .textContent(),
      ),
    ).toBe('Сделка: 15,0% → 18,0% · C: 6,0% → 7,2%');
    await stage.selectOption({ label: 'Пользовательский опыт' });
    await impactIs(5, '—');
    await row(5).getByText(ru('plan.step.afterDeal')).waitFor();
  });
});
