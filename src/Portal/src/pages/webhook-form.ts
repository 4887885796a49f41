import { api, ApiError } from "../api";
import { loadCatalog } from "../catalog";
import { latency } from "../format";
import { EventType, TestResult, Webhook } from "../types";
import { h, replace } from "../ui/dom";
import { eventsPicker } from "../ui/events-picker";
import { failure } from "../ui/notice";
import { secretBox } from "../ui/secret";
import { toast } from "../ui/toast";
import { entered, Page } from "./page";

/** Add an endpoint (#/webhooks/new) or edit one (#/webhooks/{id}/edit): URL, description, source, events; test ping on save. */
export const webhookFormPage: Page = async (main, access, [id]) => {
  const editing = id !== undefined;
  const [catalog, existing] = await Promise.all([
    loadCatalog().catch(() => [] as EventType[]),
    editing ? api<Webhook>("GET", `/v1/webhooks/${encodeURIComponent(id)}`).catch((error) => error as ApiError) : Promise.resolve(undefined),
  ]);
  const title = editing ? "Edit Webhook Endpoint" : "Add Webhook Endpoint";
  if (existing instanceof ApiError) {
    replace(main, h("h1", {}, title), failure("The endpoint", existing));
    entered(main, title);
    return;
  }
  const url = h("input", { id: "url", name: "url", type: "url", required: true, value: existing?.url ?? "", placeholder: "https://example.com/webhooks", autocomplete: "url" });
  const description = h("input", { id: "description", name: "description", type: "text", value: existing?.description ?? "" });
  const source = sourceField(access.sources, existing?.source ?? null);
  const picker = eventsPicker(catalog, existing?.events ?? []);
  const test = h("input", { id: "test-on-save", type: "checkbox", checked: !editing });
  const errors = h("div", { id: "form-errors", role: "alert" });
  const submit = h("button", { type: "submit" }, editing ? "Save changes" : "Create endpoint");
  const form = h("form", { class: "stack", novalidate: false },
    h("label", { for: "url" }, "Endpoint URL"), url,
    h("label", { for: "description" }, "Description (optional)"), description,
    source?.element,
    picker.element,
    h("div", { class: "check" }, test, h("label", { for: "test-on-save" }, "Send a test ping on save")),
    errors,
    h("div", { class: "actions" }, submit,
      h("a", { class: "button secondary", href: editing ? `#/webhooks/${encodeURIComponent(id)}` : "#/webhooks" }, "Cancel")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    replace(errors);
    const events = picker.selected();
    if (events.length === 0) {
      replace(errors, h("p", { class: "notice notice-error" }, "Choose at least one event."));
      return;
    }
    submit.disabled = true;
    try {
      const fields = { url: url.value.trim(), events, description: description.value.trim() || null, ...(source ? { source: source.value() } : {}) };
      const saved = editing
        ? await api<Webhook>("PATCH", `/v1/webhooks/${encodeURIComponent(id)}`, fields)
        : await create(fields, test.checked);
      const outcome = editing && test.checked ? await ping(saved.id) : saved.test;
      if (saved.secret) {
        replace(main, h("h1", {}, "Endpoint created"),
          secretBox("Signing secret", saved.secret, "Copy it now: it is shown only this once. Use it to verify the signature of every delivery."),
          outcome && testOutcome(outcome),
          h("a", { class: "button", href: `#/webhooks/${encodeURIComponent(saved.id)}` }, "Go to the endpoint"));
        entered(main, "Endpoint created");
      } else {
        toast("Endpoint saved.");
        if (outcome) {
          toast(outcome.succeeded ? `Test ping answered ${outcome.status_code}.` : `Test ping failed: ${outcome.error ?? outcome.status_code}.`, outcome.succeeded ? "info" : "error");
        }
        location.hash = `#/webhooks/${encodeURIComponent(saved.id)}`;
      }
    } catch (error) {
      replace(errors, failure(editing ? "Saving" : "Creating", error));
      submit.disabled = false;
    }
  });
  replace(main, h("h1", {}, title), form);
  entered(main, title);
};

// POST /v1/webhooks with "test": true sends the ping in the same call; a Herald without that field refuses it (400
// naming it, nothing created), and the ping is then sent through /test after the creation.
async function create(fields: Record<string, unknown>, test: boolean): Promise<Webhook> {
  if (!test) {
    return api<Webhook>("POST", "/v1/webhooks", fields);
  }
  try {
    return await api<Webhook>("POST", "/v1/webhooks", { ...fields, test: true });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 400 && JSON.stringify(error.errors ?? error.detail).includes("test"))) {
      throw error;
    }
  }
  const created = await api<Webhook>("POST", "/v1/webhooks", fields);
  return { ...created, test: await ping(created.id) };
}

async function ping(id: string): Promise<TestResult | undefined> {
  try {
    return await api<TestResult>("POST", `/v1/webhooks/${encodeURIComponent(id)}/test`);
  } catch (error) {
    toast(`Test ping not sent: ${error instanceof ApiError ? error.describe() : String(error)}`, "error");
    return undefined;
  }
}

export function testOutcome(result: TestResult): HTMLElement {
  return h("section", { class: `test-outcome ${result.succeeded ? "ok" : "bad"}`, "aria-labelledby": "test-outcome-title", "data-test-outcome": result.succeeded ? "succeeded" : "failed" },
    h("h2", { id: "test-outcome-title" }, result.succeeded ? "Test ping delivered" : "Test ping failed"),
    h("p", {}, `Response ${result.status_code ?? "—"} in ${latency(result.latency_ms)}${result.error ? ` — ${result.error}` : ""}`),
    result.response_excerpt && h("pre", { class: "excerpt" }, result.response_excerpt));
}

function sourceField(sources: string[] | null, current: string | null): { element: HTMLElement; value: () => string | null } | undefined {
  if (sources === null) {
    const input = h("input", { id: "source", type: "text", value: current ?? "", "aria-describedby": "source-hint" });
    return {
      element: h("div", { class: "stack" }, h("label", { for: "source" }, "Source (optional)"), input,
        h("p", { id: "source-hint", class: "hint" }, "Only events published with this source are sent.")),
      value: () => input.value.trim() || null,
    };
  }
  // A token limited to sources creates webhooks of those sources only.
  const select = h("select", { id: "source" }, sources.map((s) => h("option", { value: s, selected: s === current }, s)));
  return { element: h("div", { class: "stack" }, h("label", { for: "source" }, "Source"), select), value: () => select.value };
}
