/**
 * A new map from the wizard, with valid and hostile forms: what the user typed is tracked where the
 * map shows it.
 */
import type { CreateMapResult } from '../../../src/contract';
import { a1, FIRST_STAGE_COL, ROW, SIDE_COL, stageCol } from '../../../src/core/map/layout';
import type { Lang } from '../../../src/core/words/i18n';
import type { CreatePick } from './steps';
import type { WorldState } from './world-state';
import { callClient } from './act';

export function createMap(
  world: WorldState,
  form: CreatePick,
  override?: (payload: Record<string, unknown>) => unknown,
): void {
  const name = form.name ? world.text(form.name) : '';
  const segment = world.text(form.segment);
  const product = world.text(form.product);
  const stages = form.preset === 'custom' ? form.stages.map((p) => world.text(p)) : [];
  const other: Lang = world.lang === 'ru' ? 'en' : 'ru';
  const lang = {
    ok: world.lang,
    object: { code: world.lang },
    missing: undefined,
    bogus: 'xx',
    other,
    upper: world.lang.toUpperCase(),
  }[form.lang];
  const payload: Record<string, unknown> = {
    name,
    segment,
    product,
    preset: form.preset === 'bogus' ? 'nope' : form.preset,
    stages,
    lang,
    locale: world.locale,
    example: form.example === 'weird' ? 'yes' : false,
  };
  const named = Array.isArray(stages)
    ? stages.filter((s) => typeof s === 'string' && s.trim() !== '').length
    : 0;
  const deal = { none: undefined, first: 0, last: named - 1, outside: named + 5, text: 'x' }[
    form.deal
  ];
  if (deal !== undefined) payload.deal = deal;
  if (form.lang === 'missing') delete payload.lang;
  const sent = override ? override(payload) : payload;
  const expectedLang: Lang = form.lang === 'other' && !override ? other : world.lang;
  callClient(
    world,
    `wizard createMap ${JSON.stringify(sent)}`.slice(0, 400),
    'createMap',
    sent,
    { readOnly: false, target: null, lang: expectedLang, hostilePayload: override !== undefined },
    {},
    (result, _b, after) => {
      const r = result as CreateMapResult;
      if (!r.ok) return;
      const sheet = world.wb.model.sheet(r.sheetName);
      const g = sheet ? after.grids.get(sheet.sheetId) : undefined;
      const h = sheet ? after.health.get(sheet.sheetId) : undefined;
      if (!sheet || !g || !h) return;
      if (h.kind !== 'healthy') {
        world.violate(
          { label: `#${world.stepNo}`, entitled: [] },
          'stages-changed',
          `createMap made a sheet that is not an intact map: ${h.kind === 'damaged' ? h.why : h.kind}`,
        );
        return;
      }
      world.maps.push({ id: r.mapId, lang: h.lang });
      const p = sent as Record<string, unknown>;
      // custom stages made with a deal stage picked: that stage is the deal, no guess
      if (p.preset === 'custom' && p.example === false && typeof p.deal === 'number') {
        const role = world.textAt(g, ROW.role, stageCol(p.deal));
        if (role !== 'C')
          world.violate(
            { label: `#${world.stepNo}`, entitled: [] },
            'stages-changed',
            `createMap with deal ${p.deal}: that stage's role is "${role}", not C`,
          );
      }
      const typed = (v: unknown, row: number, col: number, stage: string | null, how: string) => {
        if (typeof v === 'string' && v !== '' && world.textAt(g, row, col) === v)
          world.track(v, sheet.sheetId, stage, how);
        else if (typeof v === 'string' && v !== '' && world.userTexts.includes(v))
          world.track(v, sheet.sheetId, stage, `${how} (expected in ${a1(row, col)})`);
      };
      typed(p.name, ROW.name, SIDE_COL, null, 'as the map name in New map');
      // The worked example brings its own segment, product and stages (only the name is the
      // user's).
      if (p.example === true) return;
      typed(p.segment, ROW.segment, SIDE_COL, null, 'as the segment in New map');
      typed(p.product, ROW.product, SIDE_COL, null, 'as the product in New map');
      if (Array.isArray(p.stages))
        p.stages.forEach((s, i) => {
          typed(
            s,
            ROW.header,
            FIRST_STAGE_COL + i,
            h.stages[i] ?? null,
            'as a stage name in New map',
          );
        });
    },
  );
}
