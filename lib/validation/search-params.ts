// A page's query string as Next.js hands it over (a parameter given twice comes as a list).

export type SearchParams = Record<string, string | string[] | undefined>;

/** First value of each parameter: `?page=2&page=3` reads as page 2. */
export function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
}
