/** Adds `query` (already encoded, `a=b`) to a URL that may or may not have a query string yet. */
export const withQuery = (url: string, query: string): string => `${url}${url.includes('?') ? '&' : '?'}${query}`;
