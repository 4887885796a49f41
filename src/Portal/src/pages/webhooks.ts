import { listAll } from "../api";
import { age } from "../format";
import { Poller } from "../poller";
import { badge } from "../ui/badges";
import { h, replace } from "../ui/dom";
import { failure, loading } from "../ui/notice";
import { Webhook } from "../types";
import { entered, Page } from "./page";

/** Endpoints: every webhook of the account (or of the token's sources) with its status; add one from here. */
export const webhooksPage: Page = async (main, access) => {
  const list = h("div", { id: "webhook-list" }, loading("endpoints"));
  replace(main,
    h("div", { class: "page-head" },
      h("div", {},
        h("h1", {}, "Webhook Endpoints"),
        h("p", { class: "lead" }, "Receive real-time event notifications. Configure endpoints, manage signatures, and monitor deliveries.")),
      access.canManage && h("a", { class: "button", href: "#/webhooks/new" }, "Add Webhook Endpoint")),
    list);
  const refresh = async () => {
    try {
      replace(list, table(await listAll<Webhook>("/v1/webhooks")));
    } catch (error) {
      replace(list, failure("Endpoints", error));
      throw error;
    }
  };
  await refresh().catch(() => undefined);
  entered(main, "Webhook Endpoints");
  const poller = new Poller(refresh, 10000);
  poller.start();
  return () => poller.stop();
};

function table(webhooks: Webhook[]): HTMLElement {
  if (webhooks.length === 0) {
    return h("p", { class: "empty" }, "No endpoints yet. Add one to start receiving events.");
  }
  return h("table", { class: "grid" },
    h("caption", { class: "visually-hidden" }, "Webhook endpoints"),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Endpoint"), h("th", { scope: "col" }, "Status"), h("th", { scope: "col" }, "Events"),
      h("th", { scope: "col" }, "Created"))),
    h("tbody", {}, webhooks.map((webhook) => h("tr", { "data-webhook": webhook.id },
      h("td", {},
        h("a", { href: `#/webhooks/${encodeURIComponent(webhook.id)}`, class: "url" }, webhook.url),
        webhook.description && h("div", { class: "hint" }, webhook.description)),
      h("td", {}, badge(webhook.status, webhook.disabled_reason)),
      h("td", {}, webhook.events.join(", ")),
      h("td", {}, age(webhook.created_at))))));
}
