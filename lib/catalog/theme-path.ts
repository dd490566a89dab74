/** "a/b/c" → ["a", "a/b", "a/b/c"]: the paths of a theme and its ancestors, root first. */
export function themePathPrefixes(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}
