// The identity provider's own sign-in form: what a person sees at the company's SSO before returning to the portal.
const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export function loginPage(options: { uid: string; email?: string; error?: string }): string {
  const error = options.error ? `<p role="alert">${escape(options.error)}</p>` : "";
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Test identity provider: sign in</title></head>
  <body>
    <h1>Test identity provider</h1>
    ${error}
    <form method="post" action="/interaction/${escape(options.uid)}/login">
      <label>Email <input type="email" name="email" autocomplete="username" value="${escape(options.email ?? "")}" required></label>
      <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
      <button type="submit">Sign in</button>
    </form>
  </body>
</html>`;
}
