"""Run a command and print its own peak resident memory in KiB on stderr: the fallback launcher of run.py.

A child's maximum resident set size starts from the size of the process that forked it, so this launcher is
kept small (started with -S, importing only os and sys); its own size, about 8 MiB, is the floor of what it
reports. GNU time (/usr/bin/time -f %M), a C program, has a floor of a few MiB and is used when present.
"""

import os
import sys

pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss, file=sys.stderr)  # Linux: KiB
sys.exit(os.waitstatus_to_exitcode(status))
