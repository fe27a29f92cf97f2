// Counts service calls the way the benchmark wants them: every method call on an
// emulated service object is one "service" call (in Apps Script each is a round trip
// to Google's servers); builder calls are local and cheap, so they are counted apart.

export interface CallCounts {
  total: number;
  builder: number;
  byName: Record<string, number>;
  builderByName: Record<string, number>;
}

export class CallCounter {
  total = 0;
  builder = 0;
  byName: Record<string, number> = {};
  builderByName: Record<string, number> = {};

  count(name: string, isBuilder: boolean): void {
    if (isBuilder) {
      this.builder++;
      this.builderByName[name] = (this.builderByName[name] ?? 0) + 1;
    } else {
      this.total++;
      this.byName[name] = (this.byName[name] ?? 0) + 1;
    }
  }

  reset(): void {
    this.total = 0;
    this.builder = 0;
    this.byName = {};
    this.builderByName = {};
  }

  snapshot(): CallCounts {
    return { total: this.total, builder: this.builder, byName: { ...this.byName }, builderByName: { ...this.builderByName } };
  }
}
