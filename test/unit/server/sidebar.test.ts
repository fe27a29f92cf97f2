/**
 * A page of the add-on with its first screen's data embedded: the dialogs' page for the menu's
 * dialogs, the sidebar's for everything else, the data safe inside a <script> element.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SidebarBoot } from '../../../src/contract';
import { pageWithBoot } from '../../../src/server/sidebar';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

const FILES = {
  Sidebar: '<p>sidebar</p><script>var boot = __CJM_BOOT_JSON__;</script>',
  Dialog: '<p>dialog</p><script>var boot = __CJM_BOOT_JSON__;</script>',
};

const contentOf = (boot: unknown) => {
  emulated({}, FILES);
  return pageWithBoot(boot as SidebarBoot).getContent();
};

describe('a page with its first screen embedded', () => {
  it("opens the menu's dialogs (remove a stage, rename a map, import a table) on the dialogs' page", () => {
    for (const view of ['removeStage', 'renameMap', 'importTable']) {
      expect(contentOf({ view })).toBe(
        `<p>dialog</p><script>var boot = {"view":"${view}"};</script>`,
      );
      vi.unstubAllGlobals();
    }
  });

  it("opens the wizard, the formula help and the New map dialog on the sidebar's page", () => {
    for (const view of ['wizard', 'formulas', 'newMap']) {
      expect(contentOf({ view })).toBe(
        `<p>sidebar</p><script>var boot = {"view":"${view}"};</script>`,
      );
      vi.unstubAllGlobals();
    }
  });

  it('escapes "<" so a map named "</script><!--" cannot end the script early', () => {
    expect(contentOf({ view: 'formulas', name: '</script><!--' })).toBe(
      '<p>sidebar</p><script>var boot = {"view":"formulas","name":"\\u003c/script>\\u003c!--"};</script>',
    );
  });

  it('escapes the line and paragraph separators, which end a line in older script engines', () => {
    expect(contentOf({ view: 'formulas', name: 'a\u2028b\u2029c' })).toBe(
      '<p>sidebar</p><script>var boot = {"view":"formulas","name":"a\\u2028b\\u2029c"};</script>',
    );
  });

  it('escapes every "<", not only the first', () => {
    expect(contentOf({ view: 'formulas', name: '<<' })).toBe(
      '<p>sidebar</p><script>var boot = {"view":"formulas","name":"\\u003c\\u003c"};</script>',
    );
  });

  it('keeps a "$&" typed by the user as it is (no replacement pattern)', () => {
    expect(contentOf({ view: 'formulas', name: "$& $' $`" })).toBe(
      '<p>sidebar</p><script>var boot = {"view":"formulas","name":"$& $\' $`"};</script>',
    );
  });
});
