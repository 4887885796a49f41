import { api, ApiError } from "../api";
import { DeliveryFilter, listDeliveries } from "../deliveries";
import { age, fromLocalInput, latency } from "../format";
import { Poller } from "../poller";
import { Delivery } from "../types";
import { badge, responseCode } from "../ui/badges";
import { h, replace } from "../ui/dom";
import { failure } from "../ui/notice";
import { toast } from "../ui/toast";

/** A webhook's deliveries with filters, live (polled), each with its detail and a redeliver button; recover since a time. */
export function deliveriesPanel(webhookId: string, canManage: boolean) {
  const path = `/v1/webhooks/${encodeURIComponent(webhookId)}`;
  const status = h("select", { id: "filter-status" },
    ["", "pending", "held", "succeeded", "failed"].map((s) => h("option", { value: s }, s || "any")));
  const type = h("input", { id: "filter-type", type: "text", placeholder: "invoice.*" });
  const since = h("input", { id: "filter-since", type: "datetime-local" });
  const rows = h("div", { id: "deliveries", "aria-live": "polite", "aria-busy": "true" });
  const updated = h("p", { class: "hint", id: "deliveries-updated" });
  let filter: DeliveryFilter = {};

  const refresh = async () => {
    try {
      const deliveries = await listDeliveries(webhookId, filter);
      replace(rows, table(deliveries));
      rows.setAttribute("aria-busy", "false");
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}; refreshes every 5 seconds.`;
    } catch (error) {
      replace(rows, failure("Deliveries", error));
      throw error;
    }
  };

  const redeliver = async (delivery: Delivery) => {
    try {
      await api("POST", `${path}/deliveries/${encodeURIComponent(delivery.id)}/retry`);
      toast(`Redelivery of ${delivery.event_type} queued.`);
      await refresh();
    } catch (error) {
      toast(`Redeliver: ${error instanceof ApiError ? error.describe() : String(error)}`, "error");
    }
  };

  const table = (deliveries: Delivery[]) => deliveries.length === 0
    ? h("p", { class: "empty" }, "No deliveries yet.")
    : h("table", { class: "grid" },
      h("caption", { class: "visually-hidden" }, "Recent deliveries"),
      h("thead", {}, h("tr", {},
        ["Event", "Status", "Response", "Latency", "Attempts", "Age", "Actions"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, deliveries.map((d) => h("tr", { "data-delivery": d.id, "data-status": d.status },
        h("td", {}, h("a", { href: `#/webhooks/${encodeURIComponent(webhookId)}/deliveries/${encodeURIComponent(d.id)}` }, d.event_type)),
        h("td", {}, badge(d.status, d.status === "pending" && d.next_attempt_at ? `retry ${age(d.next_attempt_at).replace(" ago", "")}` : null)),
        h("td", { class: "code" }, responseCode(d.last_status_code)),
        h("td", {}, latency(d.last_latency_ms)),
        h("td", {}, d.attempts),
        h("td", {}, age(d.created_at)),
        h("td", {}, canManage && (d.status === "failed" || d.status === "succeeded")
          && h("button", { type: "button", class: "small secondary", "aria-label": `Redeliver ${d.event_type} ${d.id}`, onclick: () => void redeliver(d) }, "Redeliver"))))));

  const filters = h("form", { class: "filters", "aria-label": "Filter deliveries" },
    h("div", {}, h("label", { for: "filter-status" }, "Status"), status),
    h("div", {}, h("label", { for: "filter-type" }, "Event type"), type),
    h("div", {}, h("label", { for: "filter-since" }, "Since"), since),
    h("button", { type: "submit", class: "secondary" }, "Apply"));
  filters.addEventListener("submit", (event) => {
    event.preventDefault();
    filter = { status: status.value || undefined, event_type: type.value.trim() || undefined, since: fromLocalInput(since.value) };
    void refresh().catch(() => undefined);
  });

  const recoverSince = h("input", { id: "recover-since", type: "datetime-local", required: true });
  const recover = h("form", { class: "filters", "aria-label": "Recover failed deliveries" },
    h("div", {}, h("label", { for: "recover-since" }, "Resend failed deliveries since"), recoverSince),
    h("button", { type: "submit", class: "secondary" }, "Recover"),
    h("button", { type: "button", class: "secondary", onclick: () => void retryFailed() }, "Retry all failed"));
  recover.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const answer = await api<{ recovered: number }>("POST", `${path}/recover`, { since: fromLocalInput(recoverSince.value) });
      toast(`${answer.recovered} failed deliveries queued again.`);
      await refresh();
    } catch (error) {
      toast(`Recover: ${error instanceof ApiError ? error.describe() : String(error)}`, "error");
    }
  });
  const retryFailed = async () => {
    try {
      const answer = await api<{ matched: number }>("POST", `${path}/deliveries/retry`, { status: "failed", ...filter.event_type ? { event_type: filter.event_type } : {}, ...filter.since ? { since: filter.since } : {} });
      toast(`${answer.matched} failed deliveries are being queued again.`);
    } catch (error) {
      toast(error instanceof ApiError && error.unavailable ? "Retry all failed: not available on this Herald; use Recover." : `Retry all failed: ${error instanceof ApiError ? error.describe() : String(error)}`, "error");
    }
  };

  const element = h("section", { "aria-labelledby": "deliveries-title", class: "card" },
    h("h2", { id: "deliveries-title" }, "Recent Deliveries"), filters, updated, rows, canManage && recover);
  const poller = new Poller(refresh, 5000);
  return {
    element,
    start: () => {
      void refresh().catch(() => undefined);
      poller.start();
    },
    stop: () => poller.stop(),
  };
}
