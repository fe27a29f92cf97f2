/**
 * Step "present": the one-page journey poster of a map, as the sheet holds it, with the name of
 * the file the sidebar saves it as.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROW } from '../../../src/core/map/layout';
import { UserError } from '../../../src/server/errors';
import { exportPoster } from '../../../src/server/poster';
import { emulated } from '../emulated';
import * as fixtures from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
});

const newMap = (name: string, lang: 'en' | 'ru'): string =>
  lang === 'en'
    ? fixtures.newMap('en_US', { name, product: 'Beans', preset: 'funnel5' }).mapId
    : fixtures.newMap('ru_RU', {
        name,
        segment: 'Студенты',
        product: 'Листовой чай',
        preset: 'funnel5',
      }).mapId;

describe('the journey poster', () => {
  it('is an SVG drawing of the map\'s stages, saved as "<map> — poster.svg"', () => {
    emulated();
    const mapId = newMap('Coffee', 'en');
    const poster = exportPoster({ mapId });
    expect(poster.fileName).toBe('Coffee — poster.svg');
    expect(poster.svg).toContain('<title>Coffee — Office workers · Beans</title>');
    expect(poster.svg.trimEnd().endsWith('</svg>')).toBe(true);
    for (const stage of ['1. Awareness', '2. Consideration', '3. Purchase', '5. Advocacy'])
      expect(poster.svg).toContain(stage);
  });

  it('draws what the sheet holds, a barrier typed in the grid included', () => {
    const { wb } = emulated();
    const mapId = newMap('Coffee', 'en');
    wb.setCell('Coffee', `D${ROW.barriers}`, 'No price list');
    expect(exportPoster({ mapId }).svg).toContain('No price list');
  });

  it("is named in the map's language", () => {
    emulated();
    const mapId = newMap('Чай', 'ru');
    expect(exportPoster({ mapId }).fileName).toBe('Чай — постер.svg');
  });

  it('is refused in words for a map no longer in the spreadsheet', () => {
    const { wb } = emulated();
    const mapId = newMap('Coffee', 'en');
    wb.deleteSheet('Coffee');
    expect(() => exportPoster({ mapId })).toThrow(
      new UserError(
        'This map is no longer in the spreadsheet (its sheet was deleted). Pick another map.',
      ),
    );
  });

  it('is refused in words for a malformed call', () => {
    emulated();
    expect(() => exportPoster({ mapId: 'coffee' })).toThrow(
      new UserError(
        'The form could not be read: these fields are missing or malformed: mapId. Reopen it and try again.',
      ),
    );
  });
});
