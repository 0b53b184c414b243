"""The user-space scenario of `make compare`: the usr/ programs, run the
same way under Debian's Linux and under armmm, their memory read from
/proc at every stop (issue 13; the comparison is scripts/compare_user.py).

One scenario, two drivers:
  - linux_init(): the busybox /init of the Linux reference's user run
    (scripts/linux_ref/user.py). /bin/launch (usr/launch.c) starts each
    program with vfork + execve so its fault counts start at exec, as
    armmm's console's do.
  - run_armmm(run_cmd): the same steps typed at armmm's console.

Every program runs with STOP_AT=start,exit in its environment, so it stops
itself (SIGSTOP) before main and after main returns, and wherever it stops
on its own (memtouch, zero). At each stop both drivers print, framed as
the boot dumps are (linux_ref/frames.py),

    --- BEGIN user:<run>:<step>:<file> ---      file: maps smaps status stat

then write 1 to /proc/<pid>/clear_refs (every page old again: the next
access takes a young fault, so the next step shows what was touched in
between) and continue it. When it has ended, "user:<run>:end:outcome"
holds "status N": the exit status, or 128 + the signal that killed it, as
a shell reports it.
"""

import re

from linux_ref.frames import BEGIN, END, frame

STOP_AT = "STOP_AT=start,exit"
FILES = ("maps", "smaps", "status", "stat")
FAULT_KINDS = ("null", "write-text", "exec-data", "stack", "unmapped", "undef",
               "efault", "nosys")

# (run id, argv): every program of usr/ (USR_PROGS in usr/Makefile), fault
# once per kind.
RUNS = (
    ("hello", ("/bin/hello", "a", "b")),
    ("memtouch", ("/bin/memtouch", "4", "4", "3", "5")),
    ("zero", ("/bin/zero",)),
    ("spread", ("/bin/spread", "3")),
    ("forktouch", ("/bin/forktouch", "8", "3", "2")),
) + tuple((f"fault-{k}", ("/bin/fault", k)) for k in FAULT_KINDS)

# bash's words for a signal (armmm's console prints them; strsignal(3)).
SIGNALS = {"Hangup": 1, "Interrupt": 2, "Quit": 3, "Illegal instruction": 4,
           "Trace/breakpoint trap": 5, "Aborted": 6, "Bus error": 7,
           "Floating point exception": 8, "Killed": 9, "Segmentation fault": 11,
           "Terminated": 15}

END_LINE = "armmm-user-scenario: done"


def name(run, step, what):
    return f"user:{run}:{step}:{what}"


def programs():
    """The usr/ programs the scenario needs, as /bin names."""
    return sorted({argv[0].rsplit("/", 1)[1] for _, argv in RUNS})


# ---- Linux: busybox sh ----------------------------------------------------------
LINUX_INIT = r"""#!/bin/busybox sh
# armmm's user-space scenario under Linux (scripts/user_scenario.py).
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
echo 1 > /proc/sys/kernel/printk
echo 0 > /proc/sys/kernel/randomize_va_space
field() { sed -n "s/^$2:[[:space:]]*//p" /proc/$1/status 2>/dev/null; }
state() { field $1 State | cut -c1; }
dump() {        # run step pid
	for f in %(files)s; do
		echo "%(begin)s"
		cat /proc/$3/$f
		echo "%(end)s"
	done
}
# A stop is new when the task is stopped and has switched out voluntarily
# more often than at the last one (it may stop again before we look).
scenario() {    # run argv...
	run=$1; shift
	rm -f /tmp/pid
	/bin/launch /tmp/pid %(stop_at)s "$@" &
	lp=$!
	while [ ! -s /tmp/pid ]; do usleep 1000; done
	pid=$(cat /tmp/pid)
	step=0; seen=-1
	while :; do
		s=$(state $pid); v=$(field $pid voluntary_ctxt_switches)
		if [ -z "$s" ] || [ "$s" = Z ] || [ "$s" = X ]; then break; fi
		if [ "$s" = T ] && [ "$v" != "$seen" ]; then
			dump $run $step $pid
			echo 1 > /proc/$pid/clear_refs
			seen=$(field $pid voluntary_ctxt_switches)
			step=$((step + 1))
			kill -CONT $pid
		else
			usleep 1000
		fi
	done
	wait $lp
	st=$?
	echo "%(obegin)s"
	echo "status $st"
	echo "%(oend)s"
}
%(runs)s
echo "%(done)s"
while :; do sleep 3600; done
"""


