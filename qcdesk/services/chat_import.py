"""Importing chat exports: who is the consultant, one chat interaction per conversation.

Roles come from author names, remembered per client company in ``ChatAuthor``: the author
the reviewer names as the consultant (``--consultant``, or the import dialog) becomes or
links to a Consultant; every other author is a customer. Each conversation becomes an
Interaction of kind ``chat`` with a Transcript (source ``chat``) of one segment per message,
``start == end`` = seconds from the first message.

Duplicates: the export is copied into the library (named by its SHA-256, like recordings) and
attached to each of its chats as a ``document``; that attachment's ``sha256`` is the hash of
the file hash and the chat's identity in the file, so a Telegram account export re-imported
after a new chat was added imports only the new chat, and an unchanged file reports a
duplicate exactly as audio import does.

Time: naive export times are the client company's wall clock (``Client.timezone``);
``Interaction.started_at`` is stored naive in that zone, like the times in telephony file
names. A bad file never stops the batch (``ImportReport.failed``).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from qcdesk.db.models import Attachment, ChatAuthor, Client, Consultant, Interaction, Transcript
from qcdesk.db.models import TranscriptSegment as SegmentRow
from qcdesk.domain.chat_formats import CsvMapping, ParsedChat, parse_export
from qcdesk.domain.language import LANGUAGES, guess_text_language
from qcdesk.domain.working_hours import zone
from qcdesk.errors import QT_TRANSLATE_NOOP, KnownError
from qcdesk.services.catalog import get_or_create_client, get_or_create_consultant
from qcdesk.services.chat_preview import (
    CHAT_EXTENSIONS,
    AuthorRole,
    ChatFilePreview,
    ChatImportError,
    ChatServiceBase,
    read_export,
)
from qcdesk.services.dto import ImportReport
from qcdesk.services.import_base import Progress, failure
from qcdesk.services.importer import store_in_library

__all__ = [
    "CHAT_EXTENSIONS",
    "AuthorRole",
    "ChatFilePreview",
    "ChatImportError",
    "ChatImportOptions",
    "ChatImportService",
    "match_author",
]
log = logging.getLogger(__name__)
ROLES = ("consultant", "client")


@dataclass(frozen=True)
class ChatImportOptions:
    client: str
    consultant: str | None = None  # the author who is the consultant (CLI --consultant)
    fmt: str = "auto"  # auto / telegram / whatsapp / csv / json
    authors: Mapping[str, AuthorRole] = field(default_factory=dict)  # the dialog's answers
    csv_mapping: CsvMapping | None = None  # None: guessed from the header


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def match_author(name: str, authors: Sequence[str]) -> str | None:
    """The author *name* means: the same name (case and spaces aside), else the only author
    whose name starts with it as a word ("Анна" -> "Анна | Диваны Плюс")."""
    want = _fold(name)
    for a in authors:
        if _fold(a) == want:
            return a
    starts = [a for a in authors if re.match(re.escape(want) + r"(\W|$)", _fold(a))]
    return starts[0] if len(starts) == 1 else None


def _dedup_key(file_sha: str, chat: ParsedChat) -> str:
    return hashlib.sha256(f"{file_sha}\0{chat.format}\0{chat.identity}".encode()).hexdigest()


class ChatImportService(ChatServiceBase):
    def import_paths(
        self,
        paths: Sequence[str | Path],
        options: ChatImportOptions,
        *,
        progress: Progress | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        warnings: list[KnownError] = []
        report = self._import_batch(
            self.expand(paths),
            lambda path: self.import_file(path, options, warnings),
            progress,
            is_cancelled,
        )
        self._prefill(list(report.imported))
        if warnings:
            found = tuple(failure(w.path or "", w) for w in warnings)
            report = replace(report, warnings=found)
        return report

    def import_file(
        self, path: Path, options: ChatImportOptions, warnings: list[KnownError] | None = None
    ) -> tuple[list[int], bool, list[KnownError]]:
        """Import every conversation of one export.

        Args:
            warnings: gets the imported chats' warnings (dates that disagree), when given.

        Returns:
            (new interaction ids, whether some chat was already imported, per-chat problems
            such as a conversation without a consultant among its authors).

        Raises:
            KnownError: the file is missing, unreadable, not a chat export, or broken.
        """
        data = read_export(path)
        file_sha = hashlib.sha256(data).hexdigest()
        tz = zone(self.client_zone(options.client))
        chats = parse_export(data, str(path), tz, options.fmt, options.csv_mapping)
        with self._session() as s:
            taken = set(
                s.scalars(
                    select(Attachment.sha256).where(
                        Attachment.sha256.in_([_dedup_key(file_sha, c) for c in chats])
                    )
                )
            )
        fresh = [c for c in chats if _dedup_key(file_sha, c) not in taken]
        if not fresh:
            return [], True, []
        stored = store_in_library(self._library, path, file_sha)
        shared = bool(taken)  # chats of this file imported before point at the same copy
        ids: list[int] = []
        problems: list[KnownError] = []
        try:
            with self._session() as s:
                client = get_or_create_client(s, options.client)
                roles = self._roles(s, client, fresh, options)
                for chat in fresh:
                    try:
                        it = self._store_chat(s, path, client, chat, roles, options)
                    except ChatImportError as err:
                        problems.append(err)
                        continue
                    s.add(
                        Attachment(
                            interaction_id=it.id,
                            kind="document",
                            path=stored.relative_to(self._library).as_posix(),
                            original_name=path.name,
                            sha256=_dedup_key(file_sha, chat),
                            criteria=[],
                        )
                    )
                    ids.append(it.id)
                    if warnings is not None:
                        warnings.extend(chat.warnings)
                if not ids:
                    s.rollback()  # remember no author roles from a file that imported nothing
        except BaseException:
            if not shared:
                stored.unlink(missing_ok=True)  # keep the library free of files the db lacks
            raise
        if not ids and not shared:
            stored.unlink(missing_ok=True)
        return ids, len(fresh) < len(chats), problems

    def _roles(
        self, s: Session, client: Client, chats: list[ParsedChat], options: ChatImportOptions
    ) -> dict[str, ChatAuthor]:
        """Every author's ChatAuthor row, creating and updating rows as the options say."""
        rows = {
            r.author: r
            for r in s.scalars(select(ChatAuthor).where(ChatAuthor.client_id == client.id))
        }
        authors = list(dict.fromkeys(a for c in chats if not _has_roles(c) for a in c.authors()))

        def assign(author: str, role: str, person: str | None) -> None:
            row = rows.get(author)
            if row is None:
                row = ChatAuthor(client_id=client.id, author=author, role=role)
                s.add(row)
                rows[author] = row
            row.role = role
            if role == "consultant":
                linked = None if row.consultant_id is None else s.get(Consultant, row.consultant_id)
                if linked is None or (person and person != linked.name):
                    linked = get_or_create_consultant(s, client.id, person or author)
                row.consultant_id = linked.id
            else:
                row.consultant_id = None

        for author, answer in options.authors.items():
            if answer.role in ROLES:
                assign(author, answer.role, answer.consultant)
        if options.consultant and authors:
            named = match_author(options.consultant, authors)
            if named is not None:
                person = None if named == options.consultant else options.consultant
                assign(named, "consultant", person)
        for author in authors:
            if author not in rows:
                assign(author, "client", None)
        s.flush()
        return rows

    def _store_chat(
        self,
        s: Session,
        path: Path,
        client: Client,
        chat: ParsedChat,
        roles: Mapping[str, ChatAuthor],
        options: ChatImportOptions,
    ) -> Interaction:
        consultant = None
        speakers: list[str] = []
        if _has_roles(chat):
            speakers = [m.role or "client" for m in chat.messages]
            if options.consultant:
                consultant = get_or_create_consultant(s, client.id, options.consultant)
        else:
            counts: dict[int, int] = {}
            for m in chat.messages:
                row = roles[m.author]
                speakers.append(row.role)
                if row.role == "consultant" and row.consultant_id is not None:
                    counts[row.consultant_id] = counts.get(row.consultant_id, 0) + 1
            if counts:
                consultant = s.get(Consultant, max(counts, key=lambda k: counts[k]))
        if "consultant" not in speakers:
            raise ChatImportError(
                QT_TRANSLATE_NOOP(
                    "KnownError",
                    "{path}, chat {chat}: none of its authors is the consultant "
                    "(authors: {authors}); name one with --consultant",
                ),
                path=str(path),
                chat=chat.title or chat.identity or "-",
                authors=", ".join(chat.authors()),
            )
        first = chat.messages[0].at
        offsets = [round(m.at.timestamp() - first.timestamp(), 3) for m in chat.messages]
        if chat.start_known:
            started = first.astimezone(zone(client.timezone)).replace(tzinfo=None)
        else:
            started = datetime.now().replace(microsecond=0)
        customers = [a for a, sp in zip(_authors(chat), speakers, strict=True) if sp == "client"]
        # A transcript's "authors" are its roles: its id names the customer's conversation.
        customer = chat.title if _has_roles(chat) else ", ".join(dict.fromkeys(customers))
        direction = chat.direction or ("incoming" if speakers[0] == "client" else "outgoing")
        language = chat.language or client.language
        if language not in LANGUAGES:  # "auto": read it from the messages themselves
            language = guess_text_language(" ".join(m.text for m in chat.messages[:200]))
        segments = [
            {"speaker": sp, "start": off, "end": off, "text": m.text}
            for sp, off, m in zip(speakers, offsets, chat.messages, strict=True)
        ]
        it = Interaction(
            kind="chat",
            direction=direction,
            client=client,
            consultant=consultant,
            started_at=started,
            duration=offsets[-1],
            customer_ref=(customer or None) and customer[:200],
            status="new",  # metrics come with auto-prefill, right after the import
        )
        s.add(it)
        s.flush()
        t = Transcript(interaction_id=it.id, language=language, source="chat")
        for i, seg in enumerate(segments):
            t.segments.append(
                SegmentRow(
                    idx=i,
                    speaker=seg["speaker"],
                    start=seg["start"],
                    end=seg["end"],
                    text=seg["text"],
                )
            )
        s.add(t)
        s.flush()
        return it

    def _prefill(self, interaction_ids: list[int]) -> None:
        """Auto-prefill each new chat (qcdesk.services.prefill, issue 5), one unit of work each.

        Prefill also stores the chat metrics. One that fails leaves the chat imported, unscored
        and without metrics: it is logged, and the reviewer can re-run auto-prefill from the
        workspace.
        """
        from qcdesk.services.prefill import prefill_interaction

        for iid in interaction_ids:
            try:
                prefill_interaction(self._factory, self._db_path, iid)
            except KnownError as err:
                log.warning("auto-prefill of chat %s failed: %s", iid, err)


def _has_roles(chat: ParsedChat) -> bool:
    """A transcript JSON names roles itself; no author mapping applies."""
    return all(m.role in ROLES for m in chat.messages)


def _authors(chat: ParsedChat) -> list[str]:
    return [m.author for m in chat.messages]
