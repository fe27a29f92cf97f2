/**
 * Where the user is in the wizard, per map, as kept in document properties. Stored
 * state is versioned and validated: anything damaged is replaced by a fresh start and
 * reported, never thrown raw (the map's content lives in the sheet and is not touched).
 */
import * as z from 'zod/mini';
import { once } from '../once';
import { STEP_IDS, type StepId } from './steps';

export const PROGRESS_VERSION = 1;
export const progressKey = (mapId: string) => `cjm.wizard.v${PROGRESS_VERSION}.${mapId}`;
export const LAST_MAP_KEY = `cjm.wizard.v${PROGRESS_VERSION}.last`;

const schema = once(() =>
  z.object({
    v: z.literal(PROGRESS_VERSION),
    step: z.enum(STEP_IDS),
    done: z.array(z.enum(STEP_IDS)),
  }),
);

export type Progress = z.infer<ReturnType<typeof schema>>;

export const freshProgress = (): Progress => ({ v: PROGRESS_VERSION, step: 'goal', done: [] });

/** The stored progress, or a fresh one with `damaged` set when the stored text is not valid. */
export function parseProgress(raw: string | null): { progress: Progress; damaged: boolean } {
  if (raw === null) return { progress: freshProgress(), damaged: false };
  try {
    const parsed = schema().safeParse(JSON.parse(raw));
    if (parsed.success)
      return { progress: { ...parsed.data, done: [...new Set(parsed.data.done)] }, damaged: false };
  } catch {
    // not JSON: fall through to a fresh start
  }
  return { progress: freshProgress(), damaged: true };
}

export function visit(p: Progress, step: StepId, saved: boolean): Progress {
  return { ...p, step, done: saved && !p.done.includes(step) ? [...p.done, step] : p.done };
}

/** Progress with the steps the sidebar moved through without a call: its step, and steps done. */
export function withSeen(p: Progress, seen: { step: StepId; done: readonly StepId[] }): Progress {
  return { ...p, step: seen.step, done: [...new Set([...p.done, ...seen.done])] };
}
