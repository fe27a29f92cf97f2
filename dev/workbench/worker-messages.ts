/** Messages between the HTTP server (main thread) and the worker that runs the add-on. */
import type { ActionRequest, Outcome, SurfaceInfo, UiRequest } from './protocol';

export interface WorkerConfig {
  /** The workbook file, read on start and rewritten after every change. */
  file: string;
  /** Locale of a new workbook (a saved one keeps its own). */
  locale: string;
  /** The add-on's clock stopped at this instant, or null for real time. */
  now: string | null;
  /** The built add-on's folder (dist): Code.js and its pages, read by the worker. */
  dist: string;
  /** The AnswerChannel's memory. */
  answers: SharedArrayBuffer;
  /** How long a question may stay unanswered before the add-on gets CLOSE. */
  questionTimeoutMs: number;
}

/** A shown surface with its page, which only the server keeps (the browser loads it by id). */
export interface ShownPage extends SurfaceInfo {
  html: string;
  /** Global functions google.script.run may call from this page. */
  functions: string[];
}

export type ToWorker = { type: 'action'; request: ActionRequest } | { type: 'export' };

export type FromWorker =
  | { type: 'ready'; note: string }
  | { type: 'question'; questionId: string; request: UiRequest }
  | { type: 'done'; outcome: Outcome; pages: ShownPage[] }
  | { type: 'exported'; file: { name: string; bytes: Uint8Array } | null; error?: string };

/** What the main thread writes into the AnswerChannel. */
export interface ChannelAnswer {
  questionId: string;
  response: unknown;
}
