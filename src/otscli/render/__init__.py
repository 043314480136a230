"""One module per output form; only the terminal renderers import rich."""
