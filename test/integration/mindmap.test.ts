/**
 * The Markdown mind map the sidebar downloads, through the built bundle: whatever a user typed
 * (a map name with HTML in it, a cell whose lines start with "#", "-" or a number and a dot) is
 * text in the file, each inside its node, and the file reads back as the same tree the OPML
 * mind map carries.
 */
import { describe, expect, it } from 'vitest';
import type { MindMap } from '../../src/contract';
import { a1, ROW, stageCol } from '../../src/core/map/layout';
import { openSpreadsheet } from '../support/addon';
import { type OutlineTree, parseMarkdownOutline } from '../support/markdown-outline';
import { parseXml, type XmlElement } from '../support/xml';

/** The OPML's tree of texts (its body's one outline is the map). */
function opmlTree(opml: string): OutlineTree {
  const tree = (e: XmlElement): OutlineTree => ({
    text: e.attrs.text ?? '',
    children: e.children.filter((c): c is XmlElement => typeof c !== 'string').map(tree),
  });
  const body = parseXml(opml).children.find(
    (c): c is XmlElement => typeof c !== 'string' && c.name === 'body',
  );
  const top = body?.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new Error('no outline in the OPML');
  return tree(top);
}

/** A tree's texts as Markdown carries them: the lines of each, trimmed, blank ones left out. */
const lines = (n: OutlineTree): OutlineTree => ({
  text: n.text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n'),
  children: n.children.map(lines),
});

describe('the Markdown mind map of a hostile map', () => {
  it('writes the name, HTML and all, as text, keeps each cell in its nodes, and reads back as the OPML tree', () => {
    const s = openSpreadsheet('en_US');
    const name = 'X</script><img src=x onerror=alert(1)>';
    const sheet = s.newMap({ name });
    const mapId = String(s.wb.value(sheet, `A${ROW.footer}`)).split(' ')[2]!;
    s.wb.setCell(
      sheet,
      a1(ROW.barriers, stageCol(0)),
      '# Not a heading\n- not a bullet\n1. nor a list',
    );
    s.wb.setCell(sheet, a1(ROW.header, stageCol(1)), 'Two\nlines & <b>bold</b>');
    const mind = s.addon.callFromClient('exportMindMap', { mapId }) as MindMap;
    // no tag, no entity: every "<" and "&" the user typed is escaped
    expect(mind.markdown).not.toMatch(/(^|[^\\])[<&]/m);
    expect(mind.markdown.startsWith('# X\\</script\\>\\<img src=x onerror=alert(1)\\>\n')).toBe(
      true,
    );
    const md = parseMarkdownOutline(mind.markdown);
    expect(md.text).toBe(name);
    expect(md).toEqual(lines(opmlTree(mind.opml)));
    const stages = md.children.find((n) => n.text === 'Stages');
    // the second stage's name, both its lines in its one node, with its number and role
    expect(stages?.children[1]?.text).toBe('2. Two\nlines & <b>bold</b> (L)');
    // a cell's lines are its nodes, whatever they start with
    const barriers = stages?.children[0]?.children.find((n) => n.text === 'Barriers');
    expect(barriers?.children.map((n) => n.text)).toEqual([
      '# Not a heading',
      '- not a bullet',
      '1. nor a list',
    ]);
  });
});
