/**
 * Carries the user's answer to a blocked add-on. Ui.alert/Ui.prompt are synchronous in
 * Apps Script, so the worker running the add-on sleeps in Atomics.wait and cannot read
 * messages; the answer is written into shared memory instead and the worker is woken.
 * Layout: int32 [0] = 1 when an answer is waiting, [1] = its byte length, then UTF-8 JSON.
 */
const HEADER_BYTES = 8;
const CAPACITY = 64 * 1024;

export class AnswerChannel {
  private readonly flags: Int32Array;
  private readonly bytes: Uint8Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(HEADER_BYTES + CAPACITY)) {
    this.flags = new Int32Array(buffer, 0, 2);
    this.bytes = new Uint8Array(buffer, HEADER_BYTES);
  }

  /** Main thread: hands over an answer and wakes the worker. False when it does not fit. */
  post(value: unknown): boolean {
    const encoded = new TextEncoder().encode(JSON.stringify(value));
    if (encoded.length > this.bytes.length) return false;
    this.bytes.set(encoded);
    Atomics.store(this.flags, 1, encoded.length);
    Atomics.store(this.flags, 0, 1);
    Atomics.notify(this.flags, 0);
    return true;
  }

  /** Worker: blocks until an answer arrives or the time is up (undefined then). */
  wait(timeoutMs: number): unknown {
    if (
      Atomics.wait(this.flags, 0, 0, timeoutMs) === 'timed-out' &&
      Atomics.load(this.flags, 0) === 0
    )
      return undefined;
    const length = Atomics.load(this.flags, 1);
    // TextDecoder refuses views of shared memory, so copy out first.
    const text = new TextDecoder().decode(this.bytes.slice(0, length));
    Atomics.store(this.flags, 0, 0);
    return JSON.parse(text) as unknown;
  }
}
