/**
 * What a PDF shows, as poppler's `pdftotext -bbox` reads it (poppler-utils, installed for the
 * tests by scripts/ensure-test-tools.mjs): every page with its size, and every word on it with
 * its box, in points from the page's top-left corner.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { elements, parseXml, textOf, type XmlElement } from './xml';

export const PDFTOTEXT = process.env.PDFTOTEXT ?? 'pdftotext';

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

/** Parses the XHTML `pdftotext -bbox` writes. */
export function parseBbox(html: string): PdfPage[] {
  const num = (el: XmlElement, attr: string) => Number(el.attrs[attr]);
  return elements(parseXml(html))
    .filter((e) => e.name === 'page')
    .map((page) => ({
      width: num(page, 'width'),
      height: num(page, 'height'),
      words: elements(page)
        .filter((e) => e.name === 'word')
        .map((w) => ({
          xMin: num(w, 'xMin'),
          yMin: num(w, 'yMin'),
          xMax: num(w, 'xMax'),
          yMax: num(w, 'yMax'),
          text: textOf(w),
        })),
    }));
}

/** The pages and words of a PDF. Throws, saying how to install poppler-utils, when it cannot. */
export async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'cjm-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    await writeFile(file, pdf);
    const html = await new Promise<string>((done, fail) =>
      execFile(
        PDFTOTEXT,
        ['-bbox', '-enc', 'UTF-8', file, '-'],
        { maxBuffer: 64 * 1024 * 1024 },
        (err, stdout, stderr) =>
          err
            ? fail(
                new Error(
                  `${PDFTOTEXT} failed: ${err.message}\n${stderr}\nInstall it with: apt-get install -y poppler-utils`,
                ),
              )
            : done(stdout),
      ),
    );
    return parseBbox(html);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Pairs of words whose boxes overlap: text drawn over text. A word's box spans its font's full
 * height, so the lines of one wrapped cell touch by a point or two; boxes count as overlapping
 * when they share more than a third of the lower one's height and more than half a point across.
 */
export function overlappingWords(page: PdfPage): [PdfWord, PdfWord][] {
  const out: [PdfWord, PdfWord][] = [];
  const words = [...page.words].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < words.length; i++) {
    const a = words[i] as PdfWord;
    for (let j = i + 1; j < words.length; j++) {
      const b = words[j] as PdfWord;
      if (b.yMin >= a.yMax) break;
      const across = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const down = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const lower = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (across > 0.5 && down > lower / 3) out.push([a, b]);
    }
  }
  return out;
}
