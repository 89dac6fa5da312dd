#!/usr/bin/env python3
"""CPU seconds used on the machine while a benchmark step runs, and by whom.

    cpu_usage.py OUT.json POSTMASTER_PID PSQL_ARGS...    # stops on SIGTERM, then writes OUT.json

Every second it reads utime + stime of every process from /proc and charges the growth since the last reading to:
"loader" (the JobBoard.Web process running seed), "postgres: <application_name>" for the cluster's backends (the bulk
loader names its connections "jobboard seed: copy", "...: search", ...; others by backend type), and "other" for the
rest of the machine, which is the noise in a timing on a shared box. Processes that live less than a second are missed.
"""
import json
import os
import signal
import subprocess
import sys
import time

out_file, postmaster, psql_args = sys.argv[1], sys.argv[2], sys.argv[3:]
ticks = os.sysconf("SC_CLK_TCK")
stopping = False


def stop(*_):
    global stopping
    stopping = True


signal.signal(signal.SIGTERM, stop)


def processes():
    found = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        found[pid] = (command, fields[1], (int(fields[11]) + int(fields[12])) / ticks)
    return found


def application_names():
    query = "SELECT pid, coalesce(nullif(application_name, ''), backend_type) FROM pg_stat_activity"
    try:
        rows = subprocess.run(["psql", *psql_args, "-qAtXc", query], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    return dict(line.split("|", 1) for line in rows.splitlines() if "|" in line)


totals, last, names = {}, {}, {}
for pid, (_, _, cpu) in processes().items():
    last[pid] = cpu
while True:
    names.update(application_names())
    for pid, (command, parent, cpu) in processes().items():
        used = cpu - last.get(pid, 0.0)
        last[pid] = cpu
        if used <= 0:
            continue
        if pid == postmaster or parent == postmaster:
            who = "postgres: " + names.get(pid, command.split(":", 1)[-1].strip().split(" ")[0] or "backend")
        elif "JobBoard.Loader seed" in command:
            who = "loader"
        else:
            who = "other"
        totals[who] = totals.get(who, 0.0) + used
    if stopping:
        break
    time.sleep(1)

with open(out_file, "w") as out:
    json.dump({who: round(seconds, 1) for who, seconds in sorted(totals.items(), key=lambda item: -item[1])}, out, indent=1)
