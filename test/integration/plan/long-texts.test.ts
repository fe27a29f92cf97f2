/**
 * Found by the hostile-use property test: the plan's texts are its sheet's cells, and
 * a cell holds up to 50,000 characters. A longer Owner, Deadline or Status typed by hand in the
 * plan sheet made every later save of the plan fail with "The form could not be read…
 * base.0.status. Reopen it and try again", which no retry helped; an owner of 201 characters
 * typed in the form failed the same way. Through the built add-on, both are saved; a text pasted
 * into the form past what a cell holds is refused in words, in the map's language.
 */
import { describe, expect, it } from 'vitest';
import type { SaveResult, WizardState } from '../../../src/contract';
import { ROW } from '../../../src/core/map/layout';
import { openSpreadsheet } from '../../support/addon';
import { planAction } from '../../support/journeys';

function start(locale = 'en_US') {
  const s = openSpreadsheet(locale);
  const sheet = s.newMap({ name: 'Coffee' });
  const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2]!;
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  const plan = () => call<WizardState>('loadStep', { mapId, step: 'plan' }).view!.actions;
  return { s, sheet, mapId, call, plan };
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

  it('a text longer than a cell holds is refused in words, the plan and the map untouched', () => {
    for (const [locale, words] of [
      ['en_US', /longer than a cell of Sheets holds \(at most 50,?000 characters\).*Shorten it/],
      [
        'ru_RU',
        /длиннее, чем вмещает ячейка Таблиц \(не больше 50[\s\u00a0]?000 символов\).*Сократите/,
      ],
    ] as const) {
      const { s, sheet, mapId, call } = start(locale);
      const before = s.wb.sheetNames();
      const cells = s.wb.values(sheet, 'A1:J40');
      const tooLong = 'x'.repeat(50_001);
      const refusal = (name: string, req: unknown) => {
        try {
          call(name, req);
        } catch (e) {
          return (e as Error).message;
        }
        return 'accepted';
      };
      expect(
        refusal('savePlan', {
          mapId,
          actions: [{ ...planAction('Loyalty card', 'Q', '+10%'), owner: tooLong }],
          base: [],
        }),
      ).toMatch(words);
      const stages = call<WizardState>('loadStep', { mapId, step: 'stages' }).view!.stages;
      expect(
        refusal('editStages', {
          mapId,
          edit: { kind: 'add', after: 0, name: tooLong },
          stageId: stages[0]!.id,
          confirmed: false,
        }),
      ).toMatch(words);
      expect(s.wb.sheetNames()).toEqual(before);
      expect(s.wb.values(sheet, 'A1:J40')).toEqual(cells);
    }
  });
});
