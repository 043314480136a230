"""The floor of start-up for a Typer command line: one command, one option, on the same typer as ots.

benchmarks/run.py times `python benchmarks/minimal_typer_app.py --since 2019` as the baseline of every start-up
case. It prints one line, so that it does the least work a command can do.
"""

import typer

app = typer.Typer(add_completion=False)


@app.command()
def timeline(since: int = typer.Option(0, help="The first year to show.")) -> None:
    print(since)


if __name__ == "__main__":
    app()
