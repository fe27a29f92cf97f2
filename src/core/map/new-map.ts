/** A new journey from the New map form: its stages, title and a fresh workbook-unique id. */
import { exampleJourney } from './example';
import { t } from '../words/i18n';
import { blankRecord, CARD_KEYS, newStage, randomId, TITLE_KEYS, type Journey } from './journey';
import { fittedName } from './names';
import type { NewMapRequest } from './requests';
import { presetStages } from './stages';

/**
 * 6 characters of an unambiguous alphabet: 10^9 ids, so two maps of one workbook never collide in
 * practice.
 */
export function newMapId(random: () => number = Math.random): string {
  return randomId('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 6, random);
}

export function journeyFromRequest(req: NewMapRequest, id: string): Journey {
  if (req.example) {
    const example = exampleJourney(req.lang);
    return { ...example, id, title: { ...example.title, ...(req.name ? { name: req.name } : {}) } };
  }
  const names = req.stages.filter((s) => s !== '');
  const custom = req.preset === 'custom';
  const deal = custom ? (req.deal ?? null) : null;
  const stages = presetStages(req.preset, req.lang, names, deal).map((s) =>
    newStage(s.name, s.role),
  );
  const title = blankRecord(TITLE_KEYS);
  // A name made of the segment and product keeps to a name's limit and its one line.
  title.name =
    req.name ||
    fittedName('map', [req.segment, req.product].filter(Boolean).join(' — ')) ||
    t(req.lang, 'map.title');
  title.segment = req.segment;
  title.product = req.product;
  return {
    id,
    lang: req.lang,
    title,
    card: blankRecord(CARD_KEYS),
    stages,
    avgCheck: '',
    purchases: '',
    // a preset's roles are its own; custom stages with no deal stage chosen are a guess
    ...(custom && deal === null ? { rolesGuessed: true } : {}),
  };
}
