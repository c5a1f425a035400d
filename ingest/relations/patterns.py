"""Patterns shared by several verb families of the relation stage: the entity kinds
on each side of a verb, and the words between a verb and its objects (those not yet data in
ingest/data/frames.json).
"""

from __future__ import annotations

import re

from ingest.frames import attend_pattern

AGENT = ("PERSON", "ORGANIZATION")
HOST = ("PROVINCE", "ORGANIZATION")
PLACE = ("LOCATION", "BORDER_GATE", "ZONE", "PROVINCE")
VENUE = ("LOCATION", "PROVINCE")
_ATTEND = attend_pattern()  # "chủ trì/dự/phát biểu tại": frames.json verbs.attend

_EVENT_HEADS = ("hội nghị", "hội thảo", "hội chợ", "diễn đàn", "lễ", "festival", "hội báo",
                "triển lãm", "tọa đàm", "giải", "đại hội", "kỳ họp")

# The opening or closing ceremony (or session) of an event stands for the event: "dự lễ khai
# mạc Hội chợ", "Dự Lễ bế mạc có ...", "Phát biểu tại phiên khai mạc, ông A ...".
# A ceremony of something else, named but not recognised: "lễ khai mạc Tuần Văn hóa ...".
_NAMED_NEXT = re.compile(r"\s*[A-ZĐ]")
_CEREMONY = re.compile(r"^\s*(?:buổi\s+)?(?:lễ|phiên)\s+(?:khai mạc|bế mạc)\b(?:\s+(?:của|tại))?",
                       re.IGNORECASE)
_EVENT_GAP = re.compile(
    r"^(?:[\s,“”\"'‘’:]|và|thành công|long trọng|trọng thể|chương trình|các|sự kiện|"
    r"giải|cuộc thi|hội nghị|lễ)*$", re.IGNORECASE)
_VENUE_LEAD = re.compile(r"\btại\s+(?:(?:thành phố|TP\.?|tỉnh|huyện|thị xã|Thủ đô|trụ sở)\s+)?$",
                         re.IGNORECASE)
_COMMA_ONLY = re.compile(r"^\s*(?:,|\s[-–])\s*$")
