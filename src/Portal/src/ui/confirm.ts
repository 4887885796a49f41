import { h } from "./dom";

/**
 * A modal confirmation (the native dialog element: focus moves into it, Escape cancels, focus returns after).
 * Resolves true only when the user presses the confirming button.
 */
export function confirmAction(title: string, message: string, action: string): Promise<boolean> {
  return new Promise((resolve) => {
    const heading = h("h2", { id: "confirm-title" }, title);
    const cancel = h("button", { type: "button", class: "secondary" }, "Cancel");
    const ok = h("button", { type: "button", class: "danger", "data-confirm": "yes" }, action);
    const dialog = h("dialog", { "aria-labelledby": "confirm-title", class: "confirm" },
      heading, h("p", {}, message), h("div", { class: "actions" }, cancel, ok));
    const opener = document.activeElement as HTMLElement | null;
    const close = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      opener?.focus();
      resolve(answer);
    };
    cancel.addEventListener("click", () => close(false));
    ok.addEventListener("click", () => close(true));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      close(false);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
