"""Column mappings shipped for exports whose columns their providers document publicly.

Only formats whose columns could be confirmed from public documentation are shipped (see
docs/calllogs.md for the sources); any other export is mapped once in the dialog and saved as
the client's own preset.

- ``mango-api``: Mango Office VPBX API, ``stats/result``: no header, ``;``-separated, the
  fields of the official request example in order (records, start, finish, answer,
  from_extension, from_number, to_extension, to_number, disconnect_reason, line_number,
  location, entry_id); times are Unix seconds, ``answer`` 0 when nobody picked up; rows of
  one call share ``entry_id``.
- ``didww-cdr-in``: DIDWW inbound CDR export (API 3 ``cdr_in``): a header row, times in UTC,
  only incoming calls; answered when ``Date/Time Connect (UTC)`` is set. The caller's column
  is ``Source Number`` in the current API version and ``Source`` in the earlier one.
"""

from __future__ import annotations

from qcdesk.domain.calllog.mapped import ColumnMapping

SHIPPED: dict[str, ColumnMapping] = {
    "mango-api": ColumnMapping(
        recording=("#1",),
        started_at=("#2",),
        ended_at=("#3",),
        answered_at=("#4",),
        caller_extension=("#5",),
        caller=("#6",),
        called_extension=("#7",),
        called=("#8",),
        line=("#10",),
        call_id=("#12",),
        header=False,
        delimiter=";",
        times="unix",
    ),
    "didww-cdr-in": ColumnMapping(
        started_at=("Date/Time Start (UTC)",),
        answered_at=("Date/Time Connect (UTC)",),
        ended_at=("Date/Time End (UTC)",),
        caller=("Source Number", "Source"),
        line=("Destination DID",),
        fixed_direction="incoming",
        utc=True,
    ),
}
