/**
 * Found by the hostile-use property test (issue 17): the plan's texts are its sheet's cells, and
 * a cell holds up to 50,000 characters. A longer Owner, Deadline or Status typed by hand in the
 * plan sheet made every later save of the plan fail with "The form could not be read…
 * base.0.status. Reopen it and try again", which no retry helped; an owner of 201 characters
 * typed in the form failed the same way. Through the built add-on, both are saved.
 */
import { describe, expect, it } from 'vitest';
import type { SaveResult, WizardState } from '../../src/contract';
import { ROW } from '../../src/core/map/layout';
import { openSpreadsheet } from '../support/addon';
import { planAction } from '../support/journeys';

function start() {
  const s = openSpreadsheet('en_US');
  const sheet = s.newMap({ name: 'Coffee' });
  const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2]!;
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  const plan = () => call<WizardState>('loadStep', { mapId, step: 'plan' }).view!.actions;
  return { s, mapId, call, plan };
}

describe("the plan's texts are as long as a cell holds", () => {
  it('an owner of 201 characters typed in the form is saved in the plan sheet', () => {
    const { s, mapId, call, plan } = start();
    const owner = 'o'.repeat(201);
    const saved = call<SaveResult>('savePlan', {
      mapId,
      actions: [{ ...planAction('Loyalty card', 'Q', '+10%'), owner }],
      base: [],
    });
    expect(saved.ok).toBe(true);
    expect(s.wb.values('Coffee · plan', 'A4:I4')[0]).toContain(owner);
    expect(plan()[0]?.owner).toBe(owner);
  });

  it('long texts typed by hand in the Owner, Deadline and Status cells do not block the next save', () => {
    const { s, mapId, call, plan } = start();
    call<SaveResult>('savePlan', {
      mapId,
      actions: [planAction('Loyalty card', 'Q', '+10%')],
      base: [],
    });
    const long = (n: number) => `${n} `.padEnd(5000, 'x');
    // row 4: the first action; F, G, H: Owner, Deadline, Status
    s.wb.setCell('Coffee · plan', 'F4', long(1));
    s.wb.setCell('Coffee · plan', 'G4', long(2));
    s.wb.setCell('Coffee · plan', 'H4', long(3));
    const shown = plan();
    expect(shown[0]).toMatchObject({ owner: long(1), deadline: long(2), status: long(3) });
    const saved = call<SaveResult>('savePlan', {
      mapId,
      actions: [...shown, planAction('Free tasting', 'C', '+2 pp')],
      base: shown,
    });
    expect(saved.ok).toBe(true);
    const texts = s.wb.values('Coffee · plan', 'A4:I5').flat();
    expect(texts).toEqual(expect.arrayContaining([long(1), long(2), long(3), 'Free tasting']));
  });
});
