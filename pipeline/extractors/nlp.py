"""Load the spaCy pipeline once, with only the components the stages need.

Which stage reads which component (anything else is excluded when loading):

- entities: ``ner`` (``doc.ents``) and the ``tagger`` (possessive ``'s``);
- dates: ``tagger`` + ``attribute_ruler`` (``tag_``/``pos_`` for tense and false friends such as
  "May"), ``lemmatizer``, ``parser`` (the governing verb) and ``ner`` hints;
- quantities: ``tagger``/``attribute_ruler`` (counted nouns), ``lemmatizer`` (unit lemmas),
  ``ner`` (DATE/TIME spans are not amounts), sentences;
- facts: ``parser`` (dependency tree and sentences), plus everything above.
``tok2vec`` feeds tagger, parser and ner. So the full mode keeps every trained component of
en_core_web_sm except ``senter`` (disabled in the package: the parser gives sentences).

Entity fixes (``entities/rules/entity_fixes.jsonl``) are applied by ``extractors.entities`` after the
statistical NER, not as a pipeline component, so the other extractors see the model's own
entities. ``fast=True`` drops the parser (the slowest component) and uses a rule sentencizer
instead: facts then fall back to sentence windows instead of the dependency tree.

The ``attribute_ruler`` and ``lemmatizer`` are swapped for faster versions that give the same
annotations (``fastpipes``): in spaCy's own they cost a quarter of the model pass.

spaCy is imported by the functions that load or read a pipeline, not by this module: checking that
a model is installed and its fingerprint (the cache key) read files only, so a re-run whose every
document comes from the cache never imports spaCy.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import DEFAULT_MODEL
from ..errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

# The components each mode keeps from a trained English pipeline (others are excluded).
FULL_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
FAST_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "ner")


def _is_installed(name: str) -> bool:
    return _package_path(name) is not None


def _package_path(name: str) -> Path | None:
    """The folder of an installed pipeline package, found without importing it (its
    ``__init__`` imports spaCy)."""
    if not name or "/" in name or "." in name:
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None:
        return None
    if spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(spec.origin).parent if spec.origin else None


def _is_distribution(name: str) -> bool:
    """``spacy.util.is_package``: an installed distribution of that name."""
    try:
        importlib.metadata.distribution(name)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return False
    return True


def _model_dir(model: str) -> Path | None:
    """The folder of a pipeline given as a path (``nlp.to_disk`` output, or a package's inner folder)."""
    path = Path(model).expanduser()
    if not path.is_dir():
        return None
    if (path / "config.cfg").exists():
        return path
    inner = [p for p in path.iterdir() if p.is_dir() and (p / "config.cfg").exists()]
    return inner[0] if len(inner) == 1 else None


def _pipe_names(model: str) -> list[str]:
    """Component names of a pipeline (installed package or folder), read from its config without loading it."""
    import spacy

    folder = _model_dir(model)
    if folder is None:
        folder = spacy.util.get_package_path(model) / _config_dir(model)
    return list(spacy.util.load_config(folder / "config.cfg")["nlp"]["pipeline"])


def _config_dir(model: str) -> str:
    import spacy

    path = spacy.util.get_package_path(model)
    inner = [p.name for p in path.iterdir() if p.is_dir() and (p / "config.cfg").exists()]
    return inner[0] if inner else "."


def check_model(model: str) -> None:
    """Raise ModelNotInstalledError (with an install hint) without loading anything."""
    if _model_dir(model) is None and not _is_installed(model) and not _is_distribution(model):
        raise ModelNotInstalledError(
            f"spaCy model {model!r} is not installed in this environment; pick an installed pipeline with"
            f" --model NAME (the default {DEFAULT_MODEL} comes with `make setup`) or a pipeline folder with"
            " --model PATH, or install one as https://spacy.io/usage/models describes, under its name from"
            " https://spacy.io/models"
        )


@functools.cache
def model_fingerprint(model: str) -> str:
    """``lang_name-version`` of an installed pipeline, read from its meta.json without loading it
    (nor importing spaCy or the model package).

    Part of the cache key: upgrading the model package re-extracts every document.
    """
    check_model(model)
    path = _model_dir(model) or _package_path(model)
    try:
        if path is None:
            raise OSError(model)
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):  # a model given as a folder, or an odd package
        return model
    return f"{meta.get('lang', 'xx')}_{meta.get('name', model)}-{meta.get('version', '?')}"


@functools.cache
def load_nlp(model: str = DEFAULT_MODEL, *, fast: bool = False) -> Language:
    """Return the cached pipeline for ``model``; raise ModelNotInstalledError with an install hint."""
    return build_nlp(model, fast=fast)


def build_nlp(model: str = DEFAULT_MODEL, *, fast: bool = False) -> Language:
    """A new, uncached pipeline: one per Dask worker when several workers share a process."""
    import spacy

    from .fastpipes import speed_up

    check_model(model)
    wanted = FAST_COMPONENTS if fast else FULL_COMPONENTS
    exclude = [name for name in _pipe_names(model) if name not in wanted and name != "transformer"]
    from . import scale_norms  # noqa: F401  (registers the component)

    nlp = spacy.load(model, exclude=exclude)
    if fast or "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("scale_norms", first=True)  # "70m euros": the model reads "70 million euros"
    _unglue_unit_stops(nlp)
    speed_up(nlp)
    return nlp


# Letters the tokenizer splits off a number as a unit ("50m", "5g", "10t") that English special cases
# also know as an abbreviation with its full stop ("m.", "g.", "t."): after a number at a sentence's end
# ("at a cost of £50m. Chief executive ...") the two are glued back into one token "m.", so the sentence
# never ends (two sentences parsed as one clause) and "m" is no scale. Initials are capitals and
# "a.m.", "p.m.", "e.g." are cases of their own, so nothing else needs these three.
UNIT_LETTER_STOPS = ("g.", "m.", "t.")


def _unglue_unit_stops(nlp: Language) -> None:
    rules = nlp.tokenizer.rules or {}
    if any(k in rules for k in UNIT_LETTER_STOPS):
        nlp.tokenizer.rules = {k: v for k, v in rules.items() if k not in UNIT_LETTER_STOPS}


def model_version(nlp: Language) -> str:
    """``name-version`` of the loaded pipeline, part of the cache key for incremental runs."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
