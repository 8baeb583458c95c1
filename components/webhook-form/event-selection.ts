// Pure helpers behind the events picker: the text field holds the patterns
// ("*", "scan.*", "takedown.status_changed"); checkboxes read and edit them.
export const groupOf = (type: string) => (type.includes(".") ? type.slice(0, type.indexOf(".")) : type);

/** Catalog types grouped by their first segment, groups and types sorted. */
export function groupTypes(names: string[]): Array<{ group: string; types: string[] }> {
  const groups = new Map<string, string[]>();
  for (const name of [...names].sort()) groups.set(groupOf(name), [...(groups.get(groupOf(name)) ?? []), name]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([group, types]) => ({ group, types }));
}

/** Whether the patterns already deliver this type, and through which pattern. */
export function coveredBy(patterns: string[], type: string): string | null {
  if (patterns.includes("*")) return "*";
  const wildcard = `${groupOf(type)}.*`;
  if (patterns.includes(wildcard)) return wildcard;
  return patterns.includes(type) ? type : null;
}

/** Adds or removes one pattern; adding a wildcard drops the exact types it now covers. */
export function togglePattern(patterns: string[], pattern: string, on: boolean): string[] {
  if (!on) return patterns.filter((p) => p !== pattern);
  if (patterns.includes(pattern)) return patterns;
  if (pattern === "*") return ["*"];
  if (pattern.endsWith(".*")) {
    const prefix = pattern.slice(0, -1);
    return [...patterns.filter((p) => !p.startsWith(prefix)), pattern];
  }
  return [...patterns, pattern];
}
