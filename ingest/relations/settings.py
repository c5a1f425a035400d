"""The relation stage's settings: the `vnkg_relations` factory's `default_config`
(ingest/config.cfg says what each one means).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RelationSettings:
    """The relation stage's settings (the `vnkg_relations` factory's `default_config`; the
    pipeline config, ingest/config.cfg, says what each one means). Every discourse pass (a
    rule that reads beyond one clause) has a switch of its own."""

    visit_window: int = 120
    delegation_leaders: bool = True
    drop_undated_duplicates: bool = True
    carry_session_date: bool = True
    headline_dates: bool = True
    attendance_lists: bool = True
    speakers: bool = True
    bare_titles: bool = True


DEFAULT_SETTINGS = RelationSettings()
