// Greenlight's documented Node.js receiver: express.raw(), base64 HMAC-SHA256 of the raw body bytes in gl-signature,
// timing-safe comparison, then JSON.parse. The X-Greenlight-Event header must name the payload's event_type.
import crypto from "crypto";
import { readDelivery, accept, reject } from "./delivery.mjs";

function verifySignature(payload, signature, secret) {
  const hmac = crypto.createHmac("sha256", secret);
  hmac.update(payload);
  const computed = hmac.digest("base64");
  try {
    return crypto.timingSafeEqual(Buffer.from(computed), Buffer.from(signature));
  } catch {
    return false;
  }
}

const { secret: WEBHOOK_SECRET, headers, rawBody } = await readDelivery();
const req = { headers, body: rawBody }; // what express.raw() hands the route
const signature = req.headers["gl-signature"] || "";
if (!verifySignature(req.body, signature, WEBHOOK_SECRET)) {
  reject("Invalid signature");
}
const event = JSON.parse(req.body.toString());
if (req.headers["x-greenlight-event"] !== event.event_type) {
  reject(`X-Greenlight-Event is ${req.headers["x-greenlight-event"]}, the payload says ${event.event_type}`);
}
accept({ event_type: event.event_type, node_id: event.node_id });
