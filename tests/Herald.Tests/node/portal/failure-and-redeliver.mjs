// An endpoint whose receiver fails: the portal shows the 500 and the retry, then the exhausted delivery; the receiver
// heals and "Redeliver" delivers it; another failed one is recovered ("since" a time); the secret is rotated (shown once, the next delivery is signed with it); disable,
// enable and delete (confirmed in a dialog, cancelled with Escape first). The account retries once after 2 s.
import { Webhook } from "standardwebhooks";
import { eventually, openPortal, receiver, scenario } from "./harness.mjs";

await scenario("failure-and-redeliver", async ({ input, page, shot, axe, api }) => {
  const hooks = await receiver();
  const checks = [];
  try {
    await openPortal(page, input, "/webhooks/new");
    await page.getByRole("heading", { name: "Add Webhook Endpoint" }).waitFor();
    await page.getByLabel("Endpoint URL").fill(hooks.url);
    await page.getByLabel("All events (*)").check();
    await page.getByLabel("Send a test ping on save").uncheck();
    await page.getByRole("button", { name: "Create endpoint" }).click();
    const secret = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    await page.getByRole("link", { name: "Go to the endpoint" }).click();
    await page.getByRole("heading", { name: hooks.url }).waitFor();
    const webhookId = decodeURIComponent(new URL(page.url()).hash.split("/")[2]);

    hooks.answer(500);
    const published = await api("POST", "/v1/events", { type: "deployment.failed", data: { site: "my-nextjs-app" } });
    if (published.status !== 202) {
      throw new Error(`publish answered ${published.status}`);
    }
    const rows = page.locator("#deliveries tr", { hasText: "deployment.failed" });
    await rows.locator("td.code", { hasText: "500" }).first().waitFor({ timeout: 30000 });
    const failed = page.locator('#deliveries tr[data-status="failed"]', { hasText: "deployment.failed" });
    await failed.waitFor({ timeout: 30000 });
    const deliveryId = await failed.getAttribute("data-delivery");
    await eventually("both attempts at the receiver", () => hooks.received.filter((r) => r.answered === 500).length >= 2);
    checks.push(await axe("endpoint with a failed delivery"));
    await shot("1-failed");

    hooks.answer(200);
    await failed.getByRole("button", { name: /Redeliver/ }).click();
    await page.locator(`#deliveries tr[data-delivery="${deliveryId}"][data-status="succeeded"]`).waitFor({ timeout: 30000 });
    await eventually("the redelivery at the receiver", () => hooks.received.find((r) => r.answered === 200 && r.body.includes("my-nextjs-app")));
    await shot("2-redelivered");

    // Recover: another event fails to the end, the receiver heals, "Resend failed deliveries since" a minute ago.
    hooks.answer(500);
    await api("POST", "/v1/events", { type: "deployment.started", data: { site: "recovered-site" } });
    const second = page.locator('#deliveries tr[data-status="failed"]', { hasText: "deployment.started" });
    await second.waitFor({ timeout: 30000 });
    const secondId = await second.getAttribute("data-delivery");
    hooks.answer(200);
    const minuteAgo = await page.evaluate(() => {
      const t = new Date(Date.now() - 60000);
      const pad = (n) => String(n).padStart(2, "0");
      return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
    });
    await page.getByLabel("Resend failed deliveries since").fill(minuteAgo);
    await page.getByRole("button", { name: "Recover" }).click();
    await page.locator(`#deliveries tr[data-delivery="${secondId}"][data-status="succeeded"]`).waitFor({ timeout: 30000 });
    await eventually("the recovered delivery at the receiver", () => hooks.received.find((r) => r.answered === 200 && r.body.includes("recovered-site")));

    await page.getByRole("button", { name: "Rotate secret" }).click();
    const dialog = page.getByRole("dialog", { name: "Rotate the signing secret?" });
    await dialog.waitFor();
    checks.push(await axe("rotate dialog"));
    await dialog.getByRole("button", { name: "Rotate secret" }).click();
    await page.getByRole("heading", { name: "New signing secret" }).waitFor();
    const rotated = await page.getByRole("textbox", { name: "Signing secret" }).inputValue();
    if (!rotated.startsWith("whsec_") || rotated === secret) {
      throw new Error("the rotation showed no new secret");
    }
    await shot("3-rotated");
    await api("POST", "/v1/events", { type: "deployment.completed", data: { site: "after-rotation" } });
    const signed = await eventually("a delivery after the rotation", () => hooks.received.find((r) => r.body.includes("after-rotation")));
    new Webhook(rotated).verify(signed.body, signed.headers);

    await page.getByRole("button", { name: "Disable" }).click();
    await page.locator("#webhook-status", { hasText: "disabled" }).waitFor();
    await page.getByRole("button", { name: "Enable" }).click();
    await page.locator("#webhook-status", { hasText: "active" }).waitFor();

    const remove = page.getByRole("button", { name: "Delete" });
    await remove.click();
    await page.getByRole("dialog", { name: "Delete this endpoint?" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    if (!(await remove.evaluate((button) => button === document.activeElement))) {
      throw new Error("focus did not return to the Delete button");
    }
    const stillThere = await api("GET", `/v1/webhooks/${webhookId}`);
    if (stillThere.status !== 200) {
      throw new Error(`cancelling deleted the endpoint (${stillThere.status})`);
    }
    await remove.click();
    await page.getByRole("dialog", { name: "Delete this endpoint?" }).getByRole("button", { name: "Delete endpoint" }).click();
    await page.getByRole("heading", { name: "Webhook Endpoints" }).waitFor();
    await eventually("the endpoint deleted", async () => (await api("GET", `/v1/webhooks/${webhookId}`)).status === 404);
    return { webhook_id: webhookId, delivery_id: deliveryId, rotated: true, deleted: true, axe: checks };
  } finally {
    await hooks.close();
  }
});
