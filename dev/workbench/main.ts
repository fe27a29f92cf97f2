/**
 * `npm start`: the offline workbench. A page that behaves like a spreadsheet with the
 * add-on installed, running the built dist/Code.js and dist/Sidebar.html in the emulator.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openBrowser } from './open-browser';
import { USAGE, parseCli } from './options';
import { PortBusy, startWorkbench } from './server';

const DIST = resolve('dist');

async function main(): Promise<number> {
  const parsed = parseCli(process.argv.slice(2), process.env);
  if (parsed.ok === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    console.error(parsed.message);
    return 2;
  }
  const { port, file, locale, open, now } = parsed.options;
  const code = resolve(DIST, 'Code.js');
  const sidebar = resolve(DIST, 'Sidebar.html');
  if (!existsSync(code) || !existsSync(sidebar)) {
    console.error(
      `workbench: ${code} or ${sidebar} is missing; run "npm run build" first (npm start does it for you).`,
    );
    return 1;
  }
  try {
    const wb = await startWorkbench({
      port,
      file,
      locale,
      ...(now ? { now } : {}),
      dist: DIST,
      log: (line) => console.log(`workbench: ${line}`),
    });
    console.log(`workbench: ready at ${wb.url}`);
    if (open) openBrowser(wb.url);
    const stop = (): void => {
      void wb.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
  } catch (e) {
    if (e instanceof PortBusy) {
      console.error(
        `workbench: port ${e.port} is already in use (is another workbench running?). ` +
          `Stop it, or pick another port: npm start -- --port ${e.port + 1}  (or PORT=${e.port + 1} npm start).`,
      );
      return 1;
    }
    console.error(
      `workbench: could not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
    return 1;
  }
}

const code = await main();
if (code !== 0) process.exit(code);
