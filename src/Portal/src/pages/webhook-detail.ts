import { api, ApiError } from "../api";
import { age, dateTime, latency } from "../format";
import { Stats, Webhook } from "../types";
import { badge } from "../ui/badges";
import { confirmAction } from "../ui/confirm";
import { h, replace } from "../ui/dom";
import { failure, loading } from "../ui/notice";
import { secretBox } from "../ui/secret";
import { toast } from "../ui/toast";
import { deliveriesPanel } from "./deliveries-panel";
import { entered, Page } from "./page";
import { testOutcome } from "./webhook-form";

/** One endpoint (#/webhooks/{id}): status, stats, controls (enable, disable, rotate, test, delete) and its deliveries. */
export const webhookDetailPage: Page = async (main, access, [id]) => {
  const path = `/v1/webhooks/${encodeURIComponent(id)}`;
  let webhook: Webhook;
  try {
    webhook = await api<Webhook>("GET", path);
  } catch (error) {
    replace(main, h("h1", {}, "Endpoint"), failure("The endpoint", error));
    entered(main, "Endpoint");
    return;
  }
  const summary = h("div", { id: "summary" });
  const stats = h("section", { "aria-labelledby": "stats-title", class: "card" }, h("h2", { id: "stats-title" }, "Health"), loading("stats"));
  const outcome = h("div", { id: "outcome" });
  const deliveries = deliveriesPanel(id, access.canManage);

  const act = async (label: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      toast(`${label}: ${error instanceof ApiError ? error.describe() : String(error)}`, "error");
    }
  };
  const draw = () => replace(summary,
    h("dl", { class: "facts" },
      h("dt", {}, "Status"), h("dd", { id: "webhook-status" }, badge(webhook.status, webhook.disabled_reason)),
      h("dt", {}, "Events"), h("dd", {}, webhook.events.join(", ")),
      webhook.source && [h("dt", {}, "Source"), h("dd", {}, webhook.source)],
      webhook.description && [h("dt", {}, "Description"), h("dd", {}, webhook.description)],
      h("dt", {}, "Consecutive failures"), h("dd", {}, webhook.consecutive_failures),
      h("dt", {}, "Created"), h("dd", {}, dateTime(webhook.created_at))),
    access.canManage && h("div", { class: "actions", role: "group", "aria-label": "Endpoint actions" },
      h("a", { class: "button secondary", href: `#/webhooks/${encodeURIComponent(id)}/edit` }, "Edit"),
      webhook.status === "active"
        ? h("button", { type: "button", class: "secondary", onclick: () => act("Disable", async () => {
          webhook = await api<Webhook>("POST", `${path}/disable`);
          toast("Endpoint disabled: its events are held until you enable it.");
          draw();
        }) }, "Disable")
        : h("button", { type: "button", class: "secondary", onclick: () => act("Enable", async () => {
          webhook = await api<Webhook>("POST", `${path}/enable`);
          toast("Endpoint enabled: held events are being delivered.");
          draw();
        }) }, "Enable"),
      h("button", { type: "button", class: "secondary", onclick: () => act("Test", async () => {
        replace(outcome, loading("the test ping"));
        replace(outcome, testOutcome(await api("POST", `${path}/test`)));
      }) }, "Send test ping"),
      h("button", { type: "button", class: "secondary", onclick: () => act("Rotate", async () => {
        if (!(await confirmAction("Rotate the signing secret?", "A new secret signs from now on; the current one keeps signing beside it for 24 hours, so receivers can switch over.", "Rotate secret"))) {
          return;
        }
        const rotated = await api<{ secret: string; previous_expires_at: string }>("POST", `${path}/rotate-secret`, {});
        replace(outcome, secretBox("New signing secret", rotated.secret,
          `Copy it now: it is shown only this once. The previous secret stops signing at ${dateTime(rotated.previous_expires_at)}.`));
      }) }, "Rotate secret"),
      h("button", { type: "button", class: "danger", onclick: () => act("Delete", async () => {
        if (!(await confirmAction("Delete this endpoint?", `${webhook.url} stops receiving events and its queued deliveries are dropped. This cannot be undone.`, "Delete endpoint"))) {
          return;
        }
        await api("DELETE", path);
        toast("Endpoint deleted.");
        location.hash = "#/webhooks";
      }) }, "Delete")));
  draw();
  replace(main,
    h("p", { class: "crumbs" }, h("a", { href: "#/webhooks" }, "Endpoints")),
    h("h1", { class: "url" }, webhook.url),
    summary, outcome, stats, deliveries.element);
  entered(main, webhook.url);
  void loadStats(path, stats);
  deliveries.start();
  return () => deliveries.stop();
};

async function loadStats(path: string, into: HTMLElement): Promise<void> {
  try {
    const s = await api<Stats>("GET", `${path}/stats`);
    const rate = (r: number | null) => (r === null ? "—" : `${Math.round(r * 1000) / 10}%`);
    replace(into, h("h2", { id: "stats-title" }, "Health"),
      h("dl", { class: "facts" },
        h("dt", {}, "Last hour"), h("dd", {}, `${s.last_hour.succeeded} succeeded, ${s.last_hour.failed} failed (${rate(s.last_hour.success_rate)})`),
        h("dt", {}, "Last day"), h("dd", {}, `${s.last_day.succeeded} succeeded, ${s.last_day.failed} failed (${rate(s.last_day.success_rate)})`),
        h("dt", {}, "Last success"), h("dd", {}, age(s.last_success_at)),
        h("dt", {}, "Last failure"), h("dd", {}, age(s.last_failure_at)),
        h("dt", {}, "Queue"), h("dd", {}, `${s.queue_depth} waiting${s.oldest_pending_age_seconds ? `, oldest ${latency(s.oldest_pending_age_seconds * 1000)}` : ""}`)));
  } catch (error) {
    replace(into, h("h2", { id: "stats-title" }, "Health"), failure("Stats", error, true));
  }
}
