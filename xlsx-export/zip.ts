/**
 * An .xlsx as the zip archive it is, through JSZip (ExcelJS's own zip library): opened to add the
 * parts ExcelJS cannot write (charts, the default font) and to read LibreOffice's recalculated
 * file in the tests. Parts left alone keep their compressed bytes.
 */
import JSZip from 'jszip';

export function openZip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

/** A part of the archive as text (UTF-8), or undefined when it has no such part. */
export function partText(zip: JSZip, name: string): Promise<string | undefined> {
  return zip.file(name)?.async('string') ?? Promise.resolve(undefined);
}

export function zipBytes(zip: JSZip): Promise<Buffer> {
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
