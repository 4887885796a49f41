// Verifies one delivery with the svix npm package, which reads the webhook-* headers when svix-* are absent.
// stdin: {"secret": "whsec_…", "headers": {"webhook-id": …}, "body_base64": "…"}; exit 0 when it verifies.
import { Webhook } from "svix";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const body = Buffer.from(input.body_base64, "base64").toString("utf8");
try {
  new Webhook(input.secret).verify(body, input.headers);
  process.stdout.write(JSON.stringify({ verified: true }));
} catch (error) {
  process.stdout.write(JSON.stringify({ verified: false, error: String(error) }));
  process.exit(1);
}
