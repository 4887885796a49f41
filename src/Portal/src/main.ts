import "./style.css";
import { ApiError, currentToken } from "./api";
import { catalogPage } from "./pages/catalog-page";
import { deliveryDetailPage } from "./pages/delivery-detail";
import { Page } from "./pages/page";
import { simulatorPage } from "./pages/simulator";
import { webhookDetailPage } from "./pages/webhook-detail";
import { webhookFormPage } from "./pages/webhook-form";
import { webhooksPage } from "./pages/webhooks";
import { forgetToken } from "./session";
import { Access, loadAccess } from "./session-context";
import { h, replace } from "./ui/dom";

// Hash routes: the page lives at /portal whatever is shown, so the server needs no route per page.
const routes: [RegExp, Page, string][] = [
  [/^\/webhooks\/new$/, webhookFormPage, "webhooks"],
  [/^\/webhooks\/([^/]+)\/edit$/, webhookFormPage, "webhooks"],
  [/^\/webhooks\/([^/]+)\/deliveries\/([^/]+)$/, deliveryDetailPage, "webhooks"],
  [/^\/webhooks\/([^/]+)$/, webhookDetailPage, "webhooks"],
  [/^\/webhooks$/, webhooksPage, "webhooks"],
  [/^\/catalog$/, catalogPage, "catalog"],
  [/^\/test$/, simulatorPage, "test"],
];

const main = document.getElementById("main")!;
let leave: (() => void) | void;

async function show(access: Access): Promise<void> {
  leave?.();
  leave = undefined;
  const path = decodeURIComponent(location.hash.replace(/^#/, "")) || "/webhooks";
  if (path.startsWith("token=")) {
    // A new token given to an open page (an embedding frame's new src): start again with it.
    location.reload();
    return;
  }
  const match = routes.find(([pattern]) => pattern.test(path));
  if (!match) {
    location.hash = "#/webhooks";
    return;
  }
  const [pattern, page, section] = match;
  for (const link of document.querySelectorAll<HTMLAnchorElement>("[data-nav]")) {
    if (link.dataset.nav === section) {
      link.setAttribute("aria-current", "page");
    } else {
      link.removeAttribute("aria-current");
    }
  }
  const params = pattern.exec(path)!.slice(1);
  leave = await page(main, access, params);
}

const expired = "This link has expired or was revoked. Open the portal again from your dashboard.";

function signedOut(message: string): void {
  leave?.();
  leave = undefined;
  forgetToken();
  document.getElementById("nav")?.replaceChildren();
  replace(main, h("h1", {}, "Webhooks"), h("p", { class: "notice notice-error", role: "alert" }, message));
}

async function start(): Promise<void> {
  if (!currentToken()) {
    signedOut("No access token. Open this portal from your dashboard's link (it ends in #token=…).");
    return;
  }
  let access: Access;
  try {
    access = await loadAccess();
  } catch (error) {
    signedOut(error instanceof ApiError && error.status === 401
      ? expired
      : `The portal could not start: ${error instanceof ApiError ? error.describe() : String(error)}`);
    return;
  }
  const who = access.me
    ? `${access.me.account_id ?? ""}${access.me.read_only ? " · read only" : ""}${access.me.expires_at ? ` · until ${new Date(access.me.expires_at).toLocaleTimeString()}` : ""}`
    : "";
  document.getElementById("session")!.textContent = who;
  window.addEventListener("hashchange", () => void show(access));
  window.addEventListener("herald:unauthorized", () => signedOut(expired), { once: true });
  await show(access);
}

void start();
