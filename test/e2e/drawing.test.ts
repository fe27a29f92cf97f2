/**
 * What Sheets draws over the cells, drawn by the workbench too: the map's conditional
 * formats (a low score, a good score, a step conversion under its target by the custom
 * formula rule, a ⚠ note) in the rule's colours, and the charts the wizard's Present step
 * inserts, drawn at their anchor from the sheet's current numbers.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT, GOOD } from '../../src/core/map/formats';
import { ROW, SIDE_COL, a1, stageCol } from '../../src/core/map/layout';
import { presetStages } from '../../src/core/map/stages';
import {
  openWizard,
  cell,
  closeSession,
  createMap,
  insertChartsFromWizard,
  en,
  openReadySession,
  type Session,
  typeInto,
  waitForText,
} from './support';

const STAGES = presetStages('checklist6', 'en').map((s) => s.name);
const COUNTS = [1000, 400, 100, 90, 60, 40];
const at = (row: keyof typeof ROW, stage: number): string => a1(ROW[row], stageCol(stage));

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await openReadySession();
  page = session.page;
  await createMap(page, { segment: 'Young parents', product: 'Fitness club' });
});

afterAll(() => closeSession(session));

/** "#f4c7c3" -> "rgb(244, 199, 195)", as getComputedStyle answers. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

async function colours(target: Locator): Promise<{ background: string; color: string }> {
  return target.evaluate((node) => {
    const s = getComputedStyle(node);
    return { background: s.backgroundColor, color: s.color };
  });
}

/** Waits until the cell is drawn in the rule's colours (the grid redraws after each answer). */
async function highlighted(a1: string, rule: { background: string; color: string }): Promise<void> {
  const want = { background: rgb(rule.background), color: rgb(rule.color) };
  const deadline = Date.now() + 10_000;
  let last = await colours(cell(page, a1));
  while (last.background !== want.background || last.color !== want.color) {
    if (Date.now() > deadline)
      throw new Error(`${a1} is drawn ${JSON.stringify(last)}, not ${JSON.stringify(want)}`);
    await page.waitForTimeout(50);
    last = await colours(cell(page, a1));
  }
}

