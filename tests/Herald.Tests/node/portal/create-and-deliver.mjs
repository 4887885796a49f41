// Open the portal with a token → add an endpoint on a receiver (events from the catalog, test ping on save) → the
// secret is shown once → the endpoint is listed → an event published through the API appears among its deliveries,
// live, and reached the receiver signed with that secret → delivery detail, catalog, simulator; axe on every page.
import { Webhook } from "standardwebhooks";
import { eventually, openPortal, receiver, scenario } from "./harness.mjs";

await scenario("create-and-deliver", async ({ input, page, shot, axe, api }) => {
  const hooks = await receiver();
  const checks = [];
  try {
    await openPortal(page, input);
    await page.getByRole("heading", { name: "Webhook Endpoints" }).waitFor();
    await page.getByText("No endpoints yet").waitFor();
    checks.push(await axe("endpoints (empty)"));

    // By keyboard: Tab reaches "Add Webhook Endpoint", Enter opens the form, and focus lands on its heading.
    for (let presses = 0; presses < 12 && (await page.evaluate(() => document.activeElement?.textContent)) !== "Add Webhook Endpoint"; presses++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Add Webhook Endpoint" }).waitFor();
    await eventually("focus on the form's heading", () => page.evaluate(() => document.activeElement?.textContent === "Add Webhook Endpoint"), 5000);
    await page.getByLabel("Endpoint URL").fill(hooks.url);
    await page.getByLabel("Description (optional)").fill("ops receiver");
    await page.getByRole("group", { name: "Compute" }).getByLabel("server.provisioned").check();
    await page.getByRole("group", { name: "Kubernetes" }).getByLabel("deployment.failed").check();
    checks.push(await axe("add endpoint"));
    await shot("1-add-endpoint");
    await page.getByRole("button", { name: "Create endpoint" }).click();

    await page.getByRole("heading", { name: "Endpoint created" }).waitFor();
    const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    if (!secret.startsWith("whsec_")) {
      throw new Error(`the secret shown is ${secret}`);
    }
    await page.getByRole("heading", { name: "Test ping delivered" }).waitFor();
    checks.push(await axe("endpoint created"));
    await shot("2-secret-shown-once");

    await page.getByRole("link", { name: "Go to the endpoint" }).click();
    await page.getByRole("heading", { name: hooks.url }).waitFor();
    const webhookId = decodeURIComponent(new URL(page.url()).hash.split("/")[2]);
    await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Endpoints" }).click();
    const row = page.locator(`tr[data-webhook="${webhookId}"]`);
    await row.getByRole("link", { name: hooks.url }).waitFor();
    await row.getByText("active").waitFor();
    await shot("3-endpoints");

    const published = await api("POST", "/v1/events", { type: "server.provisioned", data: { server_id: "srv-8x29k4", region: "us-east-1" } });
    if (published.status !== 202) {
      throw new Error(`publish answered ${published.status}`);
    }
    await row.getByRole("link", { name: hooks.url }).click();
    // No reload: the deliveries table updates itself.
    const delivered = page.locator('#deliveries tr[data-status="succeeded"]', { hasText: "server.provisioned" });
    await delivered.waitFor({ timeout: 30000 });
    await delivered.locator("td.code", { hasText: "200" }).waitFor();
    checks.push(await axe("endpoint with deliveries"));
    await shot("4-deliveries");

    const event = await eventually("the event at the receiver", () => hooks.received.find((r) => r.body.includes("srv-8x29k4")));
    new Webhook(secret).verify(event.body, event.headers);

    await delivered.getByRole("link", { name: "server.provisioned" }).click();
    await page.getByRole("heading", { name: "server.provisioned" }).waitFor();
    await page.getByText("Attempt 1", { exact: false }).first().waitFor();
    checks.push(await axe("delivery detail"));
    await shot("5-delivery-detail");

    await page.getByRole("link", { name: "Event catalog" }).click();
    await page.getByRole("heading", { name: "Event Catalog" }).waitFor();
    await page.getByRole("heading", { name: "Kubernetes" }).waitFor();
    checks.push(await axe("catalog"));
    await shot("6-catalog");

    await page.getByRole("link", { name: "Test & Simulator" }).click();
    await page.getByRole("heading", { name: "Test & Simulator" }).waitFor();
    await page.getByLabel("Event type").selectOption("deployment.failed");
    await page.getByRole("button", { name: "Send test event" }).click();
    await page.locator("#sim-result [data-test-outcome]").waitFor();
    const outcome = await page.locator("#sim-result [data-test-outcome]").getAttribute("data-test-outcome");
    checks.push(await axe("test & simulator"));
    await shot("7-simulator");
    return { webhook_id: webhookId, secret_shown: true, signature_verified: true, simulator: outcome, received: hooks.received.length, axe: checks };
  } finally {
    await hooks.close();
  }
});
