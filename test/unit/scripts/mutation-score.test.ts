import { describe, expect, it } from 'vitest';
import { toMutate } from '../../../scripts/mutation/files';
import { judge, type Report, relink, sha, survivors, table } from '../../../scripts/mutation/score';

const mutants = (statuses: Record<string, number>, killedBy = ['t1']) =>
  Object.entries(statuses).flatMap(([status, n]) =>
    Array.from({ length: n }, () => ({ status, killedBy: status === 'Killed' ? killedBy : [] })),
  );

const report: Report = {
  files: {
    // 8 killed + 1 timeout of 10 counted (1 survived); the compile error is not a mutant that ran
    'src/core/a.ts': {
      source: 'a',
      mutants: mutants({ Killed: 8, Timeout: 1, Survived: 1, CompileError: 3 }),
    },
    // 15 of 25: 60 %, a folder of 20 mutants or more under 70 %
    'src/sheets/b.ts': { source: 'b', mutants: mutants({ Killed: 15, NoCoverage: 10 }) },
    // edited since its run: stale, left out
    'src/sheets/c.ts': { source: 'c', mutants: mutants({ Survived: 2 }) },
  },
  testFiles: { 'test/x.test.ts': { tests: [{ id: 't1', name: 'x' }] } },
};
const tested = {
  files: {
    'src/core/a.ts': { source: sha('a'), support: 's' },
    'src/sheets/b.ts': { source: sha('b'), support: 'old' },
    'src/sheets/c.ts': { source: sha('c'), support: 's' },
  },
};
const now = new Map([
  ['src/core/a.ts', 'a'],
  ['src/sheets/b.ts', 'b'],
  ['src/sheets/c.ts', 'c, edited'],
]);

describe('the mutation score of the committed report', () => {
  it('counts killed and timed-out mutants over those that ran or had no test, by folder', () => {
    const v = judge(report, tested, now, 's');
    expect(v.folders).toEqual([
      { folder: 'src/core', mutants: 10, detected: 9, score: 90 },
      { folder: 'src/sheets', mutants: 25, detected: 15, score: 60 },
    ]);
    // (9 + 15) / (10 + 25) = 24 / 35 = 68.57 %
    expect(v.total.score).toBe(68.6);
  });

  it('leaves a file edited since its run out, names it, and says what is not met', () => {
    const v = judge(report, tested, now, 's');
    expect(v.stale).toEqual([{ file: 'src/sheets/c.ts', mutants: 2 }]);
    // 2 stale of 37 counted mutants = 5.4 %
    expect(v.staleShare).toBe(5.4);
    expect(v.supportChanged).toEqual(['src/sheets/b.ts']);
    expect(v.problems).toEqual([
      'the score is 68.6 %, under 80 %',
      'src/sheets scores 60 % (25 mutants), under 70 %',
      '5.4 % of the mutants are stale, over 5 %',
      "1 file was mutated under another emulator or test support than today's",
    ]);
  });

  it('treats a file without a record of its run, or deleted, as stale', () => {
    const v = judge(report, { files: {} }, new Map([['src/core/a.ts', 'a']]), 's');
    expect(v.stale.map((s) => s.file)).toEqual([
      'src/core/a.ts',
      'src/sheets/b.ts',
      'src/sheets/c.ts',
    ]);
    expect(v.total.score).toBeNull();
  });

  it('refuses a kill that names no test of the report', () => {
    const lone: Report = {
      files: { 'src/a.ts': { source: 'a', mutants: mutants({ Killed: 2 }, ['gone']) } },
      testFiles: {},
    };
    const v = judge(
      lone,
      { files: { 'src/a.ts': { source: sha('a'), support: 's' } } },
      new Map([['src/a.ts', 'a']]),
      's',
    );
    expect(v.unnamedKills).toBe(2);
    expect(v.problems).toContain('2 killed mutants name no test of the report');
  });

  it('counts static mutants apart, left out of the score, and refuses more than 5 % of them', () => {
    const withIgnored = (ignored: number): Report => ({
      ...report,
      files: {
        ...report.files,
        'src/core/a.ts': {
          source: 'a',
          mutants: mutants({ Killed: 8, Timeout: 1, Survived: 1, Ignored: ignored }),
        },
      },
    });
    // 1 ignored of 36 = 2.8 %: shown, the score unchanged
    const few = judge(withIgnored(1), tested, now, 's');
    expect([few.ignored, few.ignoredShare, few.total.score]).toEqual([1, 2.8, 68.6]);
    expect(few.problems.join()).not.toContain('static');
    // 2 of 37 = 5.4 %
    expect(judge(withIgnored(2), tested, now, 's').problems).toContain(
      '5.4 % of the mutants are ignored as static (no test reaches them), over 5 %',
    );
  });

  it('prints the table the README shows', () => {
    expect(table(judge(report, tested, now, 's'))).toBe(
      [
        '| folder | mutants | killed | score |',
        '|---|---:|---:|---:|',
        '| `src/core` | 10 | 9 | 90 % |',
        '| `src/sheets` | 25 | 15 | 60 % |',
        '| **all** | 35 | 24 | 68.6 % |',
      ].join('\n'),
    );
  });
});