describe('conditional formats and charts drawn as Sheets draws them', { timeout: 120_000 }, () => {
  it('highlights a low score, a good one, and not a middling one', async () => {
    for (const [i, n] of COUNTS.entries())
      await typeInto(page, at('customers', i), String(n), n.toLocaleString('en-US'));
    await typeInto(page, at('score', 0), '2', '2');
    await typeInto(page, at('score', 1), '5', '5');
    await typeInto(page, at('score', 2), '3', '3');
    await highlighted(at('score', 0), ALERT);
    await highlighted(at('score', 1), GOOD);
    expect(await cell(page, at('score', 2)).getAttribute('data-conditional')).toBeNull();
    expect((await colours(cell(page, at('score', 2)))).background).not.toBe(rgb(ALERT.background));
  });

  it('draws sparklines from the series the emulator computed: the emotion curve and an array expression', async () => {
    // Scores 2, 5, 3 and three blank stages: SPARKLINE has no "empty" option here, and a blank
    // plots as zero (the emulator's reading where Google's page gives no default).
    const curve = cell(page, a1(ROW.curve, SIDE_COL)).getByRole('img');
    await expect.poll(() => curve.getAttribute('aria-label')).toBe('sparkline of 2, 5, 3, 0, 0, 0');
    expect(await curve.locator('polyline').count()).toBe(1);

    // A column chart of an ARRAYFORMULA expression, which the old drawing (a plain range only)
    // left as "[SPARKLINE]".
    const customers = `${at('customers', 0)}:${at('customers', STAGES.length - 1)}`;
    const target = a1(ROW.customers, stageCol(STAGES.length + 1));
    await cell(page, target).click();
    await page.keyboard.type(
      `=ARRAYFORMULA(SPARKLINE(IFERROR(${customers}/1000,""),{"charttype","column";"color","#e8710a"}))`,
    );
    await page.keyboard.press('Enter');
    const columns = cell(page, target).getByRole('img');
    await expect
      .poll(() => columns.getAttribute('aria-label'))
      .toBe('column sparkline of 1, 0.4, 0.1, 0.09, 0.06, 0.04');
    expect(
      await columns.locator('rect').evaluateAll((r) => r.map((n) => n.getAttribute('fill'))),
    ).toEqual(Array(6).fill('#e8710a'));
    await expect.poll(() => cell(page, target).textContent()).toBe('');
  });

  it('highlights a step conversion under its target (the custom formula rule, evaluated per cell)', async () => {
    // 400 / 1000 = 40% under a 50% target; 100 / 400 = 25% has no target.
    await typeInto(page, at('target', 1), '50%', '50.0%');
    await highlighted(at('step', 1), ALERT);
    expect(await cell(page, at('step', 2)).getAttribute('data-conditional')).toBeNull();
    await typeInto(page, at('target', 1), '30%', '30.0%');
    await waitForText(cell(page, at('step', 1)), '40.0%');
    const deadline = Date.now() + 10_000;
    while ((await cell(page, at('step', 1)).getAttribute('data-conditional')) !== null) {
      if (Date.now() > deadline)
        throw new Error('the step conversion above its target is still highlighted');
      await page.waitForTimeout(50);
    }
  });

  it('highlights a ⚠ note in the rule colour', async () => {
    // More customers than at the stage before: the step conversion says so with a ⚠ note.
    await typeInto(page, at('customers', 2), '500', '500');
    const note = await waitForText(cell(page, at('step', 2)), /^⚠/);
    expect(note.length).toBeGreaterThan(2);
    await highlighted(at('step', 2), ALERT);
    await typeInto(page, at('customers', 2), '100', '100');
    await waitForText(cell(page, at('step', 2)), '25.0%');
  });

  it("draws the Present step's funnel (one bar per stage) and experience curve (one point per score) at their anchors", async () => {
    await openWizard(page, 'en');
    const w = page.getByRole('complementary', { name: en('wizard.title') }).frameLocator('iframe');
    await insertChartsFromWizard(w);
    // the grid goes to the charts, the sidebar keeps the focus on the button pressed
    const focused = () =>
      page
        .frames()
        .find((f) => f.url().includes('/surface/'))
        ?.evaluate(() => document.activeElement?.textContent ?? null);
    await expect.poll(focused).toBe(en('present.charts'));

    const funnel = page.getByRole('img', { name: en('chart.funnel'), exact: true });
    const curve = page.getByRole('img', { name: en('chart.curve'), exact: true });
    await funnel.waitFor();
    await curve.waitFor();
    const bars = funnel.locator('.chart-bar');
    expect(await bars.count()).toBe(STAGES.length);
    for (const [i, n] of COUNTS.entries())
      expect(await bars.nth(i).locator('title').textContent()).toBe(
        `${STAGES[i]}: ${n.toLocaleString('en-US')}`,
      );
    // The funnel narrows: each bar is no longer than the one before.
    const widths = await bars.evaluateAll((nodes) =>
      nodes.map((n) => Number(n.getAttribute('width'))),
    );
    for (let i = 1; i < widths.length; i++)
      expect(widths[i]).toBeLessThanOrEqual(widths[i - 1] ?? 0);
    // Three stages are scored: three points, their values the scores.
    const points = curve.locator('.chart-point');
    expect(await points.count()).toBe(3);
    expect(await points.locator('title').allTextContents()).toEqual([
      `${STAGES[0]}: 2`,
      `${STAGES[1]}: 5`,
      `${STAGES[2]}: 3`,
    ]);
    expect(await curve.locator('.chart-title').textContent()).toBe(en('chart.curve'));

    // Beside the KPI block: anchored at the KPI section's row right of the last stage (16 px in),
    // the curve under the funnel; the grid scrolled there, so both are in view.
    const anchorCell = cell(page, a1(ROW.kpiSection, stageCol(STAGES.length)));
    await expect.poll(() => anchorCell.getAttribute('aria-selected')).toBe('true');
    const anchor = await anchorCell.boundingBox();
    const box = await funnel.boundingBox();
    const curveBox = await curve.boundingBox();
    expect(
      anchor && box && Math.abs(box.y - anchor.y) < 3 && Math.abs(box.x - anchor.x - 16) < 3,
    ).toBe(true);
    expect(box && curveBox && curveBox.y >= box.y + box.height - 3).toBe(true);
    expect(box && curveBox && Math.abs(curveBox.x - box.x) < 3).toBe(true);
    const pane = await page.locator('#grid-scroll').boundingBox();
    expect(pane && box && box.x >= pane.x && box.y >= pane.y && box.y < pane.y + pane.height).toBe(
      true,
    );
    // Every stage name drawn whole, as the emulator's rule finds it.
    for (const chart of [funnel, curve]) {
      expect(await chart.locator('.chart-label[data-whole="false"]').count()).toBe(0);
      expect(await chart.locator('.chart-label').allTextContents()).toEqual(STAGES);
    }
  });

  it('redraws a chart from the new numbers when a cell of its range changes', async () => {
    await typeInto(page, at('customers', 0), '2500', '2,500');
    const first = page
      .getByRole('img', { name: en('chart.funnel'), exact: true })
      .locator('.chart-bar')
      .first()
      .locator('title');
    await waitForText(first, `${STAGES[0]}: 2,500`);
    expect(session.pageErrors).toEqual([]);
  });
});
