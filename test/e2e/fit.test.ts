/**
 * The sidebar fits Google's 300 px panel, in Russian and in English: on each of the ten steps of
 * the worked example (several stages, plan actions, metrics), with a long word in the map's name,
 * its segment, a stage's name and an action, the page has no horizontal scroll, no element and no
 * line of text reaches past the panel's edge, and Tab through every control of the step (the
 * footer's Save and continue among them) never scrolls the panel sideways. The same holds for the
 * New map form in the sidebar with stages of its own (the deal stage list, what the worked example
 * would replace) and for a map whose roles are a guess (the notice with its button and the revenue
 * on the stages step, the notice beside the revenue, a percent's "read as").
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t, type Lang } from '../../src/core/words/i18n-all';
import { exampleJourney } from '../../src/core/map/example';
import { STEP_IDS } from '../../src/core/wizard/steps';
import {
  addonMenu,
  openWizard,
  closeSession,
  openReadySession,
  type Session,
  showOptional,
  wizardFrame,
} from './support';

/** Words with no place to break, where a marketer might paste them. */
const LONG: Record<Lang, string> = {
  ru: 'Сверхдлинноеназваниебезединогопробеладлятеста',
  en: 'Supercalifragilisticexpialidociousmembershipplan',
};

/** Stages typed by hand, the second (the guessed deal: the middle one) a long word. */
const OWN: Record<Lang, string[]> = {
  ru: ['Реклама', LONG.ru, 'Оплата', 'Повтор'],
  en: ['Ad', LONG.en, 'Payment', 'Repeat'],
};

/** What one step of the sidebar shows that does not fit, and how wide it reaches. */
interface Fit {
  scrollWidth: number;
  clientWidth: number;
  /** the rightmost edge of any element or line of text, in px from the panel's left */
  widest: number;
  widestWhat: string;
  outside: string[];
}

/**
 * Runs in the sidebar's page: every element and every line of text that is drawn (not hidden,
 * not the visually hidden labels for screen readers) lies within the panel's width.
 */
