"""The console script `ots` and `python -m otscli`.

Ctrl-C ends ots at once with one line and exit 130, from the first line of ots that runs, even while its
modules are still being imported. Stopping abruptly is safe: output files and `add` are written to a temp
file and renamed into place, so an interrupted write leaves the old file whole.
"""

import os
import signal


def interrupted(signum: int, frame: object) -> None:
    os.write(2, b"ots: interrupted\n")
    os._exit(130)


def main() -> None:
    signal.signal(signal.SIGINT, interrupted)
    if os.environ.get("OTS_COMPLETE"):  # a shell asking for completions (see `ots completion`)
        from otscli.cli.complete import run as complete

        complete()
        return
    from otscli.cli import run

    run()


if __name__ == "__main__":
    main()
