/**
 * The workbench server without a browser: a busy port, saving and reopening the workbook,
 * a damaged workbook file, and the question round trip (a Ui.alert) over the JSON API.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWorkbench } from '../../dev/workbench/launch';
import type { WorkbenchEvent } from '../../dev/workbench/protocol';
import { t } from '../../src/core/words/i18n-all';
import { freshWorkbench, removeWorkbook } from './support';

type Started = Awaited<ReturnType<typeof freshWorkbench>>;
let wb: Started;

async function api(path: string, body: unknown): Promise<WorkbenchEvent> {
  const res = await fetch(new URL(path, wb.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as WorkbenchEvent;
}

function done(e: WorkbenchEvent): Extract<WorkbenchEvent, { status: 'done' }>['outcome'] {
  if (e.status !== 'done')
    throw new Error(`expected a finished action, got a question: ${e.request.prompt}`);
  return e.outcome;
}

beforeAll(async () => {
  wb = await freshWorkbench();
});

afterAll(async () => {
  await wb?.stop();
  removeWorkbook(wb?.file);
});

describe('the workbench server', () => {
  it('says which port is busy and how to pick another, and exits 1', async () => {
    const port = new URL(wb.url).port;
    const second = launchWorkbench(['--port', port, '--file', `${wb.file}.other`]);
    const error = await second.then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      new RegExp(
        `exited \\(1\\)[\\s\\S]*port ${port} is already in use[\\s\\S]*--port ${Number(port) + 1}`,
      ),
    );
  });

  it("runs menu commands, relays the add-on's prompt and saves every change to the file", async () => {
    const created = done(
      await api('/api/action', {
        action: {
          kind: 'rpc',
          functionName: 'createMap',
          args: [
            {
              name: 'Saved map',
              segment: 'S',
              product: 'P',
              preset: 'checklist6',
              stages: [],
              lang: 'en',
              locale: 'en_US',
              example: false,
            },
          ],
        },
      }),
    );
    expect(created.error).toBeUndefined();
    expect(created.value).toMatchObject({ ok: true, sheetName: 'Saved map' });
    expect(created.state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Saved map']);

    // Remove stage with no stage selected: the add-on's message box, relayed as a question.
    const asked = await api('/api/action', {
      action: { kind: 'menu', functionName: 'removeStage' },
      selection: { sheet: 'Saved map', a1: 'A1' },
    });
    expect(asked).toMatchObject({
      status: 'question',
      request: { kind: 'alert', prompt: t('en', 'err.selectStage') },
    });
    if (asked.status !== 'question') return;
    // The add-on is blocked on the message box; the server still answers other requests meanwhile.
    expect(
      (await fetch(new URL('/api/pending', wb.url)).then((r) => r.json())) as unknown,
    ).toMatchObject({ event: { questionId: asked.questionId } });
    done(await api('/api/answer', { questionId: asked.questionId, response: 'OK' }));
    // Rename opens the add-on's own dialog (an HtmlService modal), not a question.
    const renaming = done(
      await api('/api/action', {
        action: { kind: 'menu', functionName: 'renameMap' },
        selection: { sheet: 'Saved map', a1: 'A1' },
      }),
    );
    expect(renaming.surfaces).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'modal', title: t('en', 'prompt.renameTitle') }),
      ]),
    );

    done(
      await api('/api/action', {
        action: { kind: 'edit', sheet: 'Saved map', a1: 'B2', input: '=1+1' },
      }),
    );
    const saved = JSON.parse(readFileSync(wb.file, 'utf8')) as {
      sheets: Array<{ name: string; cells: unknown[][] }>;
    };
    expect(saved.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Saved map']);
  });

  it('refuses what is not a menu item or a script function, as Apps Script would', async () => {
    const menu = done(
      await api('/api/action', { action: { kind: 'menu', functionName: 'createMap' } }),
    );
    expect(menu.error).toMatch(/not an item of the add-on's menu/);
    const rpc = done(
      await api('/api/action', { action: { kind: 'rpc', functionName: 'nope', args: [] } }),
    );
    expect(rpc.error).toBe('Script function not found: nope');
  });

  it('reopens the saved workbook after a restart', async () => {
    await wb.stop();
    wb = { ...(await launchWorkbench(['--port', '0', '--file', wb.file])), file: wb.file };
    const state = done(await api('/api/action', { action: { kind: 'state' } })).state;
    expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Saved map']);
    expect(wb.output()).toContain(`opened ${wb.file}`);
  });

  it('moves a damaged workbook file aside and starts a new one', async () => {
    await wb.stop();
    writeFileSync(wb.file, '{"version": 1, "sheets": [tru');
    wb = { ...(await launchWorkbench(['--port', '0', '--file', wb.file])), file: wb.file };
    expect(wb.output()).toMatch(/could not read .* moved it to .*unreadable-\d+/);
    expect(readdirSync(dirname(wb.file)).some((f) => f.includes('.unreadable-'))).toBe(true);
    expect(existsSync(wb.file)).toBe(true);
    const state = done(await api('/api/action', { action: { kind: 'state' } })).state;
    expect(state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});
