"""What the recording import and the chat import share: the library, folders, the batch loop.

Both walk folders for the files they read, go through a batch one file at a time with progress
and cancel, and report a bad file in ``ImportReport.failed`` (naming it) without stopping the
batch; keeping that loop in one place keeps the two imports' reports alike.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from qcdesk.errors import KnownError
from qcdesk.services.base import ServiceBase
from qcdesk.services.dto import ImportFailure, ImportReport

Progress = Callable[[int, int, str], None]
# One file's import: (new interaction ids, whether something was already there, problems).
ImportOne = Callable[[Path], tuple[list[int], bool, list[KnownError]]]


def failure(path: Path | str, err: KnownError) -> ImportFailure:
    return ImportFailure(
        path=str(path),
        error=str(err),
        template=err.template,
        params={k: str(v) for k, v in err.params.items()},
    )


class LibraryImportBase(ServiceBase):
    """A service that copies files into the managed library; ``extensions`` are what it reads."""

    extensions: Collection[str] = ()

    def __init__(self, factory, db_path: Path, library_dir: Path) -> None:  # type: ignore[no-untyped-def]
        super().__init__(factory, db_path)
        self._library = library_dir

    @classmethod
    def expand(cls, paths: Sequence[str | Path]) -> list[Path]:
        """Files to import: folders are walked for ``extensions``; other paths kept as given."""
        out: list[Path] = []
        for p in map(Path, paths):
            if p.is_dir():
                out.extend(
                    sorted(
                        f
                        for f in p.rglob("*")
                        if f.is_file() and f.suffix.lower() in cls.extensions
                    )
                )
            else:
                out.append(p)
        return out

    @staticmethod
    def _import_batch(
        files: list[Path],
        import_one: ImportOne,
        progress: Progress | None,
        is_cancelled: Callable[[], bool] | None,
    ) -> ImportReport:
        """Import *files* in order; a KnownError fails that file only, the batch goes on."""
        imported: list[int] = []
        duplicates: list[str] = []
        failed: list[ImportFailure] = []
        for i, path in enumerate(files):
            if is_cancelled is not None and is_cancelled():
                break
            if progress is not None:
                progress(i, len(files), path.name)
            try:
                new_ids, dup, problems = import_one(path)
            except KnownError as err:
                failed.append(failure(path, err))
                continue
            imported.extend(new_ids)
            failed.extend(failure(path, p) for p in problems)
            if dup and not new_ids and not problems:
                duplicates.append(str(path))
        if progress is not None:
            progress(len(files), len(files), "")
        return ImportReport(tuple(imported), tuple(duplicates), tuple(failed))
