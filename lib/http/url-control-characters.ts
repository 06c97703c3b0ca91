// A NUL or another control character in a URL's path or query is never a real id, search or filter: PostgreSQL
// refuses NUL in text outright (a 500 far from the cause), and the others end up in logs and exports. Such
// a request is answered 400 before any page or route sees it.
const CONTROL = /[\u0000-\u001F\u007F]/u;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    // A malformed escape is not ours to judge here; what the escapes spell out is.
    return text;
  }
}

/** Which part of the URL holds a control character ("path" or the query parameter's name), or null. */
export function urlControlCharacter(url: URL): string | null {
  if (CONTROL.test(decoded(url.pathname))) return "path";
  for (const [name, value] of url.searchParams) {
    if (CONTROL.test(name) || CONTROL.test(value)) return `query parameter ${JSON.stringify(name.replace(CONTROL, "?"))}`;
  }
  return null;
}
