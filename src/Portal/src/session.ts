// The credential comes in the URL fragment (/portal#token=hpt_…), which browsers never send to a server nor put in a
// Referer. It is moved to sessionStorage (this tab only, gone when the tab closes) and the fragment is replaced at
// once, so the token does not linger in the address bar or the history.
const storageKey = "herald.portal.token";

export function takeToken(): string | null {
  const hash = window.location.hash.replace(/^#/, "");
  const params = new URLSearchParams(hash.startsWith("/") ? "" : hash);
  const fromUrl = params.get("token");
  if (fromUrl) {
    sessionStorage.setItem(storageKey, fromUrl);
    const next = params.get("page");
    history.replaceState(null, "", `${window.location.pathname}${window.location.search}#${next && next.startsWith("/") ? next : "/webhooks"}`);
    return fromUrl;
  }
  return sessionStorage.getItem(storageKey);
}

export function forgetToken(): void {
  sessionStorage.removeItem(storageKey);
}
