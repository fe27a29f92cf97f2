/**
 * A spreadsheet holding the worked example as a map, made through the built add-on as the New map
 * form makes it, in a locale and a time zone (Moscow by default: UTC+3, so a date's midnight is the
 * evening before in UTC), with the wizard's calls on it.
 */
import { readFileSync } from 'node:fs';
import { createWorkbook, htmlFilesIn, loadAddon } from '../../emulator/index';
import type { CreateMapResult, WizardState } from '../../src/contract';
import type { Session } from './addon';
import { planAction } from './journeys';

export function openExampleMap(locale: 'ru_RU' | 'en_US' = 'ru_RU', timeZone = 'Europe/Moscow') {
  const lang = locale === 'ru_RU' ? ('ru' as const) : ('en' as const);
  const wb = createWorkbook({ locale, timeZone });
  wb.ui.responder = () => 'OK';
  const addon = loadAddon(wb, readFileSync('dist/Code.js', 'utf8'), htmlFilesIn('dist'));
  const created = addon.callFromClient('createMap', {
    name: 'Клуб',
    segment: 'Офисные сотрудники',
    product: 'Абонемент',
    preset: 'checklist6',
    stages: [],
    lang,
    locale,
    example: true,
  }) as CreateMapResult;
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  const { mapId, sheetName } = created;
  const call = <T>(name: string, req: unknown) => addon.callFromClient(name, req) as T;
  const load = (step: string) => call<WizardState>('loadStep', { mapId, step });
  return { wb, addon, mapId, sheetName, lang, call, load };
}

/**
 * The worked example made in `session` (named `name` if given), its charts inserted and a plan of
 * two actions saved: a referral programme (L +10%) and a trial week (C +2 pp).
 */
export function exampleWithPlan(session: Session, name?: string) {
  const map = session.newMap({ example: true, ...(name ? { name } : {}) });
  const mapId = session.mapIdOf(map);
  session.addon.callFromClient('insertCharts', { mapId });
  const saved = session.addon.callFromClient('savePlan', {
    mapId,
    base: [],
    actions: [
      planAction('Referral programme', 'L', '+10%'),
      planAction('Trial week', 'C', '+2 pp'),
    ],
  }) as { ok: boolean };
  if (!saved.ok) throw new Error(`savePlan refused: ${JSON.stringify(saved)}`);
  const plan = session.wb.sheetNames().find((n) => n !== map && n.startsWith(map.slice(0, 10)));
  return { map, mapId, plan: plan ?? '' };
}
