/**
 * File order for mutant runs (vitest.stryker.config.ts). Stryker stops a mutant's run at its first
 * failing test, so the cheapest likely killer should run first. Vitest's own order does the
 * opposite for a suite it has timed: the slowest file first. This keeps its one good rule (the
 * file that failed last runs first: neighbouring mutants tend to die in the same test) and then
 * runs unit tests before integration tests, each fastest first.
 *
 * It also sets how files are isolated, which vitest reads right after this order. While Stryker
 * measures coverage (its dry run), each file imports src/ afresh, so what its imports reach is
 * credited to its own tests (mutation-coverage.ts). A mutant's run shares modules between its
 * files: the emulator, HyperFormula and the instrumented bundle load once per run instead of
 * once per file, which halves a run of integration tests. Each run still gets a new worker, so
 * nothing is shared between mutants.
 */
import { relative } from 'node:path';
import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';

export default class MutationSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const { mode } = this.ctx.getProvidedContext() as { mode?: string };
    for (const project of this.ctx.projects) project.config.isolate = mode !== 'mutant';
    const cost = (spec: TestSpecification) => {
      const key = `${spec.project.name}:${relative(config.root, spec.moduleId)}`;
      const result = cache.getFileTestResults(key);
      return {
        failed: result?.failed === true,
        unit: key.includes('test/unit/'),
        // A file never timed goes last in its tier.
        duration: result?.duration ?? Number.MAX_SAFE_INTEGER,
      };
    };
    const costs = new Map(files.map((f) => [f, cost(f)]));
    return [...files].sort((a, b) => {
      const x = costs.get(a);
      const y = costs.get(b);
      if (!x || !y) return 0;
      if (x.failed !== y.failed) return x.failed ? -1 : 1;
      if (x.unit !== y.unit) return x.unit ? -1 : 1;
      return x.duration - y.duration;
    });
  }
}
