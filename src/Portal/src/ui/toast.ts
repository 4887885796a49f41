import { h } from "./dom";

/** A message in the page's polite live region, so screen readers announce it; it fades after a while. */
export function toast(message: string, kind: "info" | "error" = "info"): void {
  const region = document.getElementById("toasts")!;
  const item = h("p", { class: `toast toast-${kind}` }, message);
  region.appendChild(item);
  setTimeout(() => item.remove(), kind === "error" ? 10000 : 5000);
}
