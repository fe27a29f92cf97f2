/** A menu command run: a known failure becomes an alert in words, anything else propagates. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../../src/server/errors';
import { runCommand } from '../../../src/server/report';
import { emulated } from '../emulated';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a menu command', () => {
  it('shows no alert when it succeeds', () => {
    const { wb } = emulated();
    const command = vi.fn();
    runCommand(command);
    expect(command).toHaveBeenCalledTimes(1);
    expect(wb.ui.requests).toEqual([]);
  });

  it("shows a known failure's sentence as an alert, and does not throw", () => {
    const { wb } = emulated();
    wb.ui.answer('OK');
    runCommand(() => {
      throw new UserError('Select a cell in a stage column (from column C on) first.');
    });
    expect(wb.ui.requests.map((r) => [r.request.kind, r.request.prompt])).toEqual([
      ['alert', 'Select a cell in a stage column (from column C on) first.'],
    ]);
  });

  it('lets any other failure propagate, with no alert', () => {
    const { wb } = emulated();
    expect(() =>
      runCommand(() => {
        throw new TypeError('x is undefined');
      }),
    ).toThrow(new TypeError('x is undefined'));
    expect(wb.ui.requests).toEqual([]);
  });
});
