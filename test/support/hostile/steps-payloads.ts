/**
 * Malformed payloads sent to the server functions, as a tampered client would.
 */
import type { ServerFn, Weird } from './steps';
import { type WorldState, short } from './world-state';
import { callClient } from './act';
import { save, WEIRD } from './steps-wizard';
import { createMap } from './steps-create';

export function garbage(world: WorldState, fn: ServerFn, key: string | null, w: Weird): void {
  const mapId = world.mapRef(0);
  const keys: Record<ServerFn, string[]> = {
    loadStep: ['mapId', 'step'],
    saveStep: ['mapId', 'step', 'values', 'base', 'stages', 'stageIds'],
    editStages: ['mapId', 'edit', 'confirmed', 'stageId'],
    savePlan: ['mapId', 'actions'],
    createMap: ['name', 'segment', 'product', 'preset', 'stages', 'lang', 'locale', 'example'],
    insertCharts: ['mapId'],
    exportMindMap: ['mapId'],
  };
  // The map a malformed payload names, if it still names one (else the spreadsheet's language
  // applies).
  const targetOf = (payload: unknown): number | null => {
    const id = (payload as { mapId?: unknown } | null)?.mapId;
    return typeof id === 'string' ? world.mapSheetId(id) : null;
  };
  const mutate = (payload: Record<string, unknown>): unknown => {
    if (key === null) return WEIRD[w]();
    const list = keys[fn];
    const k = list.includes(key) ? key : list[hash(key) % list.length]!;
    return { ...payload, [k]: WEIRD[w]() };
  };
  switch (fn) {
    case 'saveStep':
      save(
        world,
        mapId,
        [{ field: 0, value: { kind: 'text', text: { kind: 'token', shape: 'hyperlink' } } }],
        mutate,
      );
      return;
    case 'createMap':
      createMap(
        world,
        {
          name: { kind: 'token', shape: 'plain' },
          segment: { kind: 'token', shape: 'plus' },
          product: { kind: 'token', shape: 'plain' },
          stages: [
            { kind: 'token', shape: 'plain' },
            { kind: 'token', shape: 'at' },
          ],
          lang: 'ok',
          preset: 'custom',
          example: 'no',
          deal: 'none',
        },
        mutate,
      );
      return;
    case 'editStages': {
      const h0 = world.mapSheetId(mapId);
      const h = h0 === null ? undefined : world.observe().health.get(h0);
      const first = h?.kind === 'healthy' ? h.stages[0] : undefined;
      const payload = mutate({
        mapId,
        edit: { kind: 'move', index: 0, by: 1 },
        stageId: first ?? '',
        confirmed: false,
      });
      const target = targetOf(payload);
      callClient(world, `hostile editStages ${short(payload)}`, 'editStages', payload, {
        readOnly: false,
        target,
        expect: first ? { op: 'move', id: first, by: 1 } : null,
        hostilePayload: true,
      });
      return;
    }
    case 'savePlan': {
      const payload = mutate({
        mapId,
        actions: [
          {
            action: 'x',
            stage: '',
            lever: 'Z',
            change: 'lots',
            owner: '',
            deadline: '',
            status: '',
          },
        ],
      });
      callClient(world, `hostile savePlan ${short(payload)}`, 'savePlan', payload, {
        readOnly: true,
        target: targetOf(payload),
        hostilePayload: true,
      });
      return;
    }
    default: {
      const payload = mutate(fn === 'loadStep' ? { mapId, step: 'goal' } : { mapId });
      callClient(world, `hostile ${fn} ${short(payload)}`, fn, payload, {
        readOnly: true,
        target: targetOf(payload),
        hostilePayload: true,
      });
    }
  }
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}
