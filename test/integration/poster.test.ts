/**
 * The journey poster through the built bundle in the emulator: exportPoster as the sidebar calls
 * it.
 */
import { describe, expect, it } from 'vitest';
import type { Poster, SaveResult } from '../../src/contract';
import { ROW } from '../../src/core/map/layout';
import { presetStages } from '../../src/core/map/stages';
import { t } from '../../src/core/words/i18n';
import { openSpreadsheet } from '../support/addon';
import { elements, parseXml, textOf } from '../support/xml';

const NBSP = '\u00a0';

function exampleMap(locale: 'ru_RU' | 'en_US') {
  const s = openSpreadsheet(locale);
  const lang = locale === 'ru_RU' ? 'ru' : 'en';
  const sheet = s.newMap({ example: true, lang, locale });
  const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2]!;
  const call = <T>(name: string, req: unknown) => s.addon.callFromClient(name, req) as T;
  return { s, sheet, mapId, call, lang } as const;
}

const linesOf = (svg: string) =>
  elements(parseXml(svg))
    .filter((e) => e.name === 'text')
    .map((e) => textOf(e, ' '));

describe('exportPoster', () => {
  it('draws the map as the sheet holds it, with the plan ranked by impact, in Russian', () => {
    const { s, sheet, mapId, call } = exampleMap('ru_RU');
    // a row typed in the grid: the poster reads the sheet, not the wizard
    s.wb.setCell(sheet, `D${ROW.barriers}`, 'Цены «по запросу» & <нет> прайса');
    const actions = [
      {
        action: 'Рассрочка без переплаты',
        stage: presetStages('checklist6', 'ru')[2]!.name,
        lever: 'P',
        change: '+10%',
        owner: 'Финансы',
        deadline: '',
        status: '',
      },
      {
        action: 'Пробная тренировка с планом',
        stage: presetStages('checklist6', 'ru')[1]!.name,
        lever: 'C',
        change: '+3 п.п.',
        owner: 'Продажи',
        deadline: '',
        status: '',
      },
    ];
    expect(call<SaveResult>('savePlan', { mapId, actions, base: [] }).ok).toBe(true);
    s.wb.calls.reset();
    const poster = call<Poster>('exportPoster', { mapId });
    // read-only: nothing written, the map and its plan read
    expect(
      Object.keys(s.wb.calls.byName).filter((n) => /\.set|insert|delete|clear/i.test(n)),
    ).toEqual([]);
    expect(poster.fileName).toBe('Фитнес-клуб — годовой абонемент — постер.svg');
    const lines = linesOf(poster.svg);
    const all = lines.join('\n');
    presetStages('checklist6', 'ru').forEach((st, i) => {
      expect(lines).toContain(`${i + 1}. ${st.name}`);
    });
    expect(all).toContain('Цены «по запросу» & <нет> прайса');
    expect(poster.svg).toContain('&lt;нет&gt;');
    expect(lines).toContain(`4${NBSP}680${NBSP}000${NBSP}₽`);
    expect(lines).toContain('Активная оценка → Сделка');
    // +3 п.п. of 6%: 2 000 × 9% × 30 000 × 1,3 − 4 680 000 = 2 340 000; +10% check: 468 000
    const first = lines.indexOf('Пробная тренировка с планом');
    expect(first).toBeGreaterThan(0);
    expect(lines.indexOf('Рассрочка без переплаты')).toBeGreaterThan(first);
    expect(lines).toContain(`+2${NBSP}340${NBSP}000${NBSP}₽`);
    expect(lines).toContain(`+468${NBSP}000${NBSP}₽`);
    for (const key of ['row.curve', 'poster.funnel', 'poster.top', 'row.weakest'] as const)
      expect(all).toContain(t('ru', key));
  });

  it('an English map in a US spreadsheet: dollars, English labels', () => {
    const { mapId, call } = exampleMap('en_US');
    const poster = call<Poster>('exportPoster', { mapId });
    const lines = linesOf(poster.svg);
    expect(lines).toContain('$70,200');
    expect(lines.join('\n')).toContain(t('en', 'poster.noActions'));
    expect(poster.fileName).toBe('Fitness club — annual membership — poster.svg');
  });

  it('refuses a malformed call or a map that is gone, in words', () => {
    const { s, sheet, mapId } = exampleMap('ru_RU');
    expect(() => s.addon.callFromClient('exportPoster', { mapId: 'x' })).toThrow(
      /^Не удалось прочитать форму: эти поля отсутствуют или заполнены неверно: mapId\./,
    );
    expect(() => s.addon.callFromClient('exportPoster', null)).toThrow(/mapId|—/);
    s.wb.spreadsheet.deleteSheet(s.wb.spreadsheet.getSheetByName(sheet)!);
    expect(() => s.addon.callFromClient('exportPoster', { mapId })).toThrow(t('ru', 'err.mapGone'));
  });
});
