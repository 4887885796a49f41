// Hostwares's documented receiver: express.raw(), verifyWebhook(req.body.toString(), X-Hostwares-Signature, secret)
// against `sha256=${hex HMAC-SHA256}` with crypto.timingSafeEqual. X-Hostwares-Timestamp must be Unix seconds
// within five minutes of now.
import crypto from "crypto";
import { readDelivery, accept, reject } from "./delivery.mjs";

function verifyWebhook(payload, signature, secret) {
  const expected = crypto
    .createHmac("sha256", secret)
    .update(payload)
    .digest("hex");
  return crypto.timingSafeEqual(
    Buffer.from(signature),
    Buffer.from(`sha256=${expected}`)
  );
}

const { secret: WEBHOOK_SECRET, headers, rawBody } = await readDelivery();
const req = { headers, body: rawBody };
const signature = req.headers["x-hostwares-signature"] ?? "";
let ok = false;
try {
  ok = verifyWebhook(req.body.toString(), signature, WEBHOOK_SECRET);
} catch (error) {
  reject(String(error));
}
if (!ok) reject("Invalid signature");
const timestamp = req.headers["x-hostwares-timestamp"];
if (!/^\d+$/.test(timestamp ?? "") || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) {
  reject(`X-Hostwares-Timestamp ${timestamp} is not Unix seconds within 5 minutes of now`);
}
const event = JSON.parse(req.body);
accept({ event: event.event, site: event.data.site_name });
