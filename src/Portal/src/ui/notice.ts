import { ApiError } from "../api";
import { h } from "./dom";

/**
 * What a part of a page says when its request failed. For a route an older Herald may lack (`optional`), a 404 or 405
 * says "not available" rather than an error.
 */
export function failure(what: string, error: unknown, optional = false): HTMLElement {
  if (optional && error instanceof ApiError && error.unavailable) {
    return h("p", { class: "notice", "data-unavailable": "true" }, `${what}: not available on this Herald.`);
  }
  const message = error instanceof ApiError ? error.describe() : String(error);
  return h("p", { class: "notice notice-error", role: "alert" }, `${what}: ${message}`);
}

export function loading(what: string): HTMLElement {
  return h("p", { class: "loading", "aria-busy": "true" }, `Loading ${what}…`);
}
