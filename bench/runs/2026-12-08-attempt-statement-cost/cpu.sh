#!/usr/bin/env bash
# total CPU ticks of all postgres processes (utime+stime+cutime+cstime)
t=0; for p in $(pgrep -u postgres); do s=$(cut -d' ' -f14-17 /proc/$p/stat 2>/dev/null) || continue; for v in $s; do t=$((t+v)); done; done; echo $t
