/**
 * LibreOffice as an independent second spreadsheet program: recalculates an .xlsx from its
 * formulas alone (cached results are dropped first, and a private profile tells Calc to
 * recalculate every formula on load), then reads back what it computed. The tests compare
 * that with what the add-on computed. It also prints the file to PDF, as a reader would.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { colNumber } from '../src/core/map/layout';
import type JSZip from 'jszip';
import { openZip, partText, zipBytes } from './zip';

export const SOFFICE = process.env.SOFFICE ?? 'soffice';

/** A computed cell: a number, text, a boolean, an error code, or "" for blank. */
export type LoValue = number | string | boolean | { error: string };

export interface LoSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** "row,col" (1-based) → value */
  values: Map<string, LoValue>;
  /** "row,col" → formula text (without "=") */
  formulas: Map<string, string>;
}

export interface LoWorkbook {
  sheets: LoSheet[];
  /** every part of the file LibreOffice wrote, e.g. to look for charts */
  parts: string[];
}

const unescapeXml = (s: string) =>
  s.replace(
    /&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi,
    (_, name: string, dec?: string, hex?: string) =>
      dec
        ? String.fromCodePoint(Number(dec))
        : hex
          ? String.fromCodePoint(parseInt(hex, 16))
          : (({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[
              name.toLowerCase()
            ] ?? ''),
  );

/**
 * Drops every cached formula result (<v> after <f>), so what LibreOffice shows it computed itself.
 */
async function stripCachedResults(zip: JSZip): Promise<void> {
  for (const part of zip.file(/^xl\/worksheets\/[^/]+\.xml$/)) {
    const xml = (await part.async('string')).replace(
      /<c\b([^>]*)>(<f\b[^>]*(?:\/>|>[\s\S]*?<\/f>))<v>[\s\S]*?<\/v><\/c>/g,
      (_, attrs: string, f: string) => `<c${attrs.replace(/\st="[^"]*"/, '')}>${f}</c>`,
    );
    zip.file(part.name, xml);
  }
}

/** Reads the values (and formulas) of every sheet of an .xlsx as LibreOffice wrote it. */
async function readComputed(xlsx: Buffer): Promise<LoWorkbook> {
  const zip = await openZip(xlsx);
  const texts = new Map<string, string>();
  for (const part of zip.file(/\.(xml|rels)$/)) texts.set(part.name, await part.async('string'));
  const text = (name: string) => texts.get(name) ?? '';
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)]
      .map((t) => unescapeXml(t[1] ?? ''))
      .join(''),
  );
  const targets = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const sheets: LoSheet[] = [];
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const state = (/\bstate="([^"]*)"/.exec(m[0])?.[1] ?? 'visible') as LoSheet['state'];
    const part = targets.get(/\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '') ?? '';
    const values = new Map<string, LoValue>();
    const formulas = new Map<string, string>();
    for (const c of text(part).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const ref = /\br="([A-Z]+)(\d+)"/.exec(attrs);
      if (!ref) continue;
      const k = `${Number(ref[2])},${colNumber(ref[1] as string)}`;
      const body = c[2] ?? '';
      const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body);
      if (f) formulas.set(k, unescapeXml(f[1] ?? ''));
      const v = /<v>([\s\S]*?)<\/v>/.exec(body);
      const inline = /<is>[\s\S]*?<t\b[^>]*>([\s\S]*?)<\/t>/.exec(body);
      const type = /\bt="([^"]*)"/.exec(attrs)?.[1] ?? 'n';
      if (type === 'inlineStr') values.set(k, unescapeXml(inline?.[1] ?? ''));
      if (!v) continue;
      const raw = unescapeXml(v[1] ?? '');
      if (type === 's') values.set(k, shared[Number(raw)] ?? '');
      else if (type === 'str') values.set(k, raw);
      else if (type === 'b') values.set(k, raw === '1');
      else if (type === 'e') values.set(k, { error: raw });
      else values.set(k, Number(raw));
    }
    sheets.push({ name, state, values, formulas });
  }
  return { sheets, parts: zip.file(/./).map((part) => part.name) };
}

/** A private LibreOffice profile that recalculates every formula of an .xlsx on load. */
async function profile(dir: string): Promise<string> {
  const path = join(dir, 'profile');
  await mkdir(join(path, 'user'), { recursive: true });
  await writeFile(
    join(path, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n',
  );
  return path;
}

/**
 * Converts the file with LibreOffice (headless, one process, a private profile so parallel runs
 * do not clash) to `format` ("xlsx", "pdf"); returns the converted bytes. Throws with
 * LibreOffice's output when it is missing or fails.
 */
async function convert(xlsx: Buffer, format: 'xlsx' | 'pdf', timeoutMs: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'cjm-lo-'));
  try {
    const input = join(dir, 'input.xlsx');
    await writeFile(input, xlsx);
    const outDir = join(dir, 'out');
    const user = await profile(dir);
    await new Promise<void>((done, fail) =>
      execFile(
        SOFFICE,
        [
          `-env:UserInstallation=file://${user}`,
          '--headless',
          '--norestore',
          '--convert-to',
          format,
          '--outdir',
          outDir,
          input,
        ],
        { timeout: timeoutMs },
        (err, stdout, stderr) =>
          err
            ? fail(
                new Error(
                  `LibreOffice (${SOFFICE}) failed: ${err.message}\n${stdout}\n${stderr}\nInstall it with: apt-get install -y libreoffice-calc`,
                ),
              )
            : done(),
      ),
    );
    return await readFile(join(outDir, `input.${format}`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Drops the rows a sheet repeats on every printed page (the _xlnm.Print_Titles names): they
 * change no value, and LibreOffice spends a moment on each sheet's when it opens a file, half its
 * time on a workbook of 55 maps.
 */
async function withoutPrintTitles(zip: JSZip): Promise<void> {
  const workbook = await partText(zip, 'xl/workbook.xml');
  if (workbook === undefined) return;
  zip.file(
    'xl/workbook.xml',
    workbook.replace(
      /<definedName\b[^>]*\bname="_xlnm\.Print_Titles"[^>]*>[^<]*<\/definedName>/g,
      '',
    ),
  );
}

/**
 * Recalculates the file in LibreOffice and returns what it computed (print titles left out, see
 * withoutPrintTitles). Throws with LibreOffice's output when it is missing or fails.
 */
export async function recalculate(xlsx: Buffer, { timeoutMs = 120_000 } = {}): Promise<LoWorkbook> {
  const zip = await openZip(xlsx);
  await stripCachedResults(zip);
  await withoutPrintTitles(zip);
  return readComputed(await convert(await zipBytes(zip), 'xlsx', timeoutMs));
}

/**
 * The file printed to PDF by LibreOffice: every visible sheet, with the file's own print setup
 * (page size and orientation, scaling, print areas and titles, page breaks).
 */
export async function printToPdf(xlsx: Buffer, { timeoutMs = 120_000 } = {}): Promise<Buffer> {
  return convert(xlsx, 'pdf', timeoutMs);
}