function measure(): Fit {
  const root = document.scrollingElement ?? document.documentElement;
  const width = root.clientWidth;
  const outside: string[] = [];
  let widest = 0;
  let widestWhat = '';
  const hidden = (e: Element | null): boolean =>
    !e ||
    e.closest('[hidden], .sr-only, option, details:not([open]) > :not(summary)') !== null ||
    getComputedStyle(e).visibility === 'hidden';
  const name = (e: Element): string =>
    `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().replace(/\s+/g, '.')}` : ''}`;
  const check = (r: DOMRect, what: string, leaf = true) => {
    if (r.width === 0 || r.height === 0) return;
    const right = r.right + root.scrollLeft;
    if (leaf && right > widest) {
      widest = right;
      widestWhat = what;
    }
    if (r.left + root.scrollLeft < -0.5 || right > width + 0.5)
      outside.push(`${what}: ${Math.round(r.left)}…${Math.round(right)} px`);
  };
  for (const e of document.body.querySelectorAll('*')) {
    if (hidden(e) || e.tagName === 'SCRIPT') continue;
    // the widest figure is of what the boxes hold: a box with boxes inside is checked, not counted
    check(e.getBoundingClientRect(), name(e), e.childElementCount === 0);
  }
  // A long word in a box that is wide enough still spills out of it: lines of text are checked too.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (!text.trim() || hidden(node.parentElement)) continue;
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) check(r, `text "${text.trim().slice(0, 40)}"`);
  }
  return { scrollWidth: root.scrollWidth, clientWidth: width, widest, widestWhat, outside };
}

/** Where focus is in the sidebar, and whether the panel or any box around it scrolled sideways. */
function focusState(): { inside: boolean; what: string; scrolled: string[] } {
  const active = document.activeElement;
  if (!document.hasFocus() || !active || active === document.body)
    return { inside: false, what: '', scrolled: [] };
  const scrolled: string[] = [];
  const root = document.scrollingElement ?? document.documentElement;
  if (root.scrollLeft !== 0) scrolled.push(`the panel by ${root.scrollLeft} px`);
  for (let e = active.parentElement; e && e !== root; e = e.parentElement)
    if (e.scrollLeft !== 0) scrolled.push(`${e.tagName.toLowerCase()} by ${e.scrollLeft} px`);
  const r = active.getBoundingClientRect();
  if (r.right > root.clientWidth + 0.5 || r.left < -0.5)
    scrolled.push(`the focused control reaches ${Math.round(r.left)}…${Math.round(r.right)} px`);
  const label =
    active.getAttribute('aria-label') ?? active.textContent?.trim() ?? active.id ?? active.tagName;
  return {
    inside: true,
    what: `${active.tagName.toLowerCase()} "${label.slice(0, 40)}"`,
    scrolled,
  };
}

async function sidebarFrame(page: Page, lang: Lang): Promise<Frame> {
  const handle = await page
    .getByRole('complementary', { name: t(lang, 'wizard.title') })
    .locator('iframe')
    .elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('the wizard has no frame');
  return frame;
}

describe.each(['ru', 'en'] as const)('the sidebar at 300 px, in %s', (lang) => {
  let session: Session;
  let page: Page;
  const w = () => wizardFrame(page, lang);
  const stages = exampleJourney(lang).stages.map((s) => s.name);
  const widest: Record<string, string> = {};

  beforeAll(async () => {
    session =
      lang === 'ru'
        ? await openReadySession({ locale: 'ru-RU' }, 'ru_RU')
        : await openReadySession({ locale: 'en-US' });
    page = session.page;
  });

  afterAll(async () => {
    // The figures for the record: the widest reach of each step.
    console.log(`fit ${lang}: ${JSON.stringify(widest)}`);
    await closeSession(session);
  });

  async function toStep(i: number): Promise<void> {
    const step = STEP_IDS[i] ?? 'goal';
    const nav = w().getByRole('navigation', { name: t(lang, 'wizard.stepsNav') });
    const button = nav.getByRole('button', { name: new RegExp(`^${i + 1}\\. `) });
    if ((await button.getAttribute('aria-current')) !== 'step') await button.click();
    await w()
      .getByRole('heading', { level: 2, name: t(lang, `step.${step}`) })
      .waitFor();
    await w()
      .getByText(t(lang, 'wizard.progress', { n: i + 1, total: STEP_IDS.length }), { exact: true })
      .waitFor();
  }

  /**
   * What is on screen fits (recorded as `record`), and Tab from the control `from` picks through
   * every control after it without scrolling the panel sideways, reaching the button `last`.
   */
  async function fits(record: string, from: string, last: string): Promise<void> {
    const frame = await sidebarFrame(page, lang);
    const fit = await frame.evaluate(measure);
    widest[record] = `${Math.round(fit.widest)} px (${fit.widestWhat})`;
    expect(fit.outside, `past ${fit.clientWidth} px`).toEqual([]);
    expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);

    await frame.evaluate(
      (selector) => document.querySelector<HTMLElement>(selector)?.focus(),
      from,
    );
    const scrolls: string[] = [];
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++) {
      await page.keyboard.press('Tab');
      const state = await frame.evaluate(focusState);
      if (!state.inside) break;
      if (state.scrolled.length) scrolls.push(`${state.what}: ${state.scrolled.join(', ')}`);
      await frame.evaluate(() => {
        (document.scrollingElement ?? document.documentElement).scrollLeft = 0;
      });
      if (seen.has(state.what) && n > 150) break;
      seen.add(state.what);
    }
    expect(scrolls).toEqual([]);
    expect(
      [...seen].some((s) => s.includes(last)),
      'the last button was reached',
    ).toBe(true);
    expect(session.pageErrors).toEqual([]);
  }

  /** The step's fields and its footer, from the step's title. */
  const TITLE = 'h2 [tabindex], h2[tabindex], h2 button';

  async function save(): Promise<void> {
    await w()
      .getByRole('button', { name: t(lang, 'wizard.save'), exact: true })
      .click();
    await w().getByRole('status').getByText(t(lang, 'wizard.saved')).waitFor();
  }

  it('New map in the sidebar: stages of its own with a long word, the deal stage list, what the worked example replaces', {
    timeout: 60_000,
  }, async () => {
    // no map yet: the wizard opens on the New map form
    await openWizard(page, lang);
    await w().getByText(t(lang, 'wizard.noMap')).waitFor();
    await w().getByLabel(t(lang, 'form.name'), { exact: true }).fill(`${LONG[lang]} 2`);
    await w()
      .getByLabel(t(lang, 'row.segment'), { exact: true })
      .fill(`${LONG[lang]} ${LONG[lang]}`);
    await w().getByLabel(t(lang, 'row.product'), { exact: true }).fill(LONG[lang]);
    await w()
      .getByLabel(t(lang, 'form.preset'), { exact: true })
      .selectOption({ label: t(lang, 'preset.custom') });
    await w().getByLabel(t(lang, 'form.stages'), { exact: true }).fill(OWN[lang].join('\n'));
    const deal = w().getByLabel(t(lang, 'form.deal'), { exact: true });
    expect(await deal.locator('option').allTextContents()).toEqual([
      t(lang, 'form.dealGuess'),
      ...OWN[lang],
    ]);
    const example = w().getByLabel(t(lang, 'form.example'));
    await example.check();
    await w()
      .getByRole('status')
      .getByText(t(lang, 'form.exampleSegment', { value: `${LONG[lang]} ${LONG[lang]}` }), {
        exact: false,
      })
      .waitFor();
    await fits('new map', '#name', t(lang, 'form.create'));
    // made with its own stages and no deal stage picked: the roles are a guess
    await example.uncheck();
    await w()
      .getByRole('button', { name: t(lang, 'form.create') })
      .click();
    await w()
      .getByRole('heading', { level: 1, name: `${LONG[lang]} 2` })
      .waitFor();
    expect(session.pageErrors).toEqual([]);
  });

  it('opens the worked example with long words in its name, segment, a stage and an action', {
    timeout: 60_000,
  }, async () => {
    await addonMenu(page, t(lang, 'menu.newMap'));
    const dialog = page.getByRole('dialog', { name: t(lang, 'dialog.newMap') });
    const form = dialog.frameLocator('iframe');
    await form.getByLabel(t(lang, 'form.name')).fill(`${LONG[lang]} — 2026`);
    await form.getByLabel(t(lang, 'row.segment')).fill('x');
    await form.getByLabel(t(lang, 'row.product')).fill('y');
    await form.getByLabel(t(lang, 'form.example')).check();
    await form.getByRole('button', { name: t(lang, 'form.create') }).click();
    await dialog.waitFor({ state: 'detached' });
    if (!(await page.getByRole('complementary', { name: t(lang, 'wizard.title') }).count()))
      await openWizard(page, lang);
    await toStep(0);
    await w().getByLabel(t(lang, 'row.segment')).fill(`${LONG[lang]} ${LONG[lang]}`);
    await save();
    await toStep(2);
    const name = `${t(lang, 'wizard.stage', { n: 1, name: stages[0] ?? '' })} — ${t(lang, 'row.header')}`;
    await w().getByLabel(name, { exact: true }).fill(LONG[lang]);
    await save();
    await toStep(STEP_IDS.indexOf('plan'));
    // Two actions, one of them named with a long word: their impacts, the totals.
    for (const [n, text] of [`${LONG[lang]} 1`, 'Email'].entries()) {
      await w()
        .getByRole('button', { name: t(lang, 'plan.add') })
        .click();
      const row = w().getByRole('group', { name: `${n + 1}. ${t(lang, 'plan.action')}` });
      await row.getByLabel(t(lang, 'plan.action'), { exact: true }).fill(text);
      await row.getByLabel(t(lang, 'plan.stage')).selectOption({ index: n + 1 });
      await row.getByLabel(t(lang, 'plan.lever')).selectOption({ label: t(lang, 'lever.C') });
      await row.getByLabel(t(lang, 'plan.change')).fill('+2 pp');
    }
    await save();
    expect(session.pageErrors).toEqual([]);
  });

  for (const [i, step] of STEP_IDS.entries()) {
    it(`step ${i + 1} (${step}): nothing reaches past the panel, and Tab never scrolls it sideways`, {
      timeout: 60_000,
    }, async () => {
      await toStep(i);
      // Tab from the step's title through every control of the step and its footer.
      await fits(step, TITLE, t(lang, i < 9 ? 'wizard.saveNext' : 'wizard.save'));
    });
  }

  it('a map of stages typed by hand, its roles a guess: the notice and its button with the revenue on the stages step, the notice beside the revenue, a percent read as', {
    timeout: 90_000,
  }, async () => {
    // back to the map made in the sidebar (it opens on the step it was last on)
    const switcher = w().getByLabel(t(lang, 'flow.switcher'));
    await switcher.selectOption({ label: `${LONG[lang]} 2` });
    await w()
      .getByRole('button', { name: t(lang, 'wizard.openMap'), exact: true })
      .click();
    await w()
      .getByRole('heading', { level: 1, name: `${LONG[lang]} 2` })
      .waitFor();
    const cellOf = (i: number, row: 'row.customers' | 'row.target') =>
      w().getByLabel(
        `${t(lang, 'wizard.stage', { n: i + 1, name: OWN[lang][i] ?? '' })} — ${t(lang, row)}`,
        { exact: true },
      );
    await toStep(6);
    await w().getByLabel(t(lang, 'row.avgCheck'), { exact: true }).fill('9000');
    await w().getByLabel(t(lang, 'row.purchases'), { exact: true }).fill('2');
    for (const [i, n] of ['5000', '400', '120', '60'].entries())
      await cellOf(i, 'row.customers').fill(n);
    await showOptional(w(), lang);
    await cellOf(1, 'row.target').fill(lang === 'ru' ? '0,9' : '0.9');
    await w()
      .getByText(t(lang, 'wizard.readAs', { value: lang === 'ru' ? '0,9%' : '0.9%' }))
      .waitFor();
    await save();
    const deal = OWN[lang][1] ?? '';
    await w()
      .getByText(t(lang, 'metrics.rolesGuessed', { deal }))
      .waitFor();
    await fits('kpis, roles guessed', TITLE, t(lang, 'wizard.saveNext'));

    await toStep(2);
    await w()
      .getByText(t(lang, 'wizard.rolesGuessed', { deal }))
      .waitFor();
    await w()
      .getByRole('button', { name: t(lang, 'wizard.rolesConfirm') })
      .waitFor();
    await w()
      .getByRole('region', { name: t(lang, 'metrics.title') })
      .waitFor();
    await fits('stages, roles guessed', TITLE, t(lang, 'wizard.saveNext'));

    await toStep(STEP_IDS.indexOf('present'));
    await w()
      .getByText(t(lang, 'metrics.rolesGuessed', { deal }))
      .waitFor();
    await fits('present, roles guessed', TITLE, t(lang, 'wizard.save'));
  });
});
