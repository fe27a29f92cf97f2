// Entry of the add-on worker thread. Node 20 does not carry `--import tsx` into workers,
// so the worker registers tsx itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
