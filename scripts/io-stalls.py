#!/usr/bin/env python3
"""Which processes of Herald's stack wait on the disk, and when.

Every 10 ms, lists the PostgreSQL processes in uninterruptible sleep (state D) with the kernel
function they wait in and the system call that got them there (e.g. `submit_bio_wait` under `fdatasync`: a WAL
flush waiting for the disk's cache flush), and every 100 ms the machine's pressure-stall totals (/proc/pressure).
Lines carry Unix times, to set beside the bench's burst times (the latency steps' log names each burst's wall time).
Bounded: stops after SECONDS (default 600). Reads /proc only; needs root for /proc/PID/stack (without it, the
system call column is empty).

    scripts/io-stalls.py OUT [SECONDS]           # e.g. beside: scripts/bench.sh --only latency --skip-baselines --no-out
    scripts/io-stalls.py --summary OUT           # how long each wait lasted, longest first
"""
import glob
import sys
import time

WATCHED = ("postgres",)  # single-threaded processes: scanning the threads of .NET processes every 10 ms cost the machine too much


def role(pid, cache):
    if pid not in cache:
        try:
            cache[pid] = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="ignore")[:48].strip()
        except OSError:
            cache[pid] = "?"
    return cache[pid]


def watched_pids():
    pids = []
    for path in glob.glob("/proc/[0-9]*/comm"):
        try:
            if open(path).read().strip().startswith(WATCHED):
                pids.append(path.split("/")[2])
        except OSError:
            pass
    return pids


def waiting(pid):
    """(kernel function, system call) of each thread of pid in state D."""
    found = []
    for task in glob.glob(f"/proc/{pid}/task/[0-9]*"):
        try:
            if open(f"{task}/stat").read().rsplit(")", 1)[1].split()[0] != "D":
                continue
            wchan = open(f"{task}/wchan").read()
            try:
                calls = [line.split(" ", 1)[-1].split("+")[0] for line in open(f"{task}/stack") if "sys_" in line]
            except OSError:
                calls = []
            found.append((wchan, calls[0] if calls else ""))
        except (OSError, IndexError):
            pass
    return found


def pressure():
    totals = []
    for kind in ("cpu", "io"):
        for line in open(f"/proc/pressure/{kind}"):
            parts = line.split()
            totals.append(f"{kind}_{parts[0]}={parts[4].split('=')[1]}")
    return " ".join(totals)


def sample(out, seconds):
    cache, pids, listed, psi = {}, [], 0.0, 0.0
    end = time.time() + seconds
    with open(out, "w") as log:
        while time.time() < end:
            now = time.time()
            if now - listed > 1:
                pids, listed = watched_pids(), now
            if now - psi >= 0.1:
                log.write(f"{now:.3f} pressure {pressure()}\n")
                psi = now
            hits = [f"{pid} [{role(pid, cache)}] {wchan} {call}" for pid in pids for wchan, call in waiting(pid)]
            if hits:
                log.write(f"{now:.3f} D " + " ;; ".join(hits) + "\n")
            log.flush()
            time.sleep(max(0.0, 0.01 - (time.time() - now)))


def summary(path):
    """Joins the samples of one process waiting in one place into one wait, and prints the 20 longest."""
    active, waits = {}, []  # (pid, what) -> (first seen, last seen)
    for line in open(path):
        parts = line.split(" ", 2)
        if parts[1] != "D":
            continue
        t = float(parts[0])
        seen = {tuple(hit.split(" ", 1)) for hit in parts[2].strip().split(" ;; ")}
        for key in list(active):
            first, last = active[key]
            if key not in seen or t - last > 0.03:
                waits.append((last - first, first, key))
                del active[key]
        for key in seen:
            active[key] = (active.get(key, (t, t))[0], t)
    waits += [(last - first, first, key) for key, (first, last) in active.items()]
    for length, first, (pid, what) in sorted(waits, reverse=True)[:20]:
        stamp = time.strftime("%H:%M:%S", time.gmtime(first)) + f"{first % 1:.2f}"[1:]
        print(f"{stamp} UTC  at least {length * 1000:4.0f} ms  {pid} {what}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--summary":
        summary(sys.argv[2])
    elif len(sys.argv) >= 2:
        sample(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 600)
    else:
        print(__doc__)
        sys.exit(2)
