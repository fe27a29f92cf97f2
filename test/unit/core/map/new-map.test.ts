import { describe, expect, it } from 'vitest';
import { exampleJourney } from '../../../../src/core/map/example';
import { CARD_KEYS, emptyContent, type Journey } from '../../../../src/core/map/journey';
import { journeyFromRequest, newMapId } from '../../../../src/core/map/new-map';
import type { NewMapRequest } from '../../../../src/core/map/requests';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function request(over: Partial<NewMapRequest> = {}): NewMapRequest {
  return {
    name: '',
    segment: '',
    product: '',
    preset: 'checklist6',
    stages: [],
    lang: 'en',
    locale: 'en_US',
    example: false,
    ...over,
  };
}

const blankCard = Object.fromEntries(CARD_KEYS.map((k) => [k, '']));
const namesAndRoles = (j: Journey) => j.stages.map((s) => [s.name, s.role]);
/** A journey without its stages' ids, which are drawn at random. */
const withoutIds = (j: Omit<Journey, 'id'>) => ({
  ...j,
  stages: j.stages.map(({ id: _, ...rest }) => rest),
});

describe('a new map id', () => {
  it('is 6 characters drawn from the unambiguous alphabet, in its order', () => {
    expect(newMapId(() => 0)).toBe('AAAAAA');
    expect(newMapId(() => 0.99999)).toBe('999999');
    // indexes 7, 8, 12, 13, 23, 24 of the alphabet: H, J (no I), N, P (no O), Z, 2 (no 0 or 1)
    const picks = [7, 8, 12, 13, 23, 24];
    let call = 0;
    expect(newMapId(() => ((picks[call++] ?? 0) + 0.5) / 32)).toBe('HJNPZ2');
  });

  it('draws at random by default', () => {
    const id = newMapId();
    expect(id).toHaveLength(6);
    for (const c of id) expect(ALPHABET).toContain(c);
  });
});

describe('the journey a New map form makes', () => {
  it('from a preset: the preset stages, named after the segment and product, roles not guessed', () => {
    const j = journeyFromRequest(
      request({ preset: 'funnel5', segment: 'Coffee lovers', product: 'Beans', deal: 3 }),
      'K7P2QX',
    );
    expect(j).toStrictEqual({
      id: 'K7P2QX',
      lang: 'en',
      title: {
        name: 'Coffee lovers — Beans',
        segment: 'Coffee lovers',
        product: 'Beans',
        persona: '',
        goal: '',
        owner: '',
        reviewed: '',
        nextReview: '',
      },
      card: blankCard,
      stages: expect.any(Array),
      avgCheck: '',
      purchases: '',
    });
    expect(namesAndRoles(j)).toEqual([
      ['Awareness', 'L'],
      ['Consideration', 'L'],
      ['Purchase', 'C'],
      ['Retention', 'Q'],
      ['Advocacy', 'Q'],
    ]);
    for (const s of j.stages) {
      expect(s).toStrictEqual({
        id: expect.stringMatching(/^[a-z2-9]{8}$/),
        name: s.name,
        role: s.role,
        content: emptyContent(),
        customers: '',
        target: '',
      });
    }
  });

  it("in the form's language", () => {
    const j = journeyFromRequest(request({ lang: 'ru', preset: 'funnel5' }), 'K7P2QX');
    expect(j.lang).toBe('ru');
    expect(j.stages.map((s) => s.name)).toEqual([
      'Осведомлённость',
      'Рассмотрение',
      'Покупка',
      'Удержание',
      'Рекомендации',
    ]);
  });

  describe('its name', () => {
    const nameOf = (over: Partial<NewMapRequest>) =>
      journeyFromRequest(request(over), 'K7P2QX').title.name;

    it('is the name typed, whatever the segment and product', () => {
      const j = journeyFromRequest(
        request({ name: 'Tea shop', segment: 'Students', product: 'Tea' }),
        'K7P2QX',
      );
      expect(j.title).toMatchObject({ name: 'Tea shop', segment: 'Students', product: 'Tea' });
    });

    it('else the segment or the product alone, with no dangling dash', () => {
      expect(nameOf({ segment: 'Students' })).toBe('Students');
      expect(nameOf({ product: 'Tea' })).toBe('Tea');
    });

    it("else the catalogue's title, in the map's language", () => {
      expect(nameOf({})).toBe('Customer journey map');
      expect(nameOf({ lang: 'ru' })).toBe('Карта пути клиента');
    });

    it("made of a long segment and product, is cut to a map name's 80 characters", () => {
      // 50 a's + ' — ' (3) + 50 b's = 103 characters: the first 80 stay
      const name = nameOf({ segment: 'a'.repeat(50), product: 'b'.repeat(50) });
      expect(name).toBe(`${'a'.repeat(50)} — ${'b'.repeat(27)}`);
    });
  });

  describe('with custom stages', () => {
    const custom = (stages: string[], deal?: number | null) =>
      journeyFromRequest(
        request({ preset: 'custom', stages, ...(deal === undefined ? {} : { deal }) }),
        'K7P2QX',
      );

    it('keeps the named stages in order, skipping blank lines', () => {
      expect(custom(['Visit', '', 'Try', 'Buy']).stages.map((s) => s.name)).toEqual([
        'Visit',
        'Try',
        'Buy',
      ]);
    });

    it('with no deal stage chosen, guesses the middle one and says the roles are guessed', () => {
      for (const j of [
        custom(['Visit', '', 'Try', 'Buy']),
        custom(['Visit', 'Try', 'Buy'], null),
      ]) {
        expect(namesAndRoles(j)).toEqual([
          ['Visit', 'L'],
          ['Try', 'C'],
          ['Buy', 'Q'],
        ]);
        expect(j.rolesGuessed).toBe(true);
      }
    });

    it('with a deal stage chosen, sets the roles around it and does not call them guessed', () => {
      const last = custom(['Visit', 'Try', 'Buy'], 2);
      expect(last.stages.map((s) => s.role)).toEqual(['L', 'L', 'C']);
      expect(last).not.toHaveProperty('rolesGuessed');
      const first = custom(['Visit', 'Try', 'Buy'], 0);
      expect(first.stages.map((s) => s.role)).toEqual(['C', 'Q', 'Q']);
      expect(first).not.toHaveProperty('rolesGuessed');
    });
  });

  describe('the worked example', () => {
    it('is the example map with the new id, whatever preset or stages the form holds', () => {
      const j = journeyFromRequest(
        request({ example: true, lang: 'ru', preset: 'custom', stages: ['x', 'y'] }),
        'K7P2QX',
      );
      expect(j.id).toBe('K7P2QX');
      expect(withoutIds(j)).toStrictEqual({ ...withoutIds(exampleJourney('ru')), id: 'K7P2QX' });
    });

    it('takes the name typed, and keeps the rest of its title', () => {
      const example = exampleJourney('en');
      const j = journeyFromRequest(request({ example: true, name: 'Our café' }), 'K7P2QX');
      expect(j.title).toStrictEqual({ ...example.title, name: 'Our café' });
      expect(j.title.name).not.toBe(example.title.name);
      expect(withoutIds(j).stages).toStrictEqual(withoutIds(example).stages);
    });
  });
});
