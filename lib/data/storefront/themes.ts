import 'server-only';
import { getDb } from '@/lib/db';
import { themePathPrefixes } from '@/lib/catalog/theme-path';

export type ThemeLink = { name: string; path: string };

/** The theme and its ancestors, root first: the breadcrumb. */
export async function listThemeAncestry(path: string): Promise<ThemeLink[]> {
  return getDb().theme.findMany({
    where: { path: { in: themePathPrefixes(path) } },
    orderBy: { depth: 'asc' },
    select: { name: true, path: true },
  });
}

export async function getTheme(path: string) {
  const theme = await getDb().theme.findUnique({
    where: { path },
    select: {
      name: true,
      path: true,
      clilCode: true,
      themaCode: true,
      children: { orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { name: true, path: true } },
    },
  });
  if (!theme) return null;
  return { ...theme, ancestry: await listThemeAncestry(path) };
}

/** Root themes with their children: the catalog's theme filter and the site menu. */
export async function listThemeTree() {
  return getDb().theme.findMany({
    where: { parentId: null },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: {
      name: true,
      path: true,
      children: { orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { name: true, path: true } },
    },
  });
}
