"""One error hierarchy for the catalogue: everything the package raises on purpose derives from CatalogueError."""


class CatalogueError(Exception):
    """Base of every error the catalogue raises deliberately."""


class ConfigError(CatalogueError):
    """A packaged or catalogue configuration file (schema, maturity model) is unusable."""


class LayoutError(CatalogueError):
    """The catalogue root lacks the expected layout (patterns/ and organisations.yaml)."""


class InvalidCatalogueError(CatalogueError):
    """The catalogue has errors; carries the validation result so callers can report it."""

    def __init__(self, result):
        self.result = result
        super().__init__(f"the catalogue has {len(result.errors)} error(s)")


class InvalidImportError(InvalidCatalogueError):
    """The ODS extracts given to an import have errors; nothing was changed (exit 1)."""

    def __init__(self, result):
        super().__init__(result)
        count = len(result.errors)
        self.args = (f"the files to import have {count} error{'' if count == 1 else 's'}; nothing was changed",)


class EditError(CatalogueError):
    """A requested edit (new pattern, adoption) cannot be made as asked."""


class SubmissionError(CatalogueError):
    """An issue body `catalogue intake` cannot read as one of the catalogue's forms (exit 2)."""


class OutputDirError(CatalogueError):
    """An output folder could remove a source or a folder the catalogue did not write (exit 2)."""


class UsageError(CatalogueError):
    """The command line asks for something that cannot be done (exit 2)."""


class SearchIndexError(CatalogueError):
    """The search index could not be built."""


class BuildError(CatalogueError):
    """MkDocs could not build the site."""


class ChangesError(CatalogueError):
    """The changed files cannot be found: git is missing, the folder is not a repository, or
    the reference is unknown."""


class SynthError(CatalogueError):
    """The synthetic catalogue cannot be written as asked (bad counts, or `out` holds a real catalogue)."""
