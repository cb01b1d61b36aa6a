"""The package's small exception hierarchy: every failure a user can cause has a class here."""


class PipelineError(Exception):
    """Base class: a message a user can act on, shown as one line by the CLI."""


class ModelNotInstalledError(PipelineError):
    """The requested spaCy pipeline is not installed in this environment."""


class IngestError(PipelineError):
    """One input file or record could not be read; it becomes a row of the errors table."""


class SchemaError(PipelineError):
    """An output table does not match its declared schema."""


class RulesError(PipelineError):
    """A rule file is missing, is not valid JSON, or does not match its schema."""


class OutputBusyError(PipelineError):
    """Another run is writing to the same output folder."""


class RunMismatchError(PipelineError):
    """The tables of an output folder disagree with its ``_run.json`` (an interrupted switch, or a
    table copied in or deleted by hand)."""