def _sh_quote(word):
    return word if re.fullmatch(r"[\w/.,=-]+", word) else "'" + word.replace("'", "'\\''") + "'"


def linux_init():
    """The /init script of the Linux user run."""
    runs = "\n".join(f"scenario {run} " + " ".join(_sh_quote(a) for a in argv)
                     for run, argv in RUNS)
    return LINUX_INIT % {
        "files": " ".join(FILES), "stop_at": STOP_AT,
        "begin": BEGIN.format(name("$1", "$2", "$f")),
        "end": END.format(name("$1", "$2", "$f")),
        "obegin": BEGIN.format(name("$run", "end", "outcome")),
        "oend": END.format(name("$run", "end", "outcome")),
        "runs": runs, "done": END_LINE,
    }


# ---- armmm: its console -----------------------------------------------------------
def _job_line(out, cmd):
    """(pid, what) of the console's "[pid] what  cmd" line, or None when
    the program exited with status 0 (the console prints nothing then)."""
    m = re.search(r"^\[(\d+)\] (.+?)  " + re.escape(cmd) + r"$", out, re.M)
    return (int(m[1]), m[2]) if m else None


def _status(what):
    if what.startswith("Exit "):
        return int(what[5:])
    if what in SIGNALS:
        return 128 + SIGNALS[what]
    raise ValueError(f"armmm's console said '{what}': not an exit status or signal")


def fault_lines(out):
    """The fault trace's lines in a command's output (mm/fault_trace.c:
    "fault: ..." and its indented continuation lines), "" without any."""
    keep, lines = False, []
    for line in out.splitlines():
        line = re.sub(r"^\[\s*\d+\.\d+\] ", "", line)       # printk's time
        if line.startswith("fault: "):
            keep = True
        elif not line.startswith(" "):
            keep = False
        if keep:
            lines.append(line)
    return "\n".join(lines) + "\n" if lines else ""


def run_armmm(run_cmd, runs=RUNS):
    """Type the scenario at armmm's console. run_cmd(line) -> the command's
    output (echo and prompt stripped). Returns the framed text, as the
    Linux run prints it, plus, when armmm was booted with fault_trace,
    "user:<run>:<step>:trace": the faults taken on the way to that stop
    (<step> "end": after the last one)."""
    text = []
    for run, argv in runs:
        cmd = STOP_AT + " " + " ".join(argv)
        out, step = run_cmd(cmd), 0
        while True:
            job = _job_line(out, cmd)
            trace = fault_lines(out)
            if trace:
                text.append(frame(name(run, step if job and job[1] == "Stopped" else "end",
                                       "trace"), trace))
            if not job or job[1] != "Stopped":
                break
            pid = job[0]
            for f in FILES:
                text.append(frame(name(run, step, f), run_cmd(f"cat /proc/{pid}/{f}")))
            run_cmd(f"echo 1 > /proc/{pid}/clear_refs")
            step += 1
            out = run_cmd(f"fg {pid}")
        text.append(frame(name(run, "end", "outcome"),
                          f"status {_status(job[1]) if job else 0}"))
    return "".join(text)


# ---- both: the frames back as {run: [step dicts], ...} --------------------------
def parse(dumps):
    """{run: {"steps": [{file: text}], "status": int or None}} from the
    frames.parse() result of either side."""
    out = {}
    for key, body in dumps.items():
        m = re.fullmatch(r"user:([\w-]+):(\d+|end):(\w+)", key)
        if not m:
            continue
        r = out.setdefault(m[1], {"steps": [], "status": None})
        if m[2] == "end":
            if m[3] == "trace":
                r["end_trace"] = body
                continue
            s = re.fullmatch(r"status (\d+)\n?", body)
            r["status"] = int(s[1]) if s else None
            continue
        step = int(m[2])
        while len(r["steps"]) <= step:
            r["steps"].append({})
        r["steps"][step][m[3]] = body
    return out
