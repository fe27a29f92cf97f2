// The mutation config's test settings with only the test files of a triage run
// (scripts/mutation/triage.config.mjs).
import stryker from '../../vitest.stryker.config';

const include = (process.env.MUTATION_TESTS ?? '').split(',').filter(Boolean);
if (!include.length) throw new Error('MUTATION_TESTS names no test file');

export default { ...stryker, test: { ...stryker.test, include } };
