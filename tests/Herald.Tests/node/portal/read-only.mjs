// A read-only portal session: the endpoints list, an endpoint with a delivered event, the delivery and the simulator
// show no control that changes anything; a write sent with the page's own token (as the page's API client sends it)
// is refused 403 insufficient_scope and changes nothing.
import { eventually, openPortal, receiver, scenario } from "./harness.mjs";

// Names of the controls a writable session shows (the writable scenarios click them): none may show read-only.
const writeControl = /add webhook|create|edit|delete|rotate|enable|disable|redeliver|recover|retry|send test/i;

async function assertNoWriteControls(page, where) {
  const names = [];
  for (const role of ["button", "link"]) {
    for (const control of await page.getByRole(role).all()) {
      const name = (await control.getAttribute("aria-label")) ?? (await control.innerText());
      if (writeControl.test(name) && !(await control.isDisabled())) {
        names.push(`${role} "${name.trim()}"`);
      }
    }
  }
  if (names.length > 0) {
    throw new Error(`a read-only session shows ${names.join(", ")} on ${where}`);
  }
}

await scenario("read-only", async ({ input, page, shot, axe, api }) => {
  const hooks = await receiver();
  try {
    const created = await api("POST", "/v1/webhooks", { url: hooks.url, events: ["*"] });
    const webhookId = created.body.id;
    await api("POST", "/v1/events", { type: "invoice.paid", data: { invoice: "in_read_only" } });
    const delivered = await eventually("the delivery to succeed", async () => {
      const list = await api("GET", `/v1/webhooks/${webhookId}/deliveries`);
      return list.body.data.find((d) => d.status === "succeeded");
    });

    await openPortal(page, input);
    await page.getByRole("link", { name: hooks.url }).waitFor();
    await page.getByText("read only").waitFor();
    await assertNoWriteControls(page, "the endpoints");
    const checks = [await axe("endpoints, read only")];
    await shot("1-endpoints");

    await page.getByRole("link", { name: hooks.url }).click();
    await page.getByRole("heading", { name: hooks.url }).waitFor();
    await page.locator(`#deliveries tr[data-delivery="${delivered.id}"][data-status="succeeded"]`).waitFor();
    await assertNoWriteControls(page, "the endpoint");
    checks.push(await axe("endpoint, read only"));
    await shot("2-endpoint");

    await page.locator(`#deliveries tr[data-delivery="${delivered.id}"]`).getByRole("link", { name: "invoice.paid" }).click();
    await page.getByText("in_read_only").first().waitFor();
    await assertNoWriteControls(page, "the delivery");
    await shot("3-delivery");

    await page.evaluate(() => { location.hash = "#/test"; });
    await page.getByRole("button", { name: "Send test event" }).waitFor();
    if (!(await page.getByRole("button", { name: "Send test event" }).isDisabled())) {
      throw new Error("the simulator lets a read-only session send");
    }

    // The page's token, from where the page keeps it, on the route the Disable button calls.
    const forced = await page.evaluate(async (id) => {
      const token = sessionStorage.getItem("herald.portal.token");
      const response = await fetch(`/v1/webhooks/${encodeURIComponent(id)}/disable`, {
        method: "POST", headers: { Authorization: `Bearer ${token}`, Accept: "application/json" }, credentials: "omit",
      });
      return { status: response.status, body: await response.json() };
    }, webhookId);
    const after = await api("GET", `/v1/webhooks/${webhookId}`);
    return {
      webhook_id: webhookId,
      forced_status: forced.status,
      forced_code: forced.body.code,
      status_after: after.body.status,
      axe: checks,
    };
  } finally {
    await hooks.close();
  }
});
