// Reads one received delivery from stdin: {"secret", "headers" (lower-case names, as node's req.headers), "body_base64"}.
// The seed verifiers below run each platform's documented receiver code on it and exit 0 only when it accepts it.
export async function readDelivery() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  return { secret: input.secret, headers: input.headers, rawBody: Buffer.from(input.body_base64, "base64") };
}

export function accept(detail) {
  process.stdout.write(JSON.stringify({ verified: true, ...detail }));
}

export function reject(reason) {
  process.stdout.write(JSON.stringify({ verified: false, reason }));
  process.exit(1);
}
