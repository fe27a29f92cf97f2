/**
 * The workbench's spreadsheet on disk: one JSON file (Workbook.toJSON), rewritten after
 * every change and read back on start. A file that cannot be read is moved aside, not
 * deleted, so a bad save never costs the user their maps.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Workbook, createWorkbook, type WorkbookJson } from '../../emulator/index';

export const ADDON_NAME = 'CJM';
const DOCUMENT_NAME = 'CJM workbench';

export interface LoadedDocument {
  workbook: Workbook;
  /** Said once on start: where the document came from. */
  note: string;
  /**
   * True when the add-on has been used here before (onOpen then runs in LIMITED mode, as in
   * Sheets).
   */
  used: boolean;
}

export function freshWorkbook(locale: string): Workbook {
  return createWorkbook({ name: DOCUMENT_NAME, locale, addonName: ADDON_NAME });
}

export function loadDocument(file: string, locale: string): LoadedDocument {
  const removed = removeStaleTemps(file);
  const cleaned = removed.length
    ? `; removed what ${removed.length} unfinished save(s) left: ${removed.join(', ')}`
    : '';
  if (!existsSync(file))
    return {
      workbook: freshWorkbook(locale),
      note: `new workbook (${locale}), saved to ${file}${cleaned}`,
      used: false,
    };
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as WorkbookJson;
    if (json?.version !== 1 || !Array.isArray(json.sheets) || json.sheets.length === 0)
      throw new Error('not a workbench workbook');
    const workbook = Workbook.fromJSON(json);
    const used = Object.keys(json.properties?.document ?? {}).length > 0;
    return { workbook, note: `opened ${file} (${json.locale})${cleaned}`, used };
  } catch (e) {
    const aside = `${file}.unreadable-${Date.now()}`;
    renameSync(file, aside);
    const why = e instanceof Error ? e.message : String(e);
    return {
      workbook: freshWorkbook(locale),
      note: `could not read ${file} (${why}); moved it to ${aside} and started a new workbook`,
      used: false,
    };
  }
}

/**
 * Removes the temp files that saves of `file` left when their process was killed between the
 * write and the rename: nothing else ever removes them, and each is a whole copy of the
 * workbook. A temp file of a process still running is a save in flight (another workbench on
 * the same file, or this process's own) and is left alone. Returns the names removed.
 */
export function removeStaleTemps(file: string): string[] {
  const dir = dirname(file);
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => {
    if (!name.startsWith(prefix)) return false;
    const m = /^(\d+)-[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length));
    if (!m || isRunning(Number(m[1]))) return false;
    rmSync(join(dir, name), { force: true });
    return true;
  });
}

/** Whether a process with this id runs (signal 0 only asks; EPERM: it runs as another user). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes to a temporary file and renames it over the old one, so a crash or a failed write
 * leaves the old file intact. The temp file is beside the file (rename does not cross disks)
 * and named per save (pid + random), so two saves at once never write into each other's, and a
 * save killed half way is known by its process id on the next start (removeStaleTemps).
 */
export function saveDocument(file: string, workbook: Workbook): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const text = JSON.stringify(workbook.toJSON());
  const tmp = join(dir, `${basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeFileSync(fd, text);
      // On disk before the rename: after a power cut the file is the old one or the new one, never
      // empty.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  syncDirectory(dir);
}

/**
 * Makes the rename itself durable. Best effort: some systems cannot open or fsync a directory
 * (Windows).
 */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // The file is already complete under its name; only its durability across a power cut is less
    // sure.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
