# One round of scripts/heap-rounds.sh: A new accounts of P webhooks each (a receiver of its own on loopback), one event
# per webhook, then waits (at most 120 s) until every delivery has arrived.
#   python3 scripts/heap-round.py ROUND A P   (Herald on 127.0.0.1:$HERALD_PORT, admin key $HERALD_ADMIN)
import json, os, sys, threading, time, http.client, concurrent.futures as cf
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
ADMIN = os.environ["HERALD_ADMIN"]
PORT = int(os.environ["HERALD_PORT"])
rnd, A, P = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
got = [0]; lock = threading.Lock()
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with lock: got[0] += 1
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass
srv = ThreadingHTTPServer(("127.0.0.1", 0), H); port = srv.server_address[1]
threading.Thread(target=srv.serve_forever, daemon=True).start()
local = threading.local()
def call(method, path, body, key=ADMIN):
    if not hasattr(local, "c"): local.c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    r = None
    for attempt in range(3):
        try:
            local.c.request(method, path, json.dumps(body), {"Authorization": "Bearer " + key, "Content-Type": "application/json"})
            r = local.c.getresponse(); t = r.read()
            if r.status < 500: break
        except Exception:
            local.c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        time.sleep(0.5)
    if r is None: raise Exception(f"{method} {path}: no answer")
    if r.status >= 300: raise Exception(f"{method} {path} {r.status} {t[:200]}")
    return json.loads(t) if t else {}
t0 = time.time()
with cf.ThreadPoolExecutor(16) as ex:
    accts = list(ex.map(lambda a: call("POST", "/v1/accounts", {"name": f"heap {rnd} {a}"}), range(A)))
    def hook(aj):
        a, j = aj
        return call("POST", "/v1/webhooks", {"account_id": accts[a]["id"], "url": f"http://127.0.0.1:{port}/{rnd}/{a}/{j}", "events": [f"heap.e{j}"]})
    list(ex.map(hook, [(a, j) for j in range(P) for a in range(A)]))
    t1 = time.time()
    def pub(aj):
        a, j = aj
        return call("POST", "/v1/events", {"type": f"heap.e{j}", "data": {"n": j}}, accts[a]["api_key"])
    list(ex.map(pub, [(a, j) for j in range(P) for a in range(A)]))
t2 = time.time()
deadline = time.time() + 120
while got[0] < A * P and time.time() < deadline: time.sleep(0.5)
print(f"round {rnd}: {A*P} webhooks in {t1-t0:.1f}s, published in {t2-t1:.1f}s, delivered {got[0]} after {time.time()-t2:.1f}s", flush=True)
srv.shutdown()
