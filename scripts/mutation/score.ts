/**
 * The mutation score of the committed report, by folder: killed and timed-out
 * mutants over every mutant that ran or had no test (Stryker's definition; ignored, compile and
 * runtime errors left out), over the files whose source is still the one that was mutated. A file
 * edited since its run is stale: its mutants are left out of the score and named, so they can be
 * refreshed (`npm run mutate -- <its folder>`).
 */
import { createHash } from 'node:crypto';

/** A mutant as mutation-testing-report-schema v2 writes it (the fields the score reads). */
export interface ReportMutant {
  status: string;
  killedBy?: string[];
  coveredBy?: string[];
  mutatorName?: string;
  replacement?: string;
  location?: { start: { line: number } };
}

/** The part of a mutation-testing-report-schema v2 report the score reads. */
export interface Report {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
  testFiles?: Record<string, { tests: { id: string; name: string }[] }>;
}

/** What each mutated file's source and its tests' support code were when Stryker last ran on it. */
export interface Tested {
  files: Record<string, { source: string; support: string }>;
}

export interface FolderScore {
  folder: string;
  mutants: number;
  detected: number;
  /** detected / mutants, in %, one decimal; null without a mutant */
  score: number | null;
}

export interface Verdict {
  folders: FolderScore[];
  total: FolderScore;
  /** files whose source differs from the one mutated (or never mutated), with their mutants */
  stale: { file: string; mutants: number }[];
  staleShare: number;
  /** files mutated under another emulator or test support than today's */
  supportChanged: string[];
  /** files Stryker is to mutate that have no result in the report yet */
  unmutated: string[];
  /** killed mutants whose killing test is not in the report */
  unnamedKills: number;
  /** mutants Stryker ignored because no test reaches them, only a test file's import (static) */
  ignored: number;
  /** ignored / (ignored + scored), in %, one decimal */
  ignoredShare: number;
  problems: string[];
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

// `ignored`: static mutants leave the score (stryker.config.mjs, ignoreStatic); more than a few
// would mean the score hides code that no test reaches.
export const THRESHOLDS = {
  total: 80,
  folder: 70,
  folderMinMutants: 20,
  stale: 5,
  ignored: 5,
} as const;

export function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function folderOf(file: string): string {
  return file.slice(0, file.lastIndexOf('/'));
}

function score(folder: string, mutants: number, detected: number): FolderScore {
  return {
    folder,
    mutants,
    detected,
    score: mutants === 0 ? null : Math.round((detected / mutants) * 1000) / 10,
  };
}

/**
 * Scores a report against the sources as they are now (`current`: file → text; a missing file has
 * been deleted or moved), the support code's fingerprint now, and the files the configuration
 * mutates (`expected`): the score is over all of them, so one without a result is named.
 */
export function judge(
  report: Report,
  tested: Tested,
  current: ReadonlyMap<string, string>,
  support: string,
  expected: readonly string[] = [],
): Verdict {
  const testIds = new Set(
    Object.values(report.testFiles ?? {}).flatMap((f) => f.tests.map((t) => t.id)),
  );
  const byFolder = new Map<string, { mutants: number; detected: number }>();
  const stale: Verdict['stale'] = [];
  const supportChanged: string[] = [];
  let unnamedKills = 0;
  let ignored = 0;
  let all = 0;
  for (const [file, result] of Object.entries(report.files)) {
    const counted = result.mutants.filter(
      (m) => DETECTED.has(m.status) || UNDETECTED.has(m.status),
    );
    all += counted.length;
    const text = current.get(file);
    const record = tested.files[file];
    if (text === undefined || record === undefined || record.source !== sha(text)) {
      stale.push({ file, mutants: counted.length });
      continue;
    }
    if (record.support !== support) supportChanged.push(file);
    ignored += result.mutants.filter((m) => m.status === 'Ignored').length;
    const f = byFolder.get(folderOf(file)) ?? { mutants: 0, detected: 0 };
    for (const m of counted) {
      f.mutants++;
      if (DETECTED.has(m.status)) f.detected++;
      if (m.status === 'Killed' && !(m.killedBy ?? []).some((id) => testIds.has(id)))
        unnamedKills++;
    }
    byFolder.set(folderOf(file), f);
  }
  const folders = [...byFolder]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([folder, f]) => score(folder, f.mutants, f.detected));
  const total = score(
    'all',
    folders.reduce((n, f) => n + f.mutants, 0),
    folders.reduce((n, f) => n + f.detected, 0),
  );
  const staleMutants = stale.reduce((n, s) => n + s.mutants, 0);
  const staleShare = all === 0 ? 0 : Math.round((staleMutants / all) * 1000) / 10;
  // a file Stryker found nothing to mutate in (types, `as const` lists) is recorded in `tested`
  // alone, and counts as done while its source is the one recorded
  const emptyNow = (f: string) => {
    const text = current.get(f);
    return text !== undefined && tested.files[f]?.source === sha(text);
  };
  const unmutated = expected.filter((f) => !(f in report.files) && !emptyNow(f));
  const scored = total.mutants + ignored;
  const ignoredShare = scored === 0 ? 0 : Math.round((ignored / scored) * 1000) / 10;
  const problems: string[] = [];
  if (unmutated.length)
    problems.push(`${unmutated.length} of ${expected.length} files to mutate have no result yet`);
  if (total.score === null || total.score < THRESHOLDS.total)
    problems.push(`the score is ${total.score ?? '—'} %, under ${THRESHOLDS.total} %`);
  for (const f of folders)
    if (f.mutants >= THRESHOLDS.folderMinMutants && (f.score ?? 0) < THRESHOLDS.folder)
      problems.push(
        `${f.folder} scores ${f.score} % (${f.mutants} mutants), under ${THRESHOLDS.folder} %`,
      );
  if (staleShare > THRESHOLDS.stale)
    problems.push(`${staleShare} % of the mutants are stale, over ${THRESHOLDS.stale} %`);
  if (unnamedKills > 0) problems.push(`${unnamedKills} killed mutants name no test of the report`);
  // (their kills were counted against another emulator or test support: they may not hold today)
  if (supportChanged.length)
    problems.push(
      `${supportChanged.length} ${supportChanged.length === 1 ? 'file was' : 'files were'} mutated under another emulator or test support than today's`,
    );
  if (ignoredShare > THRESHOLDS.ignored)
    problems.push(
      `${ignoredShare} % of the mutants are ignored as static (no test reaches them), over ${THRESHOLDS.ignored} %`,
    );
  return {
    folders,
    total,
    stale,
    staleShare,
    supportChanged,
    unmutated,
    unnamedKills,
    ignored,
    ignoredShare,
    problems,
  };
}

