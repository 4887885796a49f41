import { api, ApiError, listAll } from "../api";
import { loadCatalog } from "../catalog";
import { json } from "../format";
import { EventType, TestResult, Webhook } from "../types";
import { h, replace } from "../ui/dom";
import { failure } from "../ui/notice";
import { entered, Page } from "./page";
import { testOutcome } from "./webhook-form";

/** Test & Simulator: send a test event of any catalog type, with the example payload or one you edit, to an endpoint. */
export const simulatorPage: Page = async (main, access) => {
  const [webhooks, catalog] = await Promise.all([
    listAll<Webhook>("/v1/webhooks").catch((error) => error as ApiError),
    loadCatalog().catch(() => [] as EventType[]),
  ]);
  if (webhooks instanceof ApiError) {
    replace(main, h("h1", {}, "Test & Simulator"), failure("Endpoints", webhooks));
    entered(main, "Test & Simulator");
    return;
  }
  const endpoint = h("select", { id: "sim-endpoint" }, webhooks.map((w) => h("option", { value: w.id }, w.url)));
  const type = h("select", { id: "sim-type" },
    h("option", { value: "" }, "ping (Herald's test event)"),
    catalog.map((t) => h("option", { value: t.type }, t.type)));
  const payload = h("textarea", { id: "sim-data", rows: 12, spellcheck: false, "aria-describedby": "sim-data-hint" });
  const result = h("div", { id: "sim-result", "aria-live": "polite" });
  const send = h("button", { type: "submit", disabled: webhooks.length === 0 || !access.canManage }, "Send test event");
  const fill = () => {
    const chosen = catalog.find((t) => t.type === type.value);
    payload.value = chosen ? json(chosen.example ?? {}) : "";
    payload.disabled = !chosen;
  };
  type.addEventListener("change", fill);
  fill();
  const form = h("form", { class: "stack" },
    h("label", { for: "sim-endpoint" }, "Endpoint"), endpoint,
    h("label", { for: "sim-type" }, "Event type"), type,
    h("label", { for: "sim-data" }, "Event data (JSON)"), payload,
    h("p", { id: "sim-data-hint", class: "hint" }, "Starts from the catalog's example; the delivery is signed like any other."),
    h("div", { class: "actions" }, send));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    let body: { type?: string; data?: unknown } | undefined;
    if (type.value) {
      try {
        body = { type: type.value, data: payload.value.trim() ? JSON.parse(payload.value) : undefined };
      } catch {
        replace(result, h("p", { class: "notice notice-error", role: "alert" }, "The event data is not valid JSON."));
        return;
      }
    }
    send.disabled = true;
    replace(result, h("p", { class: "loading" }, "Sending…"));
    try {
      const answer = await api<TestResult>("POST", `/v1/webhooks/${encodeURIComponent(endpoint.value)}/test`, body);
      replace(result, testOutcome(answer),
        body?.type && answer.event_type !== body.type
          && h("p", { class: "notice", "data-unavailable": "true" }, "Typed test events: not available on this Herald; a ping was sent instead."));
    } catch (error) {
      replace(result, failure("The test", error));
    } finally {
      send.disabled = false;
    }
  });
  replace(main,
    h("h1", {}, "Test & Simulator"),
    h("p", { class: "lead" }, "Send a signed test event to one of your endpoints and see what it answered."),
    webhooks.length === 0 ? h("p", { class: "empty" }, "Add an endpoint first.") : form,
    result);
  entered(main, "Test & Simulator");
};