describe('the files to mutate', () => {
  it('are the sources of src, less the word catalogues and the worked example', async () => {
    const files = await toMutate();
    expect(files).toContain('src/core/funnel/funnel.ts');
    expect(files).toContain('src/sheets/values.ts');
    expect(files).not.toContain('src/core/words/i18n.ts');
    expect(files).not.toContain('src/core/map/example.ts');
    expect(files.every((f) => f.startsWith('src/') && f.endsWith('.ts'))).toBe(true);
  });

  it('each without a result is named, and the score is not met until all have one', () => {
    const v = judge(report, tested, now, 's', ['src/core/a.ts', 'src/core/z.ts']);
    expect(v.unmutated).toEqual(['src/core/z.ts']);
    expect(v.problems[0]).toBe('1 of 2 files to mutate have no result yet');
  });

  it('a file with nothing to mutate counts as done while its source is the one recorded, not once it changes', () => {
    const withEmpty = {
      files: { ...tested.files, 'src/core/t.ts': { source: sha('type T = 1;'), support: 's' } },
    };
    const at = (text: string) => new Map([...now, ['src/core/t.ts', text]]);
    const expected = ['src/core/a.ts', 'src/core/t.ts'];
    expect(judge(report, withEmpty, at('type T = 1;'), 's', expected).unmutated).toEqual([]);
    expect(judge(report, withEmpty, at('const t = 1;'), 's', expected).unmutated).toEqual([
      'src/core/t.ts',
    ]);
    expect(judge(report, tested, at('type T = 1;'), 's', expected).unmutated).toEqual([
      'src/core/t.ts',
    ]);
  });
});

describe('the survivors a triage run lists', () => {
  it('names each undetected mutant by file and line, in source order, with the change and the line as written', () => {
    const at = (line: number) => ({ start: { line } });
    const triage: Report = {
      files: {
        'src/x.ts': {
          source: 'const a = 1;\nif (a > 0)\n  return   "long";',
          mutants: [
            {
              status: 'Survived',
              mutatorName: 'StringLiteral',
              replacement: '""',
              location: at(3),
            },
            {
              status: 'Killed',
              mutatorName: 'BooleanLiteral',
              replacement: 'true',
              location: at(2),
            },
            {
              status: 'NoCoverage',
              mutatorName: 'EqualityOperator',
              replacement: 'a >= 0',
              location: at(2),
            },
            {
              status: 'Timeout',
              mutatorName: 'ConditionalExpression',
              replacement: 'false',
              location: at(2),
            },
          ],
        },
      },
    };
    expect(survivors(triage)).toEqual([
      'src/x.ts:2 NoCoverage EqualityOperator → a >= 0 | if (a > 0)',
      'src/x.ts:3 Survived StringLiteral → "" | return "long";',
    ]);
  });
});

describe('the kills an incremental run reuses', () => {
  const at = (line: number) => ({ start: { line } });
  const kill = (line: number, killedBy: string[]) => ({
    status: 'Killed',
    mutatorName: 'BooleanLiteral',
    replacement: 'true',
    location: at(line),
    killedBy,
  });
  // Before: test 'b' was id 1. After a test was added in front of it, it is id 2.
  const previous: Report = {
    files: { 'src/x.ts': { source: 's', mutants: [kill(1, ['1']), kill(2, ['0'])] } },
    testFiles: {
      'test/x.test.ts': {
        tests: [
          { id: '0', name: 'a' },
          { id: '1', name: 'b' },
        ],
      },
    },
  };
  const fresh = (): Report => ({
    files: {
      'src/x.ts': { source: 's', mutants: [kill(1, []), kill(2, ['5']), kill(3, [])] },
    },
    testFiles: {
      'test/x.test.ts': {
        tests: [
          { id: '0', name: 'new' },
          { id: '1', name: 'a' },
          { id: '2', name: 'b' },
        ],
      },
    },
  });

  it('name again, by test file and name, the tests that killed the same mutant before', () => {
    const report = fresh();
    expect(relink(previous, report)).toBe(2);
    expect(report.files['src/x.ts']?.mutants.map((m) => m.killedBy)).toEqual([['2'], ['1'], []]);
  });

  it('leave a kill that names a test of the report as it is', () => {
    const report = fresh();
    const first = report.files['src/x.ts']?.mutants[0];
    if (first) first.killedBy = ['0'];
    relink(previous, report);
    expect(first?.killedBy).toEqual(['0']);
  });
});
