/**
 * A flow that keeps up, in real Chromium at 1280×720 through the workbench: a stage row of the
 * map is one compact table that reads in the 300 px sidebar and leaves it mostly to the form;
 * after a failed save focus is on the first field in error, after a save the computed result is
 * in view; the wizard follows the map opened in the grid (or offers to, over unsaved edits),
 * with a map switcher on every step, polls only while visible; Save plan and Insert charts
 * leave the user where they were.
 */
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyMessageKey as MessageKey } from '../../src/core/words/i18n-all';
import { ROW, SIDE_COL, a1 } from '../../src/core/map/layout';
import type { StepId } from '../../src/core/wizard/steps';
import { POLL_MS } from '../../sidebar/wizard/follow';
import { t as uiT } from '../../src/core/words/i18n-ui';
import {
  axeViolations,
  cell,
  closeSession,
  createMap,
  en,
  openSession,
  openWizard,
  showOptional,
  type Session,
  waitForText,
  wizardFrame,
  WAIT_MS,
} from './support';

const MAP_A = 'Fitness club — annual membership';
const MAP_B = 'Students — Day pass';
const STAGES = [
  'Initial consideration',
  'Active evaluation',
  'Purchase',
  'Experience',
  'Trigger',
  'Loyalty',
];

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession({ viewport: { width: 1280, height: 720 } });
  page = session.page;
  page.setDefaultTimeout(WAIT_MS);
  await page.getByRole('tab', { name: 'Sheet1' }).waitFor();
  await createMap(page, { segment: 'Office workers', product: 'Gym', example: true });
  await page.getByRole('tab', { name: MAP_A, exact: true, selected: true }).waitFor();
  await openWizard(page, 'en');
  await wizard().getByRole('heading', { level: 1, name: MAP_A }).waitFor();
});

afterAll(() => closeSession(session));

const wizard = (): FrameLocator => wizardFrame(page, 'en');
/** The sidebar's frame, to measure its layout. */
const frame = (): Frame => {
  const found = page.frames().find((f) => f.url().includes('/surface/'));
  if (!found) throw new Error('no sidebar frame');
  return found;
};
const button = (name: string): Locator => wizard().getByRole('button', { name, exact: true });
const cellOf = (i: number, row: MessageKey): Locator =>
  wizard().getByLabel(`${en('wizard.stage', { n: i + 1, name: STAGES[i] ?? '' })} — ${en(row)}`, {
    exact: true,
  });

async function toStep(n: number, step: StepId): Promise<void> {
  const nav = wizard().getByRole('navigation', { name: en('wizard.stepsNav') });
  await nav.getByRole('button', { name: new RegExp(`^${n}\\. `) }).click();
  await wizard()
    .getByRole('heading', { level: 2, name: en(`step.${step}`) })
    .waitFor();
}

async function saved(): Promise<void> {
  await wizard().getByRole('status').getByText(en('wizard.saved')).waitFor();
}

/**
 * Whether an element of the sidebar is wholly inside the sidebar's viewport, above its sticky
 * buttons.
 */
const inView = (locator: Locator): Promise<boolean> =>
  locator.evaluate((node) => {
    const r = node.getBoundingClientRect();
    const nav = document.querySelector('.wizard-nav')?.getBoundingClientRect().top ?? innerHeight;
    return r.top >= 0 && r.top < nav && r.height > 0;
  });

const focusedText = (): Promise<string | null | undefined> =>
  frame().evaluate(() =>
    document.activeElement === document.body ? null : document.activeElement?.textContent,
  );

