#!/usr/bin/env bash
# Runs Herald's benchmark (bench/Herald.Bench): builds Release, then the bench starts a PostgreSQL server of its own
# (scripts/postgres.sh on a free port; --pg uses another), Herald on a fresh database beside a fast receiver and the
# pipe server (the bench's own executable as `Herald.Bench pipe`, for the pipe limits), runs every scenario with the
# machine's limits measured beside it, and writes docs/benchmarks.md. The server, the database, the Herald process and
# the pipe server are removed at the end.
#   scripts/bench.sh              full run (14 minutes on a quiet machine, 29 at load 35) -> docs/benchmarks.md
#   scripts/bench.sh --quick      smoke run (2 minutes at load 17) -> .data/bench/benchmarks-quick.md; exits non-zero only
#                                 on a functional failure (lost deliveries, bad signatures, out-of-order, refused publishes)
#   scripts/bench.sh --busy       the same with a CPU burner on one core for the whole run -> .data/bench/benchmarks-busy.md
#   scripts/bench.sh --slow 0.6   the same with the bench, PostgreSQL and Herald under a CPU quota of 60% of the cores
#                                 (needs root and the cgroup cpu controller) -> .data/bench/benchmarks-slow.md
#   scripts/bench.sh --compare COMMIT [--rounds N] [bench options]
#                                 builds COMMIT (a git worktree in a temporary folder) and the current tree, runs the
#                                 bench on each in turn (A B, B A, ... over N rounds, default 2), and prints each figure
#                                 of both with B ÷ A -> .data/bench/compare-COMMIT.md (A = COMMIT, B = the current tree)
# More options: --out FILE | --no-out, --json FILE, --only ingest,delivery,latency,fanout,backlog,retry,large,
# --env NAME=VALUE (Herald's environment), --keep-db, --skip-baselines, --pg CONNECTION.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

compare=""
rounds=2
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --compare) compare="${2:?--compare needs a commit}"; shift 2 ;;
    --rounds) rounds="${2:?--rounds needs a number}"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done

build_api() { dotnet build "$1/src/Api/Herald.Api.csproj" -c Release -nologo -v q; }
build_api "$root"
dotnet build bench/Herald.Bench/Herald.Bench.csproj -c Release -nologo -v q
bench=(dotnet "$root/bench/Herald.Bench/bin/Release/net10.0/Herald.Bench.dll")

if [ -z "$compare" ]; then
  export HERALD_BENCH_COMMAND="scripts/bench.sh${args[*]:+ ${args[*]}}"
  exec "${bench[@]}" "${args[@]}"
fi

sha="$(git rev-parse --short "$compare^{commit}")"
work="$(mktemp -d)"
cleanup() {
  git worktree remove --force "$work/a" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
git worktree add --detach --quiet "$work/a" "$sha"
build_api "$work/a"
declare -A api=([a]="$work/a/src/Api/bin/Release/net10.0/Herald.Api.dll" [b]="$root/src/Api/bin/Release/net10.0/Herald.Api.dll")
head="$(git rev-parse --short HEAD)"
[ -z "$(git status --porcelain --untracked-files=no -- src)" ] || head="$head + uncommitted changes"
declare -A label=([a]="$sha" [b]="$head")
runs_a=()
runs_b=()
status=0
for round in $(seq 1 "$rounds"); do
  # A B, then B A: a drift of the machine's load over the rounds falls on both builds alike.
  order=(a b)
  [ $((round % 2)) -eq 0 ] && order=(b a)
  for side in "${order[@]}"; do
    json="$work/$side-$round.json"
    echo "== compare round $round/$rounds: ${side^^} = ${label[$side]}"
    HERALD_BENCH_COMMAND="scripts/bench.sh --compare $compare${args[*]:+ ${args[*]}} (${side^^}, round $round)" \
      "${bench[@]}" --api "${api[$side]}" --label "${label[$side]}" --no-out --json "$json" "${args[@]}" || status=1
    [ -f "$json" ] && { [ "$side" = a ] && runs_a+=("$json") || runs_b+=("$json"); }
  done
done
mkdir -p .data/bench
out=".data/bench/compare-$sha.md"
IFS=, eval 'list_a="${runs_a[*]}"; list_b="${runs_b[*]}"'
"${bench[@]}" compare "$list_a" "$list_b" | tee "$out"
echo "Wrote $out"
exit $status
