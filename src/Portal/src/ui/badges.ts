import { h } from "./dom";

const tones: Record<string, string> = {
  active: "ok", succeeded: "ok", disabled: "muted", pending: "warn", held: "muted", failed: "bad",
};

/** A status as text with a colour: the word carries the meaning, the colour only repeats it. */
export function badge(status: string, detail?: string | null): HTMLElement {
  return h("span", { class: `badge badge-${tones[status] ?? "muted"}` }, detail ? `${status} (${detail})` : status);
}

export function responseCode(code: number | null | undefined): string {
  return code === null || code === undefined ? "—" : String(code);
}
