/**
 * The main thread's handle on the add-on worker. Actions run one at a time, as Apps Script
 * executions of one user would; an action blocked on a question keeps its turn until the
 * question is answered. If the worker dies it is restarted from the saved file.
 */
import { Worker } from 'node:worker_threads';
import { AnswerChannel } from './answer-channel';
import type { ActionRequest, AnswerRequest, WorkbenchEvent } from './protocol';
import { BadRequest } from './validate';
import type { DownloadFile } from './xlsx-download';
import type {
  ChannelAnswer,
  FromWorker,
  ShownPage,
  ToWorker,
  WorkerConfig,
} from './worker-messages';

export interface HostOptions {
  file: string;
  locale: string;
  /** the add-on's clock, stopped at this instant (default: real time) */
  now?: string;
  /** the built add-on's folder (dist): Code.js and its pages */
  dist: string;
  questionTimeoutMs?: number;
  log?: (line: string) => void;
}

type Reply = Exclude<FromWorker, { type: 'ready' }>;

const KEEP_PAGES = 50;

export class AddonHost {
  private worker!: Worker;
  private readonly channel = new AnswerChannel();
  private turn: Promise<void> = Promise.resolve();
  private releaseTurn: (() => void) | null = null;
  private waiter: { resolve(m: Reply): void; reject(e: Error): void } | null = null;
  private pendingQuestion: string | null = null;
  private pendingEvent: WorkbenchEvent | null = null;
  private readonly pages = new Map<string, ShownPage>();
  private closing = false;

  private constructor(private readonly opts: HostOptions) {}

  static async start(opts: HostOptions): Promise<AddonHost> {
    const host = new AddonHost(opts);
    await host.spawn();
    return host;
  }

  /** The page of a surface, for GET /surface/:id. */
  page(id: string): ShownPage | undefined {
    return this.pages.get(id);
  }

  /** The question an action is blocked on (a reloaded page shows it again), or null. */
  pending(): { event: WorkbenchEvent | null } {
    return { event: this.pendingEvent };
  }

  /** Runs an action; answers with its result, or with the question it is waiting on. */
  async run(request: ActionRequest): Promise<WorkbenchEvent> {
    await this.takeTurn();
    return this.next({ type: 'action', request });
  }

  /** The user's reply to the pending question; answers with the action's next event. */
  async answer(a: AnswerRequest): Promise<WorkbenchEvent> {
    if (this.pendingQuestion === null)
      throw new BadRequest('no question is waiting for an answer', 409);
    if (a.questionId !== this.pendingQuestion)
      throw new BadRequest(
        `question ${a.questionId} is not the one waiting (${this.pendingQuestion})`,
        409,
      );
    this.pendingQuestion = null;
    this.pendingEvent = null;
    const reply = this.expect();
    this.channel.post({ questionId: a.questionId, response: a.response } satisfies ChannelAnswer);
    return this.toEvent(await reply);
  }

  async exportXlsx(): Promise<DownloadFile> {
    await this.takeTurn();
    const reply = this.expect();
    this.post({ type: 'export' });
    const m = await reply;
    this.endTurn();
    if (m.type !== 'exported' || !m.file)
      throw new BadRequest(
        m.type === 'exported' ? (m.error ?? 'export failed') : 'export failed',
        422,
      );
    return m.file;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private async next(message: ToWorker): Promise<WorkbenchEvent> {
    const reply = this.expect();
    this.post(message);
    return this.toEvent(await reply);
  }

  private toEvent(m: Reply): WorkbenchEvent {
    if (m.type === 'question') {
      this.pendingQuestion = m.questionId;
      this.pendingEvent = { status: 'question', questionId: m.questionId, request: m.request };
      return this.pendingEvent;
    }
    this.endTurn();
    if (m.type !== 'done') throw new Error(`unexpected message from the add-on worker: ${m.type}`);
    for (const p of m.pages) this.pages.set(p.id, p);
    for (const id of [...this.pages.keys()].slice(0, Math.max(0, this.pages.size - KEEP_PAGES)))
      this.pages.delete(id);
    return { status: 'done', outcome: m.outcome };
  }

  private async takeTurn(): Promise<void> {
    const previous = this.turn;
    let release!: () => void;
    this.turn = new Promise<void>((r) => (release = r));
    await previous;
    this.releaseTurn = release;
  }

  private endTurn(): void {
    this.pendingQuestion = null;
    this.pendingEvent = null;
    const release = this.releaseTurn;
    this.releaseTurn = null;
    release?.();
  }

  private expect(): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private spawn(): Promise<void> {
    const config: WorkerConfig = {
      file: this.opts.file,
      locale: this.opts.locale,
      now: this.opts.now ?? null,
      dist: this.opts.dist,
      answers: this.channel.buffer,
      questionTimeoutMs: this.opts.questionTimeoutMs ?? 10 * 60_000,
    };
    // The worker is TypeScript: worker-boot.mjs registers tsx first, whatever launched us.
    this.worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: config });
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      this.worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          ready = true;
          this.opts.log?.(m.note);
          resolve();
          return;
        }
        const w = this.waiter;
        this.waiter = null;
        if (w) w.resolve(m);
        // A 'done' nobody waits for: the question timed out in the worker; free the turn.
        else if (m.type === 'done') this.endTurn();
      });
      this.worker.on('error', (e) => {
        if (!ready) reject(e);
        this.fail(e);
      });
      this.worker.on('exit', (code) => {
        if (this.closing) return;
        if (!ready) {
          reject(new Error(`the add-on worker exited (${code}) before it was ready`));
          return;
        }
        this.fail(new Error(`the add-on worker stopped (exit code ${code})`));
        this.opts.log?.('restarting the add-on from the saved workbook');
        this.spawn().catch((e: unknown) =>
          this.opts.log?.(`could not restart the add-on: ${String(e)}`),
        );
      });
    });
  }

  private fail(e: Error): void {
    const w = this.waiter;
    this.waiter = null;
    this.endTurn();
    w?.reject(e);
  }
}
