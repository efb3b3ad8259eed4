/**
 * The command palette's matching: every word typed must be found in the command's label or id
 * (in any order, ignoring case), so "theme dark", "dark theme" and "view.theme" all find
 * "Theme: dark".
 */
export function commandMatches(query: string, command: { label: string; id: string }): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${command.label} ${command.id}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}