async function showSheet(name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

describe('a flow that keeps up', { timeout: 120_000 }, () => {
  it('shows a stage row of the map as one compact table that reads at 300 px, the form taking most of the sidebar', async () => {
    await toStep(4, 'touchpoints');
    const layout = await frame().evaluate(() => {
      const tables = [...document.querySelectorAll('table')];
      const controls = [
        ...document.querySelectorAll<HTMLElement>('table textarea, table input, table select'),
      ];
      const form = document.querySelector('.step-fields')?.getBoundingClientRect().top ?? 0;
      const nav = document.querySelector('.wizard-nav')?.getBoundingClientRect().top ?? 0;
      return {
        width: innerWidth,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        collapsible: document.querySelectorAll('details').length,
        tables: tables.map((tb) => ({
          caption: tb.caption?.querySelector('.caption-label')?.textContent,
          rows: tb.tBodies[0]?.rows.length,
        })),
        narrowest: Math.min(...controls.map((c) => c.getBoundingClientRect().width)),
        // the form's share of the sidebar, on arrival (scrolled to the top): from where the fields
        // start to the sticky buttons
        formShare: (nav - form) / innerHeight,
      };
    });
    // the frame is Sheets' 300 px sidebar (less its border)
    expect(layout.width).toBeGreaterThanOrEqual(296);
    expect(layout.width).toBeLessThanOrEqual(300);
    expect(layout.overflow).toBe(0);
    expect(layout.collapsible).toBe(0);
    expect(layout.tables).toEqual([
      { caption: en('row.touchpoints'), rows: 6 },
      { caption: en('row.channels'), rows: 6 },
    ]);
    expect(layout.narrowest).toBeGreaterThanOrEqual(150);
    expect(layout.formShare).toBeGreaterThan(0.5);
    // each cell is an input named by its stage and its row
    expect(await cellOf(2, 'row.touchpoints').inputValue()).not.toBe('');
    // the stages step: the names, each with its tools beside it, still in 300 px
    await toStep(3, 'stages');
    expect(
      await frame().evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBe(0);
    expect(
      await wizard()
        .getByRole('toolbar', { name: STAGES[5], exact: true })
        .getByRole('button')
        .count(),
    ).toBe(4);
  });

  it('after a failed save puts focus on the first field in error, in view', async () => {
    await toStep(7, 'kpis');
    const third = await cellOf(2, 'row.customers').inputValue();
    const fifth = await cellOf(4, 'row.customers').inputValue();
    await cellOf(4, 'row.customers').fill('many');
    await cellOf(2, 'row.customers').fill('lots');
    // from the bottom of the step, as a user who typed down the table
    await button(en('wizard.save')).focus();
    await button(en('wizard.save')).click();
    await wizard().locator('[aria-invalid="true"]').first().waitFor();
    const focused = await frame().evaluate(() =>
      document.activeElement?.getAttribute('aria-label'),
    );
    expect(focused).toBe(
      `${en('wizard.stage', { n: 3, name: STAGES[2] ?? '' })} — ${en('row.customers')}`,
    );
    expect(await inView(cellOf(2, 'row.customers'))).toBe(true);
    await cellOf(2, 'row.customers').fill(third);
    await cellOf(4, 'row.customers').fill(fifth);
    await button(en('wizard.save')).click();
    await saved();
  });

  it('after a save shows the computed result', async () => {
    const metrics = wizard().getByRole('region', { name: en('metrics.title') });
    const before = await metrics.textContent();
    await frame().evaluate(() => scrollTo(0, 0));
    expect(await inView(metrics)).toBe(false);
    await wizard().getByLabel(en('row.avgCheck')).fill('500');
    await button(en('wizard.save')).click();
    await saved();
    await expect.poll(() => inView(metrics)).toBe(true);
    expect(await metrics.textContent()).not.toBe(before);
    await waitForText(cell(page, a1(ROW.avgCheck, SIDE_COL)), '$500');
  });

  it('follows the map opened in the grid, keeps a map picked in the switcher, and asks over unsaved edits', async () => {
    const w = wizard();
    // a second map, made from the menu: its sheet opens, and the wizard opens on it (the dialog
    // calls showWizard), on its own first step (not the step this map was on)
    await createMap(page, { segment: 'Students', product: 'Day pass' });
    await page.getByRole('tab', { name: MAP_B, exact: true, selected: true }).waitFor();
    await w.getByRole('heading', { level: 1, name: MAP_B }).waitFor({ timeout: POLL_MS * 3 });
    await w.getByRole('heading', { level: 2, name: en('step.goal') }).waitFor();

    // the switcher, on every step: back to the first map while the grid still shows the second
    const switcher = w.getByLabel(uiT('en', 'flow.switcher'));
    expect((await switcher.locator('option').allTextContents()).sort()).toEqual(
      [MAP_A, MAP_B].sort(),
    );
    await switcher.selectOption({ label: MAP_A });
    await button(en('wizard.openMap')).click();
    await w.getByRole('heading', { level: 1, name: MAP_A }).waitFor();
    // back on the step it was on
    await w.getByRole('heading', { level: 2, name: en('step.kpis') }).waitFor();
    // the grid did not change, so the wizard does not take the user back
    await page.waitForTimeout(POLL_MS * 2);
    expect(await w.getByRole('heading', { level: 1 }).textContent()).toBe(MAP_A);
    await toStep(8, 'evaluate');
    expect(await switcher.isVisible()).toBe(true);

    // unsaved edits: opening the other map in the grid brings an offer, not a switch
    await showSheet(MAP_A);
    // (the wizard learns which map is open from its next poll)
    await page.waitForTimeout(POLL_MS + 1000);
    await showOptional(w, 'en');
    const evidence = cellOf(0, 'row.evidence');
    const other = (await evidence.locator('option').allTextContents()).find(
      (o) => o !== '—' && o !== '',
    );
    const now = await evidence.inputValue();
    const typed =
      (await evidence.locator('option').allTextContents()).find(
        (o) => o !== '—' && o !== '' && o !== now,
      ) ??
      other ??
      '';
    await evidence.selectOption(typed);
    await showSheet(MAP_B);
    const offer = w.getByRole('region', {
      name: new RegExp(
        uiT('en', 'flow.offer', { name: MAP_B }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      ),
    });
    await offer.waitFor({ timeout: POLL_MS * 3 });
    // the offer passes axe as the rest of the sidebar does
    expect(await axeViolations(page, ['#grid-scroll'])).toEqual([]);
    expect(await w.getByRole('heading', { level: 1 }).textContent()).toBe(MAP_A);
    expect(await cellOf(0, 'row.evidence').inputValue()).toBe(typed);
    // switching saves the edits first
    await offer.getByRole('button', { name: uiT('en', 'flow.switchTo', { name: MAP_B }) }).click();
    await w.getByRole('heading', { level: 1, name: MAP_B }).waitFor();
    await w.getByRole('heading', { level: 2, name: en('step.goal') }).waitFor();
    expect(await offer.count()).toBe(0);
    await showSheet(MAP_A);
    await waitForText(cell(page, a1(ROW.evidence, 3)), typed);
    // and the wizard follows the grid back to the first map
    await w.getByRole('heading', { level: 1, name: MAP_A }).waitFor({ timeout: POLL_MS * 3 });
    expect(session.pageErrors).toEqual([]);
  });

  it('polls the active map only while the sidebar is visible, one call at a time', async () => {
    const f = frame();
    await f.evaluate(() => {
      type Runner = Record<string, (...a: unknown[]) => unknown>;
      type Count = { start(): void; done(): void };
      const w = window as unknown as {
        google: { script: { run: Runner } };
        polls: number;
        inFlight: number;
        most: number;
      };
      w.polls = 0;
      w.inFlight = 0;
      w.most = 0;
      // Every call of google.script.run is a chain: withSuccessHandler, withFailureHandler, the
      // function.
      const counting = (r: Runner, count: Count): Runner =>
        new Proxy(r, {
          get(target, p: string) {
            if (p === 'withSuccessHandler' || p === 'withFailureHandler') {
              return (fn: (v: unknown) => void) =>
                counting(
                  target[p]!((v: unknown) => {
                    count.done();
                    fn(v);
                  }) as Runner,
                  count,
                );
            }
            if (p === 'activeSheetMap')
              return (...args: unknown[]) => {
                count.start();
                return target[p]!(...args);
              };
            return target[p];
          },
        });
      const root = w.google.script.run;
      w.google.script.run = new Proxy(root, {
        get(target, p: string) {
          if (p !== 'withSuccessHandler') return target[p];
          let started = false;
          let ended = false;
          const count: Count = {
            start() {
              started = true;
              w.polls++;
              w.most = Math.max(w.most, ++w.inFlight);
            },
            done() {
              if (started && !ended) w.inFlight--;
              ended = true;
            },
          };
          return (fn: (v: unknown) => void) => counting(target, count).withSuccessHandler!(fn);
        },
      });
    });
    const polls = () => f.evaluate(() => (window as unknown as { polls: number }).polls);
    await expect.poll(polls, { timeout: POLL_MS * 3 }).toBeGreaterThan(0);
    // hidden (another browser tab): no poll at all
    await f.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => 'hidden',
      });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForTimeout(500);
    const hidden = await polls();
    await page.waitForTimeout(POLL_MS * 2.5);
    expect(await polls()).toBe(hidden);
    // visible again: it asks at once
    await f.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => 'visible',
      });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(polls, { timeout: POLL_MS }).toBeGreaterThan(hidden);
    expect(await f.evaluate(() => (window as unknown as { most: number }).most)).toBe(1);
  });

  it('takes a poll answered after a save for what it is, the sheet before the save: no reload, the save stays said', async () => {
    await toStep(7, 'kpis');
    const f = frame();
    // Apps Script runs each google.script.run call as an execution of its own, so a poll sent just
    // before a save can be answered after it. Here a poll's answer is held back until the save has
    // been answered.
    await f.evaluate(() => {
      type Runner = Record<string, (...a: unknown[]) => unknown>;
      const w = window as unknown as {
        google: { script: { run: Runner } };
        hold: boolean;
        held: (() => void)[];
        loads: number;
      };
      w.hold = false;
      w.held = [];
      w.loads = 0;
      const root = w.google.script.run;
      w.google.script.run = new Proxy(root, {
        get(target, p: string) {
          if (p !== 'withSuccessHandler') return target[p];
          return (fn: (v: unknown) => void) => {
            let held = false;
            const answer = (v: unknown) => (held ? w.held.push(() => fn(v)) : fn(v));
            const chain = (r: Runner): Runner =>
              new Proxy(r, {
                get(t, q: string) {
                  if (q === 'withFailureHandler') return (g: unknown) => chain(t[q]!(g) as Runner);
                  if (q === 'activeSheetMap') held = w.hold;
                  if (q === 'loadStep') w.loads++;
                  return (...a: unknown[]) => t[q]!(...a);
                },
              });
            return chain(target.withSuccessHandler!(answer) as Runner);
          };
        },
      });
      w.hold = true;
    });
    const held = () => f.evaluate(() => (window as unknown as { held: unknown[] }).held.length);
    await expect.poll(held, { timeout: POLL_MS * 3 }).toBeGreaterThan(0);
    await f.evaluate(() => {
      (window as unknown as { hold: boolean }).hold = false;
    });
    await wizard().getByLabel(en('row.avgCheck')).fill('520');
    await button(en('wizard.save')).click();
    await saved();
    // the held answer arrives now: a reload would start at once (and clear "Saved")
    const loads = await f.evaluate(async () => {
      const w = window as unknown as { held: (() => void)[]; loads: number };
      const before = w.loads;
      for (const answer of w.held.splice(0)) answer();
      // the answer is taken in a promise's callback
      await new Promise((r) => setTimeout(r, 0));
      return w.loads - before;
    });
    expect(loads).toBe(0);
    await saved();
    await waitForText(cell(page, a1(ROW.avgCheck, SIDE_COL)), '$520');
  });

  it('leaves the user where they were after Save plan and Insert charts', async () => {
    const w = wizard();
    await toStep(10, 'plan');
    await button(en('plan.add')).click();
    const row = w.getByRole('group', { name: new RegExp(`^\\d+\\. ${en('plan.action')}$`) }).last();
    await row.getByLabel(en('plan.action'), { exact: true }).fill('Instalments');
    await row.getByLabel(en('plan.lever')).selectOption({ label: en('lever.C') });
    await row.getByLabel(en('plan.change')).fill('+10%');
    await button(en('wizard.save')).click();
    await saved();
    // the plan sheet is made, and the grid stays on the map
    await page.getByRole('tab', { name: en('plan.sheet', { name: MAP_A }), exact: true }).waitFor();
    expect(
      await page.getByRole('tab', { name: MAP_A, exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
    await w.getByRole('heading', { level: 2, name: en('step.plan') }).waitFor();
    // focus is back on the button the user pressed (it was disabled while the call ran)
    await expect.poll(focusedText).toBe(en('wizard.save'));

    await toStep(11, 'present');
    await button(en('present.charts')).click();
    await w.getByText(en('present.chartsDone')).waitFor();
    await expect.poll(focusedText).toBe(en('present.charts'));
    await w.getByRole('heading', { level: 2, name: en('step.present') }).waitFor();
    expect(
      await page.getByRole('tab', { name: MAP_A, exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
    expect(session.pageErrors).toEqual([]);
  });
});
