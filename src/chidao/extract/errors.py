"""The extractor's own error: every failure a caller can act on says which file and why."""


class ExtractError(Exception):
    """A document could not be read or processed.  ``str()`` names the file."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message
