import { api, ApiError } from "../api";
import { getDelivery } from "../deliveries";
import { dateTime, json, latency } from "../format";
import { Attempt, DeliveryDetail } from "../types";
import { badge, responseCode } from "../ui/badges";
import { h, replace } from "../ui/dom";
import { failure } from "../ui/notice";
import { toast } from "../ui/toast";
import { entered, Page } from "./page";

/** One delivery (#/webhooks/{id}/deliveries/{dlv}): what was sent, what came back, every attempt; redeliver. */
export const deliveryDetailPage: Page = async (main, access, [webhookId, deliveryId]) => {
  const back = h("p", { class: "crumbs" },
    h("a", { href: "#/webhooks" }, "Endpoints"), " / ",
    h("a", { href: `#/webhooks/${encodeURIComponent(webhookId)}` }, "Endpoint"));
  let delivery: DeliveryDetail;
  try {
    delivery = await getDelivery(webhookId, deliveryId);
  } catch (error) {
    replace(main, back, h("h1", {}, "Delivery"), failure("The delivery", error));
    entered(main, "Delivery");
    return;
  }
  const redeliver = access.canManage && h("button", { type: "button", onclick: async () => {
    try {
      await api("POST", `/v1/webhooks/${encodeURIComponent(webhookId)}/deliveries/${encodeURIComponent(deliveryId)}/retry`);
      toast("Redelivery queued.");
    } catch (error) {
      toast(`Redeliver: ${error instanceof ApiError ? error.describe() : String(error)}`, "error");
    }
  } }, "Redeliver");
  const last = delivery.attempts_list[delivery.attempts_list.length - 1];
  replace(main, back,
    h("h1", {}, delivery.event_type),
    h("dl", { class: "facts" },
      h("dt", {}, "Status"), h("dd", {}, badge(delivery.status)),
      h("dt", {}, "Delivery"), h("dd", { class: "code" }, delivery.id),
      h("dt", {}, "Event"), h("dd", { class: "code" }, delivery.event_id),
      h("dt", {}, "Next attempt"), h("dd", {}, dateTime(delivery.next_attempt_at))),
    redeliver && h("div", { class: "actions" }, redeliver),
    h("section", { class: "card", "aria-labelledby": "request-title" },
      h("h2", { id: "request-title" }, "Request"),
      delivery.request
        ? [h("h3", {}, "Headers"), h("pre", { tabindex: 0, "aria-label": "Request headers" }, json(delivery.request.headers)),
          h("h3", {}, "Body"), h("pre", { tabindex: 0, "aria-label": "Request body" }, json(delivery.request.body))]
        : last?.request_headers
          ? h("pre", { tabindex: 0, "aria-label": "Request headers" }, json(last.request_headers))
          : h("p", { class: "notice" }, "Request: not available on this Herald.")),
    h("section", { class: "card", "aria-labelledby": "attempts-title" },
      h("h2", { id: "attempts-title" }, "Attempts"),
      h("ol", { class: "timeline" }, delivery.attempts_list.map(attemptItem))));
  entered(main, delivery.event_type);
};

function attemptItem(attempt: Attempt): HTMLElement {
  return h("li", { "data-attempt": attempt.attempt },
    h("p", {}, h("strong", {}, `Attempt ${attempt.attempt}`), " ", badge(attempt.status), " ",
      `${responseCode(attempt.status_code)} in ${latency(attempt.latency_ms)} at ${dateTime(attempt.attempted_at)}`),
    attempt.error && h("p", { class: "notice notice-error" }, attempt.error),
    attempt.next_attempt_at && h("p", { class: "hint" }, `Next attempt ${dateTime(attempt.next_attempt_at)}`),
    attempt.response_excerpt && h("pre", { class: "excerpt", tabindex: 0, "aria-label": `Response of attempt ${attempt.attempt}` }, attempt.response_excerpt));
}
