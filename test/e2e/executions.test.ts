/**
 * What a real run of the sidebar costs in server executions, counted by the workbench's server
 * (each google.script.run call and menu command is one in Apps Script): Save and continue is one,
 * a step left unchanged and the step list are none, the poll backs off to two a minute when the
 * sidebar sits idle and stops while it is hidden, and a stage added from the menu shows in the
 * open wizard before anything is saved. Time is Playwright's clock, not waited for.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROW } from '../../src/core/map/layout';
import type { StepId } from '../../src/core/wizard/steps';
import type { ViewState, WorkbenchEvent } from '../../dev/workbench/protocol';
import {
  addonMenu,
  cell,
  closeSession,
  createMap,
  en,
  openSession,
  openWizard,
  type Session,
  wizardFrame,
  WAIT_MS,
} from './support';

let session: Session;
let page: Page;

const POLL = 'activeSheetMap';

/** The workbench's count of the add-on's executions so far, by function. */
async function executions(): Promise<Record<string, number>> {
  const res = await fetch(new URL('/api/action', session.workbench.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: { kind: 'state' } }),
  });
  const event = (await res.json()) as WorkbenchEvent;
  if (event.status !== 'done') throw new Error('the workbench is waiting on a question');
  return (event.outcome.state as ViewState).executions;
}

/** Executions other than polls, and polls, since `before`. */
async function since(before: Record<string, number>): Promise<{ calls: number; polls: number }> {
  const now = await executions();
  let calls = 0;
  for (const [name, n] of Object.entries(now)) if (name !== POLL) calls += n - (before[name] ?? 0);
  return { calls, polls: (now[POLL] ?? 0) - (before[POLL] ?? 0) };
}

const wizard = (): FrameLocator => wizardFrame(page, 'en');
const heading = (step: StepId) =>
  wizard()
    .getByRole('heading', { level: 2, name: en(`step.${step}`) })
    .waitFor();
const saveAndContinue = () =>
  wizard()
    .getByRole('button', { name: en('wizard.saveNext'), exact: true })
    .click();

beforeAll(async () => {
  session = await openSession({ viewport: { width: 1280, height: 720 } });
  page = session.page;
  page.setDefaultTimeout(WAIT_MS);
  // Timers and Date are Playwright's from here on, in the sidebar's frame too.
  await page.clock.install();
  await page.getByRole('tab', { name: 'Sheet1' }).waitFor();
  await createMap(page, { segment: 'Office workers', product: 'Gym', example: true });
  await openWizard(page, 'en');
  await heading('goal');
});

afterAll(() => closeSession(session));

describe('server executions of a real run of the sidebar', { timeout: 120_000 }, () => {
  it('Save and continue is one execution; Next on an unchanged step and the step list are none', async () => {
    let before = await executions();
    await wizard().getByLabel(en('row.goal'), { exact: true }).fill('Sell 200 annual memberships');
    await saveAndContinue();
    await heading('persona');
    expect((await since(before)).calls).toBe(1);

    before = await executions();
    await saveAndContinue();
    await heading('stages');
    await saveAndContinue();
    await heading('touchpoints');
    const nav = wizard().getByRole('navigation', { name: en('wizard.stepsNav') });
    await nav.getByRole('button', { name: /^1\. / }).click();
    await heading('goal');
    expect(await wizard().getByLabel(en('row.goal'), { exact: true }).inputValue()).toBe(
      'Sell 200 annual memberships',
    );
    await nav.getByRole('button', { name: /^3\. / }).click();
    await heading('stages');
    expect((await since(before)).calls).toBe(0);
  });

  it('shows a stage added from the menu before the next save', async () => {
    const names = wizard().getByRole('toolbar');
    const count = await names.count();
    await cell(page, `E${ROW.header}`).click();
    await addonMenu(page, en('menu.addStage'));
    // the poll, at the working pace, sees the menu's stamp and shows the map as it is now
    for (let i = 0; i < 20 && (await names.count()) === count; i++) {
      await page.clock.runFor(1000);
      await page.waitForTimeout(50);
    }
    expect(await names.count()).toBe(count + 1);
    await wizard()
      .getByRole('toolbar', { name: en('stage.new'), exact: true })
      .waitFor();
  });

  it('polls at most twice a minute after a minute idle, and not at all while hidden', async () => {
    // A minute and a half of nobody using the sidebar, in steps the page's calls can answer in.
    const idle = async (seconds: number) => {
      for (let s = 0; s < seconds; s++) {
        await page.clock.runFor(1000);
        await page.waitForTimeout(20);
      }
    };
    await idle(60);
    const before = await executions();
    await idle(60);
    const minute = await since(before);
    expect(minute.calls).toBe(0);
    expect(minute.polls).toBeGreaterThan(0);
    expect(minute.polls).toBeLessThanOrEqual(2);

    const frame = page.frames().find((f) => f.url().includes('/surface/'));
    await frame?.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => 'hidden',
      });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const hidden = await executions();
    await idle(90);
    expect((await since(hidden)).polls).toBe(0);
  });
});
