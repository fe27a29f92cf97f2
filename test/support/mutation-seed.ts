/**
 * Loaded only under Stryker (vitest.stryker.config.ts): every property test draws the same cases
 * in every run, so a kill recorded in the committed report replays on any machine.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: 20261206 });
