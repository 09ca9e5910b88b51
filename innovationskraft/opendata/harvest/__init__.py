"""Harvesters: other catalogues' records turned into the import's records (`records.py`) with
their provenance, and written by the import (`services.cases_import`), the one bulk write
path. `dpg.py` maps the Digital Public Goods registry; `services.py` runs a harvest."""
