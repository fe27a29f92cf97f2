/**
 * The wizard in real Chromium through the workbench, as a new marketer uses it: Extensions →
 * CJM → Open the wizard, a map created in step 1, a little typed into each of the eleven steps,
 * then the sheet checked for what the wizard wrote and computed. Steps build on each other.
 */
import { readFileSync } from 'node:fs';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyMessageKey as MessageKey } from '../../src/core/words/i18n-all';
import { ROW, SIDE_COL, a1, stageCol } from '../../src/core/map/layout';
import { presetStages } from '../../src/core/map/stages';
import { STEP_IDS, type StepId } from '../../src/core/wizard/steps';
import {
  axeViolations,
  cell,
  closeSession,
  en,
  openSession,
  openWizard,
  screenshot,
  type Session,
  showOptional,
  typeInto,
  waitForText,
  wizardFrame,
  WAIT_MS,
} from './support';

const STAGES = presetStages('checklist6', 'en').map((s) => s.name);
const COUNTS = [1000, 400, 100, 90, 60, 40];
const MAP = 'Young parents — Fitness club';
const PLAN_SHEET = en('plan.sheet', { name: MAP });
const at = (row: keyof typeof ROW, stage: number | null): string =>
  a1(ROW[row], stage === null ? SIDE_COL : stageCol(stage));

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openSession({ acceptDownloads: true });
  page = session.page;
  // Short waits, so a failure names the step that did not happen rather than the test timing out.
  page.setDefaultTimeout(WAIT_MS);
  await page.getByRole('tab', { name: 'Sheet1' }).waitFor();
});

afterAll(() => closeSession(session));

/** The wizard's page inside the workbench's side panel. */
const wizard = (): FrameLocator => wizardFrame(page, 'en');
const button = (name: string): Locator => wizard().getByRole('button', { name, exact: true });

async function atStep(n: number, step: StepId): Promise<void> {
  await wizard()
    .getByText(en('wizard.progress', { n, total: STEP_IDS.length }), { exact: true })
    .waitFor();
  await wizard()
    .getByRole('heading', { level: 2, name: en(`step.${step}`) })
    .waitFor();
}

async function saved(): Promise<void> {
  await wizard().getByRole('status').getByText(en('wizard.saved')).waitFor();
}

/** Stage i's input in the table of a row of the map (each row is one table, a stage a line). */
function cellOf(i: number, row: MessageKey, name = STAGES[i] ?? ''): Locator {
  return wizard().getByLabel(`${en('wizard.stage', { n: i + 1, name })} — ${en(row)}`, {
    exact: true,
  });
}

/** The add / move / remove buttons beside a stage's name. */
const toolsOf = (name: string): Locator => wizard().getByRole('toolbar', { name, exact: true });

async function saveAndContinue(n: number, next: StepId): Promise<void> {
  await button(en('wizard.saveNext')).click();
  await atStep(n, next);
}

/**
 * A screenshot of the page for the README and docs/, with the sidebar scrolled so `top` is at its
 * top.
 */
async function shot(name: string, top?: Locator): Promise<void> {
  await top?.evaluate((node) => node.scrollIntoView({ block: 'start' }));
  await screenshot(page, name);
}

