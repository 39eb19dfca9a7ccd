"""The base of the chat import service: reading exports, and what its dialog asks first.

The dialog needs every author with their remembered role and, for CSV, the columns, before
anything is stored; ``chat_import.ChatImportService`` builds on this, so the GUI calls
``services.chats.preview(...)`` and ``services.chats.import_paths(...)`` on one service.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from qcdesk.db.models import ChatAuthor, Client, Consultant
from qcdesk.domain.chat_formats import (
    MAX_EXPORT_BYTES,
    ChatLimitError,
    CsvMapping,
    CsvTable,
    parse_export,
    read_table,
)
from qcdesk.domain.chat_formats import guess_mapping as guess_csv_mapping
from qcdesk.domain.working_hours import DEFAULT_TIMEZONE, zone
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError, os_errors
from qcdesk.services.dto import ImportFailure
from qcdesk.services.import_base import LibraryImportBase, Progress, failure
from qcdesk.userfiles import open_regular

CHAT_EXTENSIONS = (".json", ".txt", ".csv", ".tsv", ".zip")


class ChatImportError(KnownError):
    """A chat export that cannot be imported (no consultant among its authors, unreadable)."""


def read_export(path: Path) -> bytes:
    """The bytes of an export; not a regular file (a FIFO would block) or too big: refused.

    The size is checked on the open descriptor before anything is read, so a huge file costs
    nothing, and the read is bounded too, in case the file grows meanwhile.
    """
    with open_regular(path, ChatImportError) as fh:
        with os_errors(QT_TRANSLATE_NOOP("KnownError", "Cannot read {path}: {detail}"), path):
            size = os.fstat(fh.fileno()).st_size
            data = fh.read(MAX_EXPORT_BYTES + 1) if size <= MAX_EXPORT_BYTES else b""
    if size > MAX_EXPORT_BYTES or len(data) > MAX_EXPORT_BYTES:
        raise ChatLimitError(
            QT_TRANSLATE_NOOP(
                "KnownError", "{path} is larger than {limit} MB, too big for a chat export"
            ),
            path=str(path),
            limit=MAX_EXPORT_BYTES // (1024 * 1024),
        )
    return data


@dataclass(frozen=True)
class AuthorRole:
    """Who an author is: ``consultant`` (with the Consultant's name) or ``client``."""

    role: str
    consultant: str | None = None  # role "consultant": the Consultant's name (default: author)


@dataclass(frozen=True)
class ChatFilePreview:
    """What the import dialog shows for one file before anything is stored."""

    path: str
    format: str = ""
    chats: int = 0
    messages: int = 0
    authors: tuple[tuple[str, int], ...] = ()  # (author, messages), most active first
    csv: CsvTable | None = None  # for CSV files: the rows, to map columns with a preview
    csv_mapping: CsvMapping | None = None  # the guess, None when the header does not say
    error: ImportFailure | None = None


class ChatServiceBase(LibraryImportBase):
    """What the import and its dialog share: finding files, the client's zone and roles."""

    extensions = CHAT_EXTENSIONS  # folders are walked for chat exports

    # -- import -------------------------------------------------------------------------------

    def client_zone(self, client: str) -> str:
        with self._session() as s:
            row = s.scalar(select(Client).where(Client.name == client.strip()))
            return row.timezone if row is not None else DEFAULT_TIMEZONE

    def known_authors(self, client: str) -> dict[str, AuthorRole]:
        """The remembered roles of *client*'s chat authors."""
        with self._session() as s:
            q = (
                select(ChatAuthor)
                .join(Client, Client.id == ChatAuthor.client_id)
                .where(Client.name == client.strip())
            )
            out = {}
            for row in s.scalars(q):
                c = None if row.consultant_id is None else s.get(Consultant, row.consultant_id)
                out[row.author] = AuthorRole(row.role, c.name if c is not None else None)
            return out

    def preview(
        self,
        paths: Sequence[Path],
        client: str,
        fmt: str = "auto",
        csv_mapping: CsvMapping | None = None,
        *,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> list[ChatFilePreview]:
        """Parse every file (nothing is stored) for the authors and the CSV column mapping."""
        tz = zone(self.client_zone(client))
        out: list[ChatFilePreview] = []
        files = self.expand(paths)
        for i, path in enumerate(files):
            if is_cancelled is not None and is_cancelled():
                break
            if progress is not None:
                progress(i, len(files), path.name)
            table = mapping = None
            try:
                data = read_export(path)
                if path.suffix.lower() in (".csv", ".tsv") and fmt in ("auto", "csv"):
                    table = read_table(data, str(path))
                    mapping = csv_mapping or guess_csv_mapping(table)
                chats = parse_export(data, str(path), tz, fmt, csv_mapping or mapping)
            except KnownError as err:
                out.append(ChatFilePreview(str(path), csv=table, csv_mapping=mapping,
                                           error=failure(path, err)))  # fmt: skip
                continue
            counts: dict[str, int] = {}
            for chat in chats:
                for author, n in chat.counts().items():
                    counts[author] = counts.get(author, 0) + n
            out.append(
                ChatFilePreview(
                    path=str(path),
                    format=chats[0].format,
                    chats=len(chats),
                    messages=sum(len(c.messages) for c in chats),
                    authors=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
                    csv=table,
                    csv_mapping=mapping,
                )
            )
        return out
