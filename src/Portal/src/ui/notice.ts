import { ApiError } from "../api";
import { h } from "./dom";

/** What a part of a page says when its request failed: "not available" for a route this Herald does not have. */
export function failure(what: string, error: unknown): HTMLElement {
  if (error instanceof ApiError && error.unavailable) {
    return h("p", { class: "notice", "data-unavailable": "true" }, `${what}: not available on this Herald.`);
  }
  const message = error instanceof ApiError ? error.describe() : String(error);
  return h("p", { class: "notice notice-error", role: "alert" }, `${what}: ${message}`);
}

export function loading(what: string): HTMLElement {
  return h("p", { class: "loading", "aria-busy": "true" }, `Loading ${what}…`);
}
