/**
 * Hostile use, model-based: seeded sequences of 30+ steps mixing what users do in the grid
 * (typing hostile text anywhere, clearing formats, pasting values, inserting, deleting and
 * dragging rows and columns, renaming, duplicating and deleting sheets, sorting, merging,
 * hiding and grouping, switching the locale, File → Make a copy; texts with control and
 * bidirectional characters and at every length limit), a colleague protecting map cells, map
 * sheets and plans, the menu commands, wizard calls with valid, stale and malformed payloads,
 * and colleagues editing between a load and a save or while a dialog is open; reviews recorded
 * (hostile notes, the note cancelled, "this period has a review" answered Yes, No or Cancel),
 * periods pasted into a history by hand (numbers, numeric text and dates as text in both
 * languages' forms, junk, formulas), a history edited (its markers typed over or cleared, its
 * columns and rows deleted, inserted, sorted, the sheet deleted, renamed, protected by a
 * colleague) and cells typed under a map's footer where its review block goes. After every
 * action: no raw error, refusals in the map's language, nothing a user typed lost or moved to
 * another stage (texts; numbers by row too), the user's own formulas still naming the same
 * stage's data or named in the question before they broke, no user text turned into a formula,
 * damaged maps refused with the place named and left untouched (test/support/hostile/world.ts);
 * every period recorded and every cell pasted into a history still there, as it was or its text
 * read as the same number or date, a period replaced only when the user said Yes to it, a review
 * holding the map's figures (test/support/hostile/history.ts); a map keeping at most five
 * custom-function cells; no command writes to another map's sheets, plan or history, a failed
 * command changes nothing at all, a refusal for a protection or a merge names it, no formula
 * written fails to parse (test/support/hostile/boundaries.ts). A failure is cut down to the few
 * steps it needs and printed with what happened at each action.
 *
 *   npm test                                     200 sequences, fixed seed, a lighter mix
 *   npm run fuzz                                 5000 sequences, random seed (printed), full mix
 *   HOSTILE_SEED=… HOSTILE_RUNS=… npm run fuzz   replays a fuzz run
 *   HOSTILE_SHRINKS=0                            reports a failure as found, without cutting it
 *                                                down (mutation testing needs the failure only)
 */
import { describe, it } from 'vitest';
import { checkHostile } from '../support/hostile';

const fuzz = process.env.HOSTILE_FUZZ === '1';
const runs = Number(process.env.HOSTILE_RUNS ?? (fuzz ? 5000 : 200));
const seed =
  process.env.HOSTILE_SEED !== undefined
    ? Number(process.env.HOSTILE_SEED)
    : fuzz
      ? Math.floor(Math.random() * 2 ** 31)
      : 20261123;
const shrinks = (fallback: number) => Number(process.env.HOSTILE_SHRINKS ?? fallback);

describe('hostile use: nothing lost, nothing injected', () => {
  it(
    `${runs} sequences of 30+ steps keep every typed value, run no typed text, refuse damaged maps in words`,
    () => {
      if (fuzz) console.log(`hostile fuzz: HOSTILE_SEED=${seed} HOSTILE_RUNS=${runs}`);
      checkHostile(
        fuzz
          ? { runs, seed, mix: 'full', min: 30, max: 40, maxShrinks: shrinks(1000) }
          : { runs, seed, mix: 'quick', min: 30, max: 30, maxShrinks: shrinks(100) },
      );
    },
    fuzz ? 24 * 3600_000 : 180_000,
  );
});
