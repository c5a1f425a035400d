"""Relations: the facts of ../shared/FACTS.md from a doc's entities, with evidence.

Registered as the spaCy factory `vnkg_relations`; it runs after entity recognition and sets
`doc._.facts`, a list of dicts {relation, subject: (TYPE, name), object: (TYPE, name), role?,
date?, evidence: (start, end) of the sentence} (the contract of `ingest.pipeline.doc_to_facts`).

The rules follow the language of Vietnamese government news, sentence by sentence and clause
by clause (clauses split at ";"), one function per verb family. The trigger words of every
family are data (ingest/data/frames.json, compiled by ingest/frames.py on pyvi's word
boundaries: receptions are a whole frame there, with the session frame's slot policies); the
slot logic of the others is code in this package:
- a trigger verb splits a clause into the acting side (left) and its objects (right):
  "làm việc với/tại" → worked_with, "khảo sát/thị sát/kiểm tra/thăm" → visited,
  "chủ trì/dự/phát biểu tại" → attended, "tổ chức/đăng cai" → organized,
  "diễn ra ... tại" → held_in, "ký/ban hành", "DOC ngày ... của X" → issued;
- the acting side is the people and bodies before the verb, except bodies that are only part
  of someone's title; a delegation ("đoàn công tác của Bộ X") acts for the body that sent it
  and for those who lead it ("do ... dẫn đầu");
- a fact's date is the date named nearest before its verb in the sentence ("cùng ngày" is
  the article's lead date); a fact told without a date is dropped where the same fact is
  told with one.

The modules, in the order a doc goes through them:
- component: `extract_facts` and the `vnkg_relations` factory; settings: its switches;
- sentences: sentences, mentions, the fact collector; lookups: what the gazetteers tell;
- titles: holds_position; clauses: one sentence's clauses, each verb family in turn;
- meetings (worked_with, visited), events (attended, organized, held_in), issued, part_of,
  sharing sides (the acting side and the objects of a verb) and dating (a fact's date);
- places: border_gate_of and located_in; discourse: the passes across sentences (attendance
  lists, speakers, delegation leaders, headline and session dates, undated duplicates);
- patterns: the words several families share that are not data yet.
"""

from ingest.relations.component import RelationExtractor, extract_facts, make_relations
from ingest.relations.sentences import split_sentences
from ingest.relations.settings import DEFAULT_SETTINGS, RelationSettings

__all__ = ["DEFAULT_SETTINGS", "RelationExtractor", "RelationSettings", "extract_facts",
           "make_relations", "split_sentences"]
