import { ui } from '../sheets/workbook';
import { UserError } from './errors';

/** Runs a menu command; a known failure becomes an alert in words, anything else propagates. */
export function runCommand(command: () => void): void {
  try {
    command();
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    ui().alert(e.message);
  }
}
