/** Looks a message up in a catalogue and fills its {name} placeholders. */
export function translate<K extends string>(catalogue: Record<K, string>, key: K, vars: Record<string, string | number>): string {
  return catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
