import { h } from "./dom";
import { toast } from "./toast";

/** A signing secret shown this once, with a copy button. */
export function secretBox(label: string, secret: string, note: string): HTMLElement {
  const field = h("input", { id: "secret-value", class: "secret", type: "text", readonly: true, value: secret, "aria-describedby": "secret-note" });
  const copy = h("button", { type: "button", class: "secondary" }, "Copy");
  copy.addEventListener("click", async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(secret);
      toast("Secret copied to the clipboard.");
    } catch {
      // No clipboard permission (an iframe without it, an http page): the text is selected for Ctrl+C instead.
      toast("Press Ctrl+C to copy the selected secret.");
    }
  });
  return h("section", { class: "secret-box", "aria-labelledby": "secret-label" },
    h("h2", { id: "secret-label" }, label),
    h("label", { for: "secret-value", class: "visually-hidden" }, "Signing secret"),
    h("div", { class: "row" }, field, copy),
    h("p", { id: "secret-note", class: "hint" }, note));
}