/**
 * Stryker reuses a killed mutant's result in an incremental run but may write it without the ids of
 * its killing tests, which it renumbers when tests are added: the kill then names no test of the
 * report. For each such kill, this takes the killing tests of the same mutant (same file, place, mutator and
 * replacement) from the previous report, by test file and name, and returns how many it mended.
 */
export function relink(previous: Report, fresh: Report): number {
  const testIds = (r: Report) =>
    Object.entries(r.testFiles ?? {}).flatMap(([file, { tests }]) =>
      tests.map((t): [string, string] => [t.id, `${file}#${t.name}`]),
    );
  const oldName = new Map(testIds(previous));
  const freshId = new Map(testIds(fresh).map(([id, name]) => [name, id]));
  const freshIds = new Set(freshId.values());
  const key = (file: string, m: ReportMutant) =>
    `${file}|${JSON.stringify(m.location)}|${m.mutatorName}|${m.replacement}`;
  const oldKills = new Map(
    Object.entries(previous.files).flatMap(([file, { mutants }]) =>
      mutants.filter((m) => m.status === 'Killed').map((m) => [key(file, m), m.killedBy ?? []]),
    ),
  );
  let mended = 0;
  for (const [file, { mutants }] of Object.entries(fresh.files))
    for (const m of mutants) {
      if (m.status !== 'Killed' || (m.killedBy ?? []).some((id) => freshIds.has(id))) continue;
      const ids = (oldKills.get(key(file, m)) ?? []).flatMap((id) => {
        const again = freshId.get(oldName.get(id) ?? '');
        return again === undefined ? [] : [again];
      });
      if (ids.length) {
        m.killedBy = ids;
        mended++;
      }
    }
  return mended;
}

/**
 * The mutants no test noticed, one line each, in source order: where (file:line), what Stryker
 * changed, and the line as written, to find the test it would take.
 */
export function survivors(report: Report): string[] {
  return Object.entries(report.files).flatMap(([file, { source, mutants }]) => {
    const lines = source.split('\n');
    return mutants
      .filter((m) => UNDETECTED.has(m.status))
      .map((m) => ({ m, line: m.location?.start.line ?? 0 }))
      .sort((a, b) => a.line - b.line)
      .map(
        ({ m, line }) =>
          `${file}:${line} ${m.status} ${m.mutatorName ?? '?'} → ${oneLine(m.replacement ?? '', 60)} | ${oneLine(lines[line - 1] ?? '', 90)}`,
      );
  });
}

const oneLine = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max);

/** The table the README shows: one row per folder and the total. */
export function table(v: Verdict): string {
  const row = (f: FolderScore) =>
    `| \`${f.folder}\` | ${f.mutants} | ${f.detected} | ${f.score === null ? '—' : `${f.score} %`} |`;
  return [
    '| folder | mutants | killed | score |',
    '|---|---:|---:|---:|',
    ...v.folders.map(row),
    row(v.total).replace('`all`', '**all**'),
  ].join('\n');
}
