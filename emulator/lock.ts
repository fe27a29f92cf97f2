// LockService. There is no real concurrency here: a test marks a lock as held by
// "another user" (LockState.holdByOther) and the add-on's tryLock/waitLock then fail the
// way they would after waiting out the timeout. Locks held by the script are released
// when a run ends, like Apps Script does when the execution finishes.
import { gasError } from './errors';
import type { GLock } from './types';
import { as } from './types';

export type LockHolder = 'none' | 'script' | 'other';

export class LockState {
  holder: LockHolder = 'none';
  /** How many times a caller had to give up because another process held the lock. */
  contentions = 0;

  holdByOther(): void {
    this.holder = 'other';
  }
  releaseByOther(): void {
    if (this.holder === 'other') this.holder = 'none';
  }
  /** Called when a run ends: Apps Script releases the script's locks then. */
  endRun(): void {
    if (this.holder === 'script') this.holder = 'none';
  }
}

export class EmuLock implements Pick<GLock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  static readonly typeName = 'Lock';
  constructor(private readonly _state: LockState) {}

  tryLock(_timeoutInMillis: number): boolean {
    if (this._state.holder === 'other') {
      this._state.contentions++;
      return false;
    }
    this._state.holder = 'script';
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      throw gasError('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this._state.holder === 'script') this._state.holder = 'none';
  }
  hasLock(): boolean {
    return this._state.holder === 'script';
  }
}

export class EmuLockService implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock'> {
  static readonly typeName = 'LockService';
  constructor(private readonly _doc: LockState) {}
  getDocumentLock(): GLock {
    return as(new EmuLock(this._doc));
  }
}
