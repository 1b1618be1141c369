"""The cue words of a leader's speech (``data/directive_cues.tsv``) and the patterns
built from them once, shared by the directive modules (speakers, assignees, clauses)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .lexicon import trie_pattern

CUES = "directive_cues.tsv"
KINDS = (
    "ask",
    "assign",
    "say",
    "open",
    "praise",
    "report",
    "modal",
    "imperative",
    "connector",
    "ordinal",
    "notice_subject",
    "frame",
    "agent",
    "negator",
    "local",
    "body",
    "task",
    "closing",
    "lead",
    "support",
    "then",
    "request",
    "wish",
    "upward",
    "above",
    "instruct",
    "duty",
    "caption_speech",
    "list_lead",
    "list_many",
    "list_point",
    "sapo_ask",
    "petition_noun",
    "answer_verb",
    "approval",
    "unit_heading",
    "unit_list_lead",
    "obligation",
    "filler",
    "agent_det",
    "passive",
    "noun_use",
    "opens_clauses",
    "promise",
    "unit_level",
    "time_frame",
    "notice_word",
    "notice_number",
    "notice_opinion",
    "notice_conclusion",
    "notice_of",
    "topic_about",
    "topic_det",
    "then_adverb",
    "list_and",
    "province_word",
    "group_det",
    "body_not_last",
    "plural_det",
    "related",
    "committee",
    "all_of",
    "together",
    "unit_body",
    "listed_level",
    "representatives",
    "figure_unit",
    "clause_result",
    "clause_state",
    "clause_must",
    "clause_determiner",
    "determiner_last",
    "honorific_gap",
    "lower_voice",
    "at_once",
    "give",
    "to",
)


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, tuple[str, ...]]:
    """Entries of ``data/directive_cues.tsv`` by kind (folded); bad lines name the file and
    line."""
    rows = lexicon.load(CUES, KINDS)
    return {k: lexicon.texts(rows, k) for k in KINDS}


def _alt(entries: tuple[str, ...]) -> str:
    return trie_pattern(entries)


@dataclass(frozen=True)
class CuePatterns:
    speech: re.Pattern[str]
    connector: re.Pattern[str]
    ordinal: re.Pattern[str]
    notice_says: re.Pattern[str]
    frame: re.Pattern[str]
    start_cue: re.Pattern[str]
    modal: re.Pattern[str]
    agent: re.Pattern[str]
    negator: re.Pattern[str]
    local: re.Pattern[str]
    praise: re.Pattern[str]
    report_verb: re.Pattern[str]
    ask: re.Pattern[str]
    then_ask: re.Pattern[str]
    bare_ask: re.Pattern[str]
    imperative_only: re.Pattern[str]
    body: re.Pattern[str]
    task: re.Pattern[str]
    closing: re.Pattern[str]
    lead: re.Pattern[str]
    support_before: re.Pattern[str]
    support_after: re.Pattern[str]
    support_scan: re.Pattern[str]
    duty: re.Pattern[str]
    kind_of: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def cue_patterns() -> CuePatterns:
    lx = cue_lexicon()
    kind_of: dict[str, str] = {}
    for k in ("report", "praise", "open", "say", "assign", "ask"):  # later kinds win
        for e in lx[k]:
            kind_of[e] = k
    verbs = tuple(kind_of)
    filler = lexicon.fill(r"(?:(?:«filler»)\s+)*", lx)
    det = lexicon.fill(r"(?:(?:«agent_det»)\s+)*", lx)
    passive = lexicon.fill(r"(?!\s+(?:«passive»)(?!\w))", lx)
    return CuePatterns(
        speech=re.compile(rf"\s*(?:,\s*)?{filler}(?P<verb>{_alt(verbs)})(?!\w)\s*(?::|,)?\s*"),
        connector=re.compile(rf"\s*(?:{_alt(lx['connector'])})(?:\s*[,:]\s*|\s+(?=\w))"),
        ordinal=re.compile(rf"\s*(?:{_alt(lx['ordinal'])})\s*[,:]"),
        # "Thông báo nêu rõ: “...”", "Thông báo số 145/TB-UBND kết luận: “...”"
        notice_says=cue_grammar(
            r"\s*(?:«notice_subject»)(?:\s+số\s+[\w/.-]+)?\s+(?:cũng\s+)?(?:«say»)\s*:\s*[“\"]?"
        ),
        frame=re.compile(rf"\s*(?:{_alt(lx['frame'])})(?!\w)"),
        start_cue=re.compile(
            rf"\s*[\"“]?(?:{_alt(lx['modal'] + lx['imperative'] + lx['ask'] + lx['assign'])})(?!\w){passive}"
        ),
        modal=re.compile(rf"(?:{at_word_start(lx['modal'])})(?!\w){passive}"),
        agent=re.compile(rf"\s*[\"“]?(?P<det>{det})(?:{_alt(lx['agent'])})(?!\w)"),
        negator=re.compile(rf"(?:{at_word_start(lx['negator'])})(?!\w)"),
        local=re.compile(rf"\s*(?:{_alt(lx['local'])})(?!\w)"),
        praise=re.compile(rf"\s*(?:{_alt(lx['praise'])})(?!\w)"),
        ask=re.compile(rf"\s*(?:{_alt(lx['ask'] + lx['assign'])})(?!\w)\s*:?\s*"),
        then_ask=cue_grammar(
            r"(?:[,;]\s*|\s)(?:«then»)\s+(?:(?:«then_adverb»)\s+)*(?:«request»|«wish»)(?!\w)\s*:?\s*"
        ),
        # "... ghi nhận ...; đề nghị UBND huyện ...": the same with no connector (clauses.py
        # wants who must act right after the verb)
        bare_ask=cue_grammar(r"[,;]\s*(?:«request»)(?!\w)\s*:?\s*"),
        report_verb=re.compile(rf"(?:{at_word_start(lx['report'] + lx['say'])})(?!\w)"),
        imperative_only=re.compile(
            rf"\s*[\"“]?(?:{_alt(tuple(set(lx['imperative']) - set(lx['modal'] + lx['ask'] + lx['assign'])))})(?!\w)"
        ),
        body=re.compile(rf"(?:{_alt(lx['body'])})(?!\w)"),
        task=re.compile(rf"(?:{_alt(lx['task'] + lx['modal'])})(?!\w)"),
        closing=re.compile(rf"(?:{at_word_start(lx['closing'])})(?!\w)"),
        lead=re.compile(rf"\s*,?\s*(?:{_alt(lx['lead'])})(?!\w)"),
        support_before=re.compile(rf"(?<!\w)(?:{_alt(lx['support'])})\s+$"),
        support_after=re.compile(rf"\s*,?\s*(?:{_alt(lx['support'])})(?!\w)"),
        support_scan=re.compile(rf"(?:{at_word_start(lx['support'])})(?!\w)\s+"),
        duty=re.compile(rf"\s*,?\s*(?:{_alt(lx['duty'])})(?!\w)\s*,?\s*"),
        kind_of=kind_of,
    )


def cue_grammar(template: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern of the genre's grammar whose ``«kind»`` slots hold the cue words of that kind
    (in the file's order), compiled with ``flags``."""
    # (a case-insensitive pattern keeps its slots plain: see ``lexicon.fill``)
    factor = not flags & re.IGNORECASE
    return re.compile(lexicon.fill(template, cue_lexicon(), factor=factor), flags)


def at_word_start(entries: tuple[str, ...]) -> str:
    """The alternation of ``entries`` matching only at the start of a word (fast to search)."""
    return trie_pattern(entries, word_start=True)
