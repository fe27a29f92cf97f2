/**
 * What the sidebar says, so it never misleads: "Saved" after a save only, not on arriving at a step; the
 * poster's line true after a good download; the removal question asked once; a missing Q named;
 * the error summary naming the stage; the presets' stages explained where they are chosen and on
 * the stages step; English formula help grouping thousands the English way; the workbench's parse
 * error in a Russian spreadsheet's language.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROW, a1, stageCol } from '../../src/core/map/layout';
import { presetStages } from '../../src/core/map/stages';
import { t as uiT } from '../../src/core/words/i18n-ui';
import { presetNotes } from '../../sidebar/stage-notes';
import {
  addonMenu,
  cell,
  closeSession,
  en,
  newMapDialog,
  openReadySession,
  openRussianSession,
  plain,
  type Session,
  typeInto,
  waitForText,
  wizardFrame,
} from './support';

const STAGES = presetStages('funnel5', 'en').map((s) => s.name);
const NOTES = presetNotes('en', 'funnel5');

describe('the sidebar in English says what is so', { timeout: 60_000 }, () => {
  let session: Session;
  let page: Page;
  const w = (): FrameLocator => wizardFrame(page, 'en');
  const status = () => w().getByRole('status').first();
  const toStep = async (n: number, key: Parameters<typeof en>[0]) => {
    await w()
      .getByRole('navigation', { name: en('wizard.stepsNav') })
      .getByRole('button', { name: new RegExp(`^${n}\\. `) })
      .click();
    await w()
      .getByRole('heading', { level: 2, name: en(key) })
      .waitFor();
  };

  beforeAll(async () => {
    session = await openReadySession({ acceptDownloads: true });
    page = session.page;
  });
  afterAll(() => closeSession(session));

  it("explains each of the preset's stages in the New map dialog", async () => {
    await addonMenu(page, en('menu.newMap'));
    const { dialog, form } = newMapDialog(page);
    await form.getByLabel(en('form.preset')).selectOption('funnel5');
    const list = form.getByRole('list');
    for (const [i, name] of STAGES.entries())
      expect(plain(await list.getByRole('listitem').nth(i).textContent())).toBe(
        `${name} — ${NOTES[i]}`,
      );
    await form.getByLabel(en('row.segment')).fill('Gym goers');
    await form.getByLabel(en('row.product')).fill('Protein bars');
    await form.getByRole('button', { name: en('form.create') }).click();
    await dialog.waitFor({ state: 'detached' });
    await w().getByRole('heading', { level: 1, name: 'Gym goers — Protein bars' }).waitFor();
  });

  it('says "Saved" after Save, and not on arriving at the next step', async () => {
    await w()
      .getByRole('button', { name: en('wizard.saveNext'), exact: true })
      .click();
    await w()
      .getByRole('heading', { level: 2, name: en('step.persona') })
      .waitFor();
    await expect.poll(async () => plain(await status().textContent())).toBe('');
    await w()
      .getByRole('button', { name: en('wizard.save'), exact: true })
      .click();
    await expect.poll(async () => plain(await status().textContent())).toBe(en('wizard.saved'));
    await w()
      .getByRole('button', { name: en('wizard.saveNext'), exact: true })
      .click();
    await w()
      .getByRole('heading', { level: 2, name: en('step.stages') })
      .waitFor();
    await expect.poll(async () => plain(await status().textContent())).toBe('');
  });

  it("explains the preset's stages beside their names on the stages step", async () => {
    const name = w().getByLabel(
      `${en('wizard.stage', { n: 5, name: STAGES[4] ?? '' })} — ${en('row.header')}`,
      { exact: true },
    );
    await expect.poll(() => name.getAttribute('aria-describedby')).toBeTruthy();
    expect(
      await w()
        .getByText(NOTES[4] ?? '', { exact: true })
        .isVisible(),
    ).toBe(true);
  });

  it('names the stage of a field in error in the summary, and says which factor revenue lacks', async () => {
    await toStep(7, 'step.kpis');
    const customers = (i: number) =>
      w().getByLabel(
        `${en('wizard.stage', { n: i + 1, name: STAGES[i] ?? '' })} — ${en('row.customers')}`,
        { exact: true },
      );
    for (const [i, n] of ['1000', 'a lot', '100', '80', '20'].entries()) await customers(i).fill(n);
    await w().getByLabel(en('row.avgCheck')).fill('2000');
    await w()
      .getByRole('button', { name: en('wizard.save'), exact: true })
      .click();
    await w()
      .getByRole('button', {
        name: `${en('wizard.stage', { n: 2, name: STAGES[1] ?? '' })} — ${en('row.customers')}`,
        exact: true,
      })
      .waitFor();
    await customers(1).fill('400');
    await w()
      .getByRole('button', { name: en('wizard.save'), exact: true })
      .click();
    await expect.poll(async () => plain(await status().textContent())).toBe(en('wizard.saved'));
    const metrics = w().getByRole('region', { name: en('metrics.title') });
    const text = plain(await metrics.textContent());
    expect(text).toContain(`${en('row.purchases')}${uiT('en', 'metrics.notFilled')}`);
    expect(text).toContain(uiT('en', 'metrics.missing', { list: en('row.purchases') }));
  });

  it('says the poster downloaded, naming its file, with a link for another copy', async () => {
    await toStep(11, 'step.present');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      w()
        .getByRole('button', { name: en('present.poster') })
        .click(),
    ]);
    const file = download.suggestedFilename();
    await w()
      .getByText(uiT('en', 'present.posterReady', { file }))
      .waitFor();
    expect(
      await w()
        .getByText(/did not start/)
        .count(),
    ).toBe(0);
    expect(
      await w()
        .getByRole('link', { name: en('present.posterSave') })
        .getAttribute('download'),
    ).toBe(file);
  });

  it('asks "Remove the stage?" once: the dialog\'s title asks, its page says what goes', async () => {
    await cell(page, a1(ROW.header, stageCol(0))).click();
    await addonMenu(page, en('menu.removeStage'));
    const question = en('confirm.removeTitle', { name: STAGES[0] ?? '' });
    const dialog = page.getByRole('dialog', { name: question });
    const inside = dialog.frameLocator('iframe');
    await inside.getByRole('button', { name: en('answer.no'), exact: true }).waitFor();
    expect(await inside.getByText(question).count()).toBe(0);
    expect(await inside.getByRole('heading').count()).toBe(0);
    // "It holds N filled cells…": the body, whatever N
    const holds = en('confirm.removeBody', { n: 2 }).split('2')[0] ?? '';
    await inside.getByText(holds).waitFor();
    await inside.getByRole('button', { name: en('answer.no'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('formula help in English writes 150,000', async () => {
    await addonMenu(page, en('menu.formulaHelp'));
    const help = page.getByRole('complementary').frameLocator('iframe');
    await help.getByText('→ 150,000', { exact: true }).waitFor();
    expect(await help.getByText(/\d \d{3}/).count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
  });
});

describe('the workbench in a Russian spreadsheet', { timeout: 60_000 }, () => {
  let session: Session;
  beforeAll(async () => {
    session = await openRussianSession();
  });
  afterAll(() => closeSession(session));

  it('says a formula that does not parse in Russian, as Sheets does', async () => {
    const { page } = session;
    // commas between arguments do not parse in a ru_RU spreadsheet
    await typeInto(page, 'A1', '=CJM_REVENUE(1000, 5%, 2000, 1.5)', '#ERROR!');
    await waitForText(cell(page, 'A1'), '#ERROR!');
    expect(await cell(page, 'A1').getAttribute('title')).toBe(
      'Ошибка синтаксического анализа формулы.',
    );
    expect(session.pageErrors).toEqual([]);
  });
});
