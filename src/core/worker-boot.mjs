// Worker threads start without the TypeScript loader the app runs under (tsx), so register it, then load the entry
// (see run-in-worker.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
