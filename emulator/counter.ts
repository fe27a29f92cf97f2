// Counts service calls the way the benchmark wants them: every method call on an
// emulated service object is one "service" call; builder calls are local and cheap, so they
// are counted apart. Beside the calls it keeps the cost model of cost.ts: round trips to
// Google's servers (reads and structural changes, and each flush of a non-empty write cache),
// the cells read, and the custom-function executions the changes caused.
import { cellsOf, costKind, type CostKind } from './cost';

export interface CallCounts {
  total: number;
  builder: number;
  byName: Record<string, number>;
  builderByName: Record<string, number>;
  roundTrips: number;
  roundTripsByName: Record<string, number>;
  cellsRead: number;
  cellsReadBySheet: Record<string, number>;
  customFunctionExecutions: number;
}

export class CallCounter {
  total = 0;
  builder = 0;
  byName: Record<string, number> = {};
  builderByName: Record<string, number> = {};
  /** Round trips (cost.ts): flushes of a non-empty write cache + read calls + structural calls. */
  roundTrips = 0;
  /** Round trips by cause: the read or structural call ("Range.getValues"), or "flush". */
  roundTripsByName: Record<string, number> = {};
  /** Cells covered by read calls (getValues on A1:C10 = 30). */
  cellsRead = 0;
  /** The same cells by the sheet they were read from (its name at the time of the read). */
  cellsReadBySheet: Record<string, number> = {};
  /**
   * Custom-function cells (re)computed: each is its own server execution in Sheets. A cell
   * counts once per computation, however many cells its array result spills into.
   */
  customFunctionExecutions = 0;
  /** Write calls waiting in the write cache (not counted until flushed). */
  pendingWrites = 0;

  count(name: string, isBuilder: boolean): void {
    if (isBuilder) {
      this.builder++;
      this.builderByName[name] = (this.builderByName[name] ?? 0) + 1;
    } else {
      this.total++;
      this.byName[name] = (this.byName[name] ?? 0) + 1;
    }
  }

  /** Applies the cost model to one counted call of `typeName.method` on `target`. */
  cost(typeName: string, method: string, target: unknown): CostKind {
    const kind = costKind(typeName, method);
    if (kind === 'write') this.pendingWrites++;
    else if (kind === 'flush') this.flush();
    else if (kind === 'read' || kind === 'structural') {
      this.flush();
      this.roundTrip(`${typeName}.${method}`);
      const cells = cellsOf(typeName, method, target);
      this.cellsRead += cells;
      const sheet = (target as { _sheet?: { name?: unknown } })._sheet?.name;
      if (cells && typeof sheet === 'string')
        this.cellsReadBySheet[sheet] = (this.cellsReadBySheet[sheet] ?? 0) + cells;
    }
    return kind;
  }

  /** Empties the write cache: one round trip when it held writes. */
  flush(): void {
    if (this.pendingWrites === 0) return;
    this.pendingWrites = 0;
    this.roundTrip('flush');
  }

  private roundTrip(cause: string): void {
    this.roundTrips++;
    this.roundTripsByName[cause] = (this.roundTripsByName[cause] ?? 0) + 1;
  }

  reset(): void {
    this.total = 0;
    this.builder = 0;
    this.byName = {};
    this.builderByName = {};
    this.roundTrips = 0;
    this.roundTripsByName = {};
    this.cellsRead = 0;
    this.cellsReadBySheet = {};
    this.customFunctionExecutions = 0;
    this.pendingWrites = 0;
  }

  snapshot(): CallCounts {
    return {
      total: this.total,
      builder: this.builder,
      byName: { ...this.byName },
      builderByName: { ...this.builderByName },
      roundTrips: this.roundTrips,
      roundTripsByName: { ...this.roundTripsByName },
      cellsRead: this.cellsRead,
      cellsReadBySheet: { ...this.cellsReadBySheet },
      customFunctionExecutions: this.customFunctionExecutions,
    };
  }
}
