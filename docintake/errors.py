"""One error scheme for the whole tool.

Every failure a user can meet is a ``DocintakeError`` subclass that carries an
``ExitCode`` and a message saying how to fix it. The CLI maps them to exit codes
in one place (``cli.main``); tracebacks are shown only with ``--verbose``.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    ok = 0
    usage = 2
    input_file = 3  # the file cannot be read, is not a scan, is encrypted ...
    missing_dependency = 4  # tesseract, Thai data, poppler, a model file
    ocr_failed = 5
    database = 6
    not_found = 7  # a letter, task or organisation that is not in the registry
    not_built = 8  # a stage of the pipeline that this version does not have yet
    internal = 15


class DocintakeError(Exception):
    """Base class: ``exit_code`` and a message a clerk can act on."""

    exit_code: ExitCode = ExitCode.internal
    code: str = "error"  # short machine code, stored in error sidecars

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UsageError(DocintakeError):
    exit_code = ExitCode.usage
    code = "usage"


class InputFileError(DocintakeError):
    exit_code = ExitCode.input_file
    code = "input_file"


class UnsupportedFormatError(InputFileError):
    code = "unsupported_format"


class EncryptedPdfError(InputFileError):
    code = "encrypted_pdf"


# The intake folder's own failures (docintake watch / ingest), each with its code
# for the <name>.error.json sidecar.


class EmptyFileError(InputFileError):
    code = "empty_file"


class VanishedFileError(InputFileError):
    code = "vanished"


class UnreadableFileError(InputFileError):
    code = "unreadable"


class ReadFailedError(InputFileError):
    code = "io_error"


class InternalFileError(DocintakeError):
    code = "internal"


class MissingDependencyError(DocintakeError):
    exit_code = ExitCode.missing_dependency
    code = "missing_dependency"


class OcrError(DocintakeError):
    exit_code = ExitCode.ocr_failed
    code = "ocr_failed"


class DatabaseError(DocintakeError):
    exit_code = ExitCode.database
    code = "database"


class NotFoundError(DocintakeError):
    exit_code = ExitCode.not_found
    code = "not_found"


class NotBuiltError(DocintakeError):
    exit_code = ExitCode.not_built
    code = "not_built"