async function showSheet(name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

describe('the CJM wizard, walked by a new marketer', { timeout: 90_000 }, () => {
  it('opens from Extensions → CJM → Open the wizard and creates a map in step 1', async () => {
    await openWizard(page, 'en');
    await atStep(1, 'goal');
    const w = wizard();
    await w.getByText(en('wizard.noMap')).waitFor();
    await w.getByLabel(en('row.segment')).fill('Young parents');
    await w.getByLabel(en('row.product'), { exact: true }).fill('Fitness club');
    await w.getByRole('button', { name: en('form.create') }).click();
    await w.getByRole('heading', { level: 1, name: MAP }).waitFor();
    await w.getByLabel(en('goal.type')).selectOption({ label: en('goal.sales') });
    // The goal type suggests the goal's wording when the goal is still empty.
    expect(await w.getByLabel(en('row.goal')).inputValue()).toBe(en('goal.sales'));
    expect(await w.getByLabel(en('row.segment')).inputValue()).toBe('Young parents');
    await shot('wizard-goal.png');
    await saveAndContinue(2, 'persona');
    await waitForText(cell(page, at('goal', null)), en('goal.sales'));
    expect(
      await w.getByRole('button', { name: `1. ${en('step.goal')} (${en('wizard.done')})` }).count(),
    ).toBe(1);
  });

  it('fills the persona and the stages, adding, then removing a stage after a confirmation', async () => {
    const w = wizard();
    await w.getByLabel(en('row.personaName')).fill('Anna, 32, two kids');
    await saveAndContinue(3, 'stages');
    await waitForText(cell(page, at('personaName', null)), 'Anna, 32, two kids');

    await cellOf(0, 'row.actions').fill('Sees an ad for the kids room');
    // A stage edit is immediate; what was typed and not saved yet stays in the form.
    await toolsOf(STAGES[0] ?? '')
      .getByRole('button', { name: en('stages.add') })
      .click();
    await waitForText(cell(page, at('header', 1)), en('stage.new'));
    expect(await cellOf(0, 'row.actions').inputValue()).toBe('Sees an ad for the kids room');
    await cellOf(1, 'row.actions', en('stage.new')).fill('Compares clubs nearby');
    await button(en('wizard.save')).click();
    await saved();
    await waitForText(cell(page, at('actions', 1)), 'Compares clubs nearby');
    expect(await cell(page, at('actions', 0)).textContent()).toBe('Sees an ad for the kids room');

    await toolsOf(en('stage.new'))
      .getByRole('button', { name: en('stages.remove') })
      .click();
    const confirm = w.getByRole('alertdialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(
      en('confirm.removeTitle', { name: en('stage.new') }),
    );
    await confirm.getByRole('button', { name: en('stages.confirmRemove'), exact: true }).click();
    await waitForText(cell(page, at('header', 1)), STAGES[1] ?? '');
    expect(await cell(page, at('actions', 0)).textContent()).toBe('Sees an ad for the kids room');
    expect(await cellOf(1, 'row.header').inputValue()).toBe(STAGES[1]);
    await saveAndContinue(4, 'touchpoints');
  });

  it('records a touchpoint, a question and a barrier with its type', async () => {
    await cellOf(0, 'row.touchpoints').fill('Instagram ads');
    await saveAndContinue(5, 'questions');
    await cellOf(0, 'row.questions').fill('Is there a kids room?');
    await saveAndContinue(6, 'barriers');
    await cellOf(0, 'row.barriers').fill('Far from home');
    await showOptional(wizard(), 'en');
    await cellOf(0, 'row.barrierType').selectOption(en('choice.barrierType').split('|')[0] ?? '');
    await saveAndContinue(7, 'kpis');
    await waitForText(cell(page, at('touchpoints', 0)), 'Instagram ads');
    expect(await cell(page, at('questions', 0)).textContent()).toBe('Is there a kids room?');
    expect(await cell(page, at('barriers', 0)).textContent()).toBe('Far from home');
    expect(await cell(page, at('barrierType', 0)).textContent()).toContain('Inconvenience');
  });

  it('takes counts per stage, the check and purchases, and shows the revenue the sheet computed', async () => {
    const w = wizard();
    await w.getByText(en('metrics.none')).waitFor();
    await w.getByLabel(en('row.avgCheck')).fill('2000');
    await w.getByLabel(en('row.purchases')).fill('1.5');
    for (const [i, n] of COUNTS.entries()) await cellOf(i, 'row.customers').fill(String(n));
    // 50% typed as percent; the step conversion 400 / 1000 = 40% is under it.
    await showOptional(w, 'en');
    await cellOf(1, 'row.target').fill('50%');
    // what a typed percent was read as shows beside it: "0.9" is 0.9 %, not 90 %
    await w.getByText(en('wizard.readAs', { value: '50.0%' })).waitFor();
    await cellOf(2, 'row.target').fill('0.9');
    await w.getByText(en('wizard.readAs', { value: '0.9%' })).waitFor();
    await cellOf(2, 'row.target').fill('');
    await button(en('wizard.save')).click();
    await saved();
    const metrics = w.getByRole('region', { name: en('metrics.title') });
    await metrics.getByText('$300,000', { exact: true }).waitFor();
    expect(await metrics.textContent()).toContain(
      en('metrics.underTarget', { stage: STAGES[1] ?? '', step: '40.0%', target: '50.0%' }),
    );
    await waitForText(cell(page, at('revenue', null)), '$300,000');
    expect(await cell(page, at('target', 1)).textContent()).toBe('50.0%');
    await shot(
      'wizard-kpis.png',
      wizard().getByRole('heading', { level: 2, name: en('step.kpis') }),
    );
    await saveAndContinue(8, 'evaluate');
  });

  it('scores a stage and lists it among the low scores', async () => {
    await cellOf(0, 'row.score').selectOption('2');
    await button(en('wizard.save')).click();
    await saved();
    await wizard()
      .getByText(en('metrics.lowScore', { stage: STAGES[0] ?? '', score: 2 }))
      .waitFor();
    await waitForText(cell(page, at('score', 0)), '2');
    await saveAndContinue(9, 'review');
    // a first map has no review to record yet: on to the plan
    await saveAndContinue(10, 'plan');
  });

  it('plans two actions and gets them ranked by revenue impact', async () => {
    const w = wizard();
    const fill = async (
      n: number,
      a: {
        action: string;
        stage: string;
        lever: 'L' | 'C' | 'P' | 'Q';
        change: string;
        owner: string;
        deadline: string;
      },
    ) => {
      await w.getByRole('button', { name: en('plan.add') }).click();
      const row = w.getByRole('group', { name: `${n}. ${en('plan.action')}` });
      await row.getByLabel(en('plan.action'), { exact: true }).fill(a.action);
      await row.getByLabel(en('plan.stage')).selectOption(a.stage);
      await row.getByLabel(en('plan.lever')).selectOption({ label: en(`lever.${a.lever}`) });
      await row.getByLabel(en('plan.change')).fill(a.change);
      await row.getByLabel(en('plan.owner')).fill(a.owner);
      await row.getByLabel(en('plan.deadline')).fill(a.deadline);
    };
    await fill(1, {
      action: 'Raise the annual pass price',
      stage: STAGES[2] ?? '',
      lever: 'P',
      change: '+10%',
      owner: 'Anna',
      deadline: '2026-12-01',
    });
    await fill(2, {
      action: 'Call back every lead within an hour',
      stage: STAGES[1] ?? '',
      lever: 'C',
      change: '+2 pp',
      owner: 'Oleg',
      deadline: '2026-11-15',
    });
    await button(en('wizard.save')).click();
    await saved();
    // +2 pp of conversion: 1000 × 12% × 2000 × 1.5 − 300 000 = 60 000; +10% check: 30 000.
    const top = w.getByRole('group', { name: `1. ${en('plan.action')}` });
    await waitForText(top.getByText(en('plan.impact')), `${en('plan.impact')}: $60,000`);
    expect(await top.getByLabel(en('plan.action'), { exact: true }).inputValue()).toBe(
      'Call back every lead within an hour',
    );
    expect(
      await w
        .getByRole('group', { name: `2. ${en('plan.action')}` })
        .getByText(en('plan.impact'))
        .textContent(),
    ).toBe(`${en('plan.impact')}: $30,000`);
    await shot(
      'wizard-plan.png',
      wizard().getByRole('heading', { level: 2, name: en('step.plan') }),
    );

    await showSheet(PLAN_SHEET);
    await waitForText(cell(page, 'B4'), 'Call back every lead within an hour');
    expect(await cell(page, 'A4').textContent()).toBe('1');
    expect(await cell(page, 'J4').textContent()).toBe('$60,000');
    expect(await cell(page, 'B5').textContent()).toBe('Raise the annual pass price');
    expect(await cell(page, 'J5').textContent()).toBe('$30,000');
    expect(await cell(page, 'A5').textContent()).toBe('2');
    await showSheet(MAP);
    await saveAndContinue(11, 'present');
  });

  it('presents the map: summary, owner, charts and the mind map export', async () => {
    const w = wizard();
    const summary = w.getByRole('region', { name: en('present.summary') });
    await summary.getByText('$300,000', { exact: true }).waitFor();
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain(STAGES.join(' → '));
    expect(text).toContain('Call back every lead within an hour');
    expect(text).toContain(en('metrics.weakest', { name: '' }).trim());

    await w.getByLabel(en('row.owner')).fill('Marketing lead');
    await button(en('wizard.save')).click();
    await saved();
    await waitForText(cell(page, at('owner', null)), 'Marketing lead');

    await button(en('present.charts')).click();
    await w.getByText(en('present.chartsDone')).waitFor();
    const file = JSON.parse(readFileSync(session.workbench.file, 'utf8')) as {
      sheets: { name: string; charts: { chartType: string }[] }[];
    };
    expect(file.sheets.find((s) => s.name === MAP)?.charts.length).toBeGreaterThanOrEqual(2);

    await button(en('present.mindmap')).click();
    const outline = w.getByLabel(en('present.copy'));
    await outline.waitFor();
    const markdown = await outline.inputValue();
    // the step with its outline and download links passes axe as the other steps do
    expect(await axeViolations(page, ['#grid-scroll'])).toEqual([]);
    for (const part of [
      'Young parents',
      STAGES[0] ?? '',
      'Instagram ads',
      'Is there a kids room?',
      'Call back every lead within an hour',
    ])
      expect(markdown).toContain(part);
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      w.getByRole('link', { name: en('present.markdown') }).click(),
    ]);
    expect(md.suggestedFilename()).toMatch(/\.md$/);
    expect(readFileSync(await md.path(), 'utf8')).toBe(markdown);
    const [opml] = await Promise.all([
      page.waitForEvent('download'),
      w.getByRole('link', { name: en('present.opml') }).click(),
    ]);
    expect(opml.suggestedFilename()).toMatch(/\.opml$/);
    expect(readFileSync(await opml.path(), 'utf8')).toContain('<opml');
  });

  it('leaves every typed cell in the map', async () => {
    await showSheet(MAP);
    expect(await cell(page, at('segment', null)).textContent()).toBe('Young parents');
    expect(await cell(page, at('product', null)).textContent()).toBe('Fitness club');
    for (const [i, n] of COUNTS.entries())
      expect(await cell(page, at('customers', i)).textContent()).toBe(n.toLocaleString('en-US'));
    expect(await cell(page, at('avgCheck', null)).textContent()).toBe('$2,000');
    expect(await cell(page, at('purchases', null)).textContent()).toBe('1.5');
    expect(await cell(page, at('revenue', null)).textContent()).toBe('$300,000');
  });

  it('resumes at the step it was on after a reload', async () => {
    await page.reload();
    await page.getByRole('tab', { name: MAP, exact: true }).waitFor();
    await openWizard(page, 'en');
    await atStep(11, 'present');
    expect(await wizard().getByLabel(en('row.owner')).inputValue()).toBe('Marketing lead');
  });

  it('shows a conflict when a cell of the open step was typed in the sheet, and saves the choice', async () => {
    const w = wizard();
    await typeInto(page, at('owner', null), 'Sales lead', 'Sales lead');
    await w.getByLabel(en('row.owner')).fill('CX lead');
    await button(en('wizard.save')).click();
    const panel = w.getByRole('region', { name: en('wizard.conflictTitle') });
    await panel.waitFor();
    const owner = panel.getByRole('group', { name: en('row.owner') });
    expect(
      await owner
        .getByRole('radio', { name: new RegExp(`^${en('wizard.keepSheet')}.*Sales lead`) })
        .count(),
    ).toBe(1);
    const apply = panel.getByRole('button', { name: en('wizard.conflictApply') });
    expect(await apply.isDisabled()).toBe(true);
    expect(await axeViolations(page, ['#grid-scroll'])).toEqual([]);
    await owner
      .getByRole('radio', { name: new RegExp(`^${en('wizard.keepMine')}.*CX lead`) })
      .check();
    await apply.click();
    await saved();
    await waitForText(cell(page, at('owner', null)), 'CX lead');
    expect(await panel.count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});
