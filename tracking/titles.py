"""The titles an article proposes for the happening it reports, in its own script.

A reader should recognise the happening from its title: its name when it has one a reader can
tell apart ("Hong Kong/Zhejiang Co-operation Conference"; "the X Forum, a highlight of the Y
Week" gives "X Forum, Y Week"), else a title made from its kind, who acts and where
("Hangzhou delegation visits Hong Kong", "InvestHK investment promotion seminar in Hangzhou",
"HKEX and Hangzhou municipal government sign memorandum of understanding"). A name made of
generic words ("Opening Ceremony & Press Conference") is never a title, and a Chinese name that
names no one (数字贸易论坛) is said with who held it where (香港贸易发展局在杭州举办数字贸易论坛).
Who held a promotion, a show or a visit is the side the visitors came from, never the city it
took place in ("Hangzhou pavilion in Hong Kong", not "Hong Kong pavilion in Hong Kong"); who
issued a policy is the place that issued it, never the side it is meant for. No title is a
back-reference, begins with a verb or a preposition (杭州举办…, not 在杭州举办…) or leaves a quote
open (tracking/names.py).

English articles propose English titles and Chinese articles Chinese ones, so an event's
Chinese title comes from its Chinese coverage only. Happenings the article names in passing
are proposed too, with their (low) scores, so the reasons show why they did not name the event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from config.knowledge import Entity
from records.facts import Agreement, EventCue, Evidence, Happening, Mention
from tracking.cues import main_kind
from tracking.entities import Gazetteer
from tracking.folding import Sentence, fold
from tracking.names import sound
from tracking.reported import agreement_words

NAMED_TITLE = "the happening's name"
AT_GATHERING = "the gathering it was done at"  # the event's name only if it is that gathering

_CJK = re.compile(r"[\u3400-\u9fff]")
_PROPER_ZH = re.compile(r"杭|港|浙|香港|澳|沪|深|粤|亚|“|”|「|」|·")
_STOP_EN = frozenset(
    [
        "a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "of", "in", "at",
        "on", "to", "for", "from", "with", "by", "and", "or", "as", "was", "were", "is", "are",
        "be", "been", "has", "have", "had", "will", "would", "held", "hosted", "opened",
        "signed", "said", "told", "met", "visited", "toured", "attended", "ran", "launched",
    ]
)  # fmt: skip
_HEAD_EN = frozenset(
    [
        "forum", "seminar", "conference", "reception", "fair", "expo", "exhibition", "roadshow",
        "ceremony", "session", "summit", "symposium", "dialogue", "event", "events", "trip",
        "meeting", "pavilion", "showcase", "campaign",
    ]
)  # fmt: skip
_DROPPED_HEADS = frozenset({"event", "events"})
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
_MEASURES_EN = re.compile(r"\b(\d+|[a-z]+(?:-[a-z]+)?) (?:new )?measures\b")
_MEASURES_ZH = re.compile(r"(\d+|[一二三四五六七八九十]+)(?:条|项)(?:[\u4e00-\u9fff]{0,8})?措施")
_PURPOSE_EN = re.compile(r"measures (to [a-z][^,;.]{3,60}?)(?=,|;|\.|$| including| such as)")
_GENERATED = 0.5  # a made-up title trusts less than a name the coverage gives
_LAUNCHED = frozenset(
    [
        "campaign", "programme", "program", "institute", "centre", "center", "platform", "fund",
        "park", "office", "base", "hub", "scheme", "initiative", "laboratory", "lab", "school",
        "incubator", "academy", "service", "services", "route",
    ]
)  # fmt: skip
_KIND_NOUN = {
    "expo": "exhibition", "promotion": "investment promotion", "forum": "forum",
    "conference": "conference", "launch": "launch", "investment_project": "investment project",
}  # fmt: skip
# the words that can end a made-up name of a gathering ("digital trade forum")
_NOUNS = _HEAD_EN | {
    "promotion",
    "roadshow",
    "reception",
    "fair",
    "competition",
    "contest",
    "expo",
    "exhibition",
    "salon",
    "conference",
    "plenary",
    "matching",
    "showcase",
    "pitch",
}
_ACRONYM = re.compile(r"(?=.*[A-Z].*[A-Z])[A-Z][A-Za-z]{1,9}")  # HKTDC, HKEX, InvestHK
_SIGNED_THING = re.compile(
    r"\bsign(?:ed|s)?\s+(?:an?|the)\s+(?P<what>(?:[a-z\-]+\s+){0,3}"
    r"(?:memorandum of understanding|memorandum|agreement|accord|pact|contract|letter of intent))\b"
)
_OPENED = re.compile(r"\b(?:opened|opens|inaugurated)\b|开幕|揭牌|开业")
_FIRMS_ZH = re.compile(r"(?:[\d一二两三四五六七八九十百几数多]+家)?(?:企业|公司|机构)")
_FIRMS_EN = re.compile(r"\s+(?:firms|companies|enterprises)\b")
_TRAVELLING = frozenset({"promotion", "expo", "visit"})  # held by visitors from elsewhere


_PROJECTS = frozenset(
    [
        "plant", "factory", "production base", "r&d centre", "r&d center", "regional headquarters",
        "joint venture", "生产基地", "研发中心", "区域总部",
    ]
)  # fmt: skip


@dataclass(frozen=True)
class _Names:
    """Someone or somewhere, in English and in Chinese."""

    en: str
    zh: str


def propose_titles(
    happening: Happening,
    others: Sequence[tuple[EventCue, float, str]],
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    agreements: Sequence[Agreement],
    chinese: bool,
    gazetteer: Gazetteer,
) -> tuple[tuple[Evidence, ...], tuple[Evidence, ...]]:
    """Title candidates in the article's script: the reported happening's (none when nothing
    tells it apart), and the names of the happenings it passed over (`others`: cue, score,
    why), kept as evidence with their scores."""
    attribute = "title_zh" if chinese else "title"
    cue = happening.cue
    sentence = sentences[cue.index] if cue.index < len(sentences) else None
    context = _Context(cue, sentence, sentences, mentions, agreements, gazetteer)
    proposed: list[Evidence] = []
    passed: list[Evidence] = []
    name = _name_title(cue, context, chinese)
    if name is not None:
        proposed.append(Evidence(attribute, name, NAMED_TITLE, cue.sentence,
                                 happening.score))  # fmt: skip
    else:
        made = context.zh() if chinese else context.en()
        if made:
            why = f"made from its kind ({cue.event_type.replace('_', ' ')}), who acts and where"
            proposed.append(Evidence(attribute, made, why, cue.sentence,
                                     round(happening.score * _GENERATED, 4)))  # fmt: skip
    if (
        _done_elsewhere(cue, gazetteer)
        and cue.name
        and not cue.generic
        and bool(_CJK.search(cue.name)) == chinese
    ):
        # named by what was done there, unless the event turns out to be that gathering
        # (tracking/events.py: a signing at the X Forum, in coverage of the X Forum)
        passed.append(Evidence(attribute, cue.name, AT_GATHERING, cue.sentence, happening.score))
    for other, score, why in others:
        if other is cue or not other.name or other.generic:
            continue
        if bool(_CJK.search(other.name)) == chinese:
            passed.append(Evidence(attribute, other.name, why, other.sentence, score))
    return tuple(p for p in proposed if sound(p.value)), tuple(passed)


def _done_elsewhere(cue: EventCue, gazetteer: Gazetteer) -> bool:
    """Whether a cue is named by what was done at the gathering its name is (a launch, a signing,
    a policy announced there), not by the gathering: somebody else's gathering, not one of the
    two sides' own (8 MoUs signed at the Hangzhou-Hong Kong ... Forum names what it holds)."""
    return cue.venue and not (cue.name and gazetteer.names_both_sides(cue.name))


def _name_title(cue: EventCue, context: _Context, chinese: bool) -> str | None:
    done_elsewhere = _done_elsewhere(cue, context.gazetteer)
    if not cue.name or cue.generic or done_elsewhere or bool(_CJK.search(cue.name)) != chinese:
        return None
    if chinese and not _PROPER_ZH.search(cue.name) and not context.names_someone(cue.name):
        actor = context.actor()
        place = context.place()
        if actor is None and place is None:
            return None
        if actor is None:
            return f"{place.zh}举办{cue.name}" if place is not None else None
        held = f"在{place.zh}举办" if place is not None else "举办"
        return f"{actor.zh}{held}{cue.name}"
    if chinese:
        name = cue.name
    else:
        edition = _with_edition(cue.name, cue.sentence)
        name = _with_tail(edition, cue.name, cue.sentence, context.gazetteer)
    if cue.within and not chinese:
        return f"{name}, {cue.within}"
    return name


_EDITION_EN = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural|"
    r"\d{1,2}(?:st|nd|rd|th))\s+$"
)


def _with_edition(name: str, sentence: str) -> str:
    """The name with the edition the sentence gives it ("the second Hangzhou-Hong Kong Youth
    Forum"): what tells this year's forum from last year's, which coverage often recalls (第二届
    stays inside a Chinese name already)."""
    at = _name_at(name, sentence)
    edition = _EDITION_EN.search(sentence[:at].replace("–", "-").lower()) if at > 0 else None
    if edition is None:
        return name
    word = edition.group(1)
    return f"{word[0].upper()}{word[1:]} {name}"


def _name_at(name: str, sentence: str) -> int:
    """Where a name stands in its sentence, whichever dash joins its places; -1 if nowhere."""
    return sentence.replace("–", "-").lower().find(name.replace("–", "-").lower())


_YEAR_AFTER_EN = re.compile(r"\s+((?:19|20)\d{2})\b(?![,.]?\d|\s*(?:-|–|to)\s*\d)")
_IN_AFTER_EN = re.compile(r"\s+in\s+(?=[A-Z])")


def _with_tail(title: str, name: str, sentence: str, gazetteer: Gazetteer) -> str:
    """The title with what follows the name in the sentence and belongs to it: the year
    ("... Expo 2024") and the other place a travelling happening is held in ("Hangzhou Week in
    Hong Kong 2024"), which tell one edition from another. A place the name already gives
    ("the Hangzhou-Hong Kong Forum in Hangzhou") adds nothing to it."""
    at = _name_at(name, sentence)
    if at < 0:
        return title
    rest = sentence[at + len(name) :]
    tail = ""
    year = _YEAR_AFTER_EN.match(rest)
    if year:
        tail, rest = f" {year.group(1)}", rest[year.end() :]
    held = _IN_AFTER_EN.match(rest)
    place = _place_opening(rest[held.end() :], gazetteer) if held else None
    if held and place and not _names_place(name, place, gazetteer):
        tail += f" in {place}"
        later = None if year else _YEAR_AFTER_EN.match(rest[held.end() + len(place) :])
        tail += f" {later.group(1)}" if later else ""
    return title + tail


def _place_opening(text: str, gazetteer: Gazetteer) -> str | None:
    """The place a text opens with, as written there, when the gazetteer knows it."""
    folded = fold(text[:60])
    for hit in gazetteer.matcher.find(folded.text):
        entity = gazetteer.by_id.get(hit.key)
        if hit.start == 0 and entity is not None and entity.entity_type == "place":
            start, end = folded.span(hit.start, hit.end)
            return text[start:end]
    return None


def _names_place(name: str, place: str, gazetteer: Gazetteer) -> bool:
    """Whether a name already says where its happening goes: it names the place, under any of
    its names, or the place's side (Hangzhou for a Zhejiang/Hong Kong conference), or both
    sides. Only a side's own happening held on the other side's ground ("Hangzhou Week" in
    Hong Kong) takes the place into its name."""
    ids = {hit.key for hit in gazetteer.matcher.find(fold(place).text)}
    if gazetteer.names_both_sides(name) or any(
        hit.key in ids for hit in gazetteer.matcher.find(fold(name).text)
    ):
        return True
    roles = {hit.key for hit in gazetteer.side_matcher.find(fold(name).text)}
    return any(gazetteer.side_of.get(i) in roles for i in ids)


class _Context:
    """What a made-up title needs: who acts, where from, where, and the words for the kind."""

    def __init__(
        self,
        cue: EventCue,
        sentence: Sentence | None,
        sentences: Sequence[Sentence],
        mentions: Sequence[Mention],
        agreements: Sequence[Agreement],
        gazetteer: Gazetteer,
    ) -> None:
        self.cue = cue
        self.sentence = sentence
        self.gazetteer = gazetteer
        self.by_name = {e.name: e for e in gazetteer.entities}
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.inside = [m for m in self.mentions if sentence and sentence.holds(m.start)]
        self.cities = [m for m in mentions if gazetteer.by_id[m.entity_id].level == "city"]
        signed = [a for a in agreements if a.status == "signed"]
        self.agreement = signed[0] if signed else None
        self.sentences = sentences
        self.agreement_sentence = next(
            (s for s in sentences if self.agreement and s.text == self.agreement.sentence), None
        )
        # where the kind's word stands, in the original sentence
        self.kind_at = (
            sentence.original(cue.kind_at, cue.kind_at + 1)[0]
            if sentence is not None and cue.kind_at < len(sentence.folded.text)
            else None
        )

    def names_someone(self, name: str) -> bool:
        return bool(self.gazetteer.matcher.find(fold(name).text))

    def _names(self, name: str) -> _Names:
        """An entity's names for a title: in English the short form newsrooms use for an
        organisation (HKTDC, HKEX, HKSTP) when it has one, in Chinese its Simplified name."""
        entity: Entity | None = self.by_name.get(name)
        zh = entity.name_zh_hans if entity is not None and entity.name_zh_hans else name
        short = [a for a in entity.aliases if _ACRONYM.fullmatch(a)] if entity else []
        if entity is not None and entity.entity_type == "organization" and short:
            return _Names(short[0], zh)
        return _Names(name, zh)

    def place(self) -> _Names | None:
        return self._names(self.cue.place) if self.cue.place else None

    def actor(self) -> _Names | None:
        """Who holds it: the subject before its kind's word (an organisation, else a place, else
        a person), else the side the visitors or organisers came from. A promotion, a show or a
        visit is held by visitors: a place of the city it took place in (a dateline, "Hong
        Kong's Chief Executive") is not who held it there, the side they came from is. A policy
        is issued by the place itself, never by the side it is meant for."""
        before = self._before_kind()
        for kind in ("organization", "place", "person"):
            found = [m for m in before if m.entity_type == kind]
            if found and kind == "place" and self.cue.event_type in _TRAVELLING:
                away = [m for m in found if self._city(m) != self.cue.place]
                return self._names(away[0].name) if away else self.origin()
            if found:
                return self._names(found[0].name)
        return None if self.cue.event_type == "policy" else self.origin()

    def _before_kind(self) -> list[Mention]:
        """The sentence's mentions before its kind's word, the venue it was held at left out:
        whoever stands there acts (holds the gathering, makes the investment)."""
        at = self.kind_at
        return [m for m in self.inside if (at is None or m.start < at) and not self._where(m)]

    def _where(self, mention: Mention) -> bool:
        """Whether a mention is the venue the happening was held at (在数码港举办推介会): where,
        not who, even when the venue is also an organisation."""
        entity = self.gazetteer.by_id.get(mention.entity_id)
        return (
            entity is not None and entity.level == "venue" and self.cue.place_detail == entity.name
        )

    def _city(self, mention: Mention) -> str:
        return self.gazetteer.city_of(mention.entity_id) or mention.name

    def origin(self) -> _Names | None:
        """Where visitors or organisers came from: the first place of the sentence outside the
        happening's city ("a delegation from Hong Kong", "Binjiang district"), else the
        article's other city."""
        place = self.cue.place
        for m in self.inside:
            if m.entity_type != "place":
                continue
            if (self.gazetteer.city_of(m.entity_id) or m.name) != place:
                return self._names(m.name)
        counts: dict[str, int] = {}
        for m in self.cities:
            if m.name != place:
                counts[m.name] = counts.get(m.name, 0) + 1
        if not counts:
            return None
        return self._names(min(counts, key=lambda n: (-counts[n], n)))

    def _words(self) -> tuple[list[str], list[int]]:
        if self.sentence is None:
            return [], []
        found = list(_WORD.finditer(self.sentence.text))
        return [m.group() for m in found], [self.sentence.start + m.start() for m in found]

    def phrase(self) -> str | None:
        """The words naming an unnamed gathering at its kind's word ("held a digital trade
        forum": digital trade forum; "an investment promotion event": investment promotion)."""
        words, starts = self._words()
        if not words:
            return None
        at = next((i for i, s in enumerate(starts) if self.kind_at is not None and
                   s >= self.kind_at), None)  # fmt: skip
        if at is None:
            return None
        end = at
        while (
            end + 1 < len(words)
            and words[end + 1].islower()
            and (words[end].lower() not in _HEAD_EN or words[end + 1].lower() in _HEAD_EN)
        ):
            if words[end].lower() in _HEAD_EN and words[end + 1].lower() not in _HEAD_EN:
                break
            end += 1
            if end - at >= 3:
                break
        start = at
        while (
            start > 0
            and words[start - 1].islower()
            and words[start - 1] not in _STOP_EN
            and (not words[start - 1].endswith(("'s", "’s")))
        ):
            start -= 1
            if at - start >= 3:
                break
        chosen = [w for w in words[start : end + 1] if w not in _STOP_EN] or [words[at]]
        while len(chosen) > 1 and chosen[-1].lower() in _DROPPED_HEADS:
            chosen.pop()
        if chosen[-1].lower() not in _NOUNS:
            return None  # "went on show": a verb, no name for the happening
        return " ".join(chosen)

    def launched(self) -> str | None:
        """What was launched: the words ending in a thing that is launched or opened ("its 2023
        investment promotion campaign", "a research institute")."""
        words, _ = self._words()
        heads = [i for i, w in enumerate(words) if w.lower() in _LAUNCHED]
        if not heads:
            return None
        end = heads[0]
        start = end
        while (
            start > 0
            and (words[start - 1].islower() or words[start - 1].isdigit())
            and (words[start - 1] not in _STOP_EN)
        ):
            start -= 1
        return " ".join(words[start : end + 1])

    def signed_words(self) -> str | None:
        """How the signing sentence names one thing signed ("a strategic cooperation
        memorandum", "a cooperation agreement"); none for a count (8 memoranda)."""
        if self.agreement is None or (self.agreement.count or 1) > 1:
            return None
        m = _SIGNED_THING.search(self.agreement.sentence)
        return " ".join(m.group("what").split()) if m else None

    def parties(self) -> list[str]:
        """The signing's parties, in the order its sentence names them."""
        if self.agreement is None:
            return []
        order = {
            m.name: i
            for i, m in reversed(list(enumerate(self.mentions)))
            if self.agreement_sentence is not None and self.agreement_sentence.holds(m.start)
        }
        return sorted(self.agreement.parties, key=lambda p: (order.get(p, len(order)), p))

    def party(self, name: str) -> _Names:
        """A signing's party as a reader knows it: a district with its city (杭州滨江区,
        "Hangzhou's Binjiang district"), and a place whose firms signed as those firms
        ("香港三家企业": 香港企业, "three Hong Kong firms": Hong Kong firms)."""
        names = self._names(name)
        entity = self.by_name.get(name)
        city = self.gazetteer.city_of(entity.entity_id) if entity is not None else None
        if entity is not None and entity.entity_type == "place" and city and city != name:
            home = self._names(city)
            return _Names(f"{home.en}'s {names.en}", f"{home.zh}{names.zh}")
        sentence = self.agreement_sentence
        for m in self.mentions:
            if m.name != name or sentence is None or not sentence.holds(m.start):
                continue
            after = sentence.text[m.end - sentence.start :]
            if _FIRMS_ZH.match(after) or _FIRMS_EN.match(after):
                return _Names(f"{names.en} firms", f"{names.zh}企业")
        return names

    def en(self) -> str | None:
        cue = self.cue
        place = f" in {cue.place}" if cue.place else ""
        if cue.event_type == "agreement_signing" and self.agreement is not None:
            parties = [self.party(p).en for p in self.parties()[:2]]
            what = self.signed_words() or agreement_words(self.agreement)
            if len(parties) == 2:
                return f"{parties[0]} and {parties[1]} sign {what}"
            if parties:
                return f"{parties[0]} signs {what}{place}"
            return f"Signing of {what}{place}"
        actor = self.actor()
        if cue.event_type == "visit":
            origin = self.origin() or actor
            where = cue.place_detail or cue.place
            if origin is not None and where:
                return f"{origin.en} delegation visits {where}"
            return None
        if cue.event_type == "policy":
            return self._policy_en()
        if cue.event_type == "launch":
            thing = self.launched()
            opened = self.sentence is not None and _OPENED.search(self.sentence.folded.text)
            if thing and (opened or actor is None):
                return f"{thing[0].upper()}{thing[1:]} opens{place}"
            if thing and actor is not None:
                return f"{actor.en} launches {thing}"
        if cue.event_type == "investment_project":
            investor, thing = self.investor(), self.project()
            if investor is None or not cue.place:
                return None
            who, firm = investor
            if thing is None:
                return f"{who.en} investment project{place}"
            return f"{who.en if firm else who.en + '-invested'} {thing}{place}"
        phrase = self.phrase() or _KIND_NOUN.get(cue.event_type, cue.event_type.replace("_", " "))
        return f"{actor.en + ' ' if actor else ''}{phrase}{place}".strip() or None

    def investor(self) -> tuple[_Names, bool] | None:
        """Who invests, and whether it is a firm: a known organisation before the kind's word,
        else the side the money comes from (the place outside the project's city: "Hong
        Kong-invested"), never the district the project lands in (钱塘区 holds no project)."""
        firms = [m for m in self._before_kind() if m.entity_type == "organization"]
        if firms:
            return self._names(firms[0].name), True
        origin = self.origin()
        return (origin, False) if origin is not None else None

    def project(self) -> str | None:
        """What is built, as the kind's word names it ("plant", "R&D centre", 研发中心); none
        when the word says what happened rather than what (落户, "broke ground")."""
        sentence = self.sentence
        if sentence is None:
            return None
        for start, end, kind in self.gazetteer.happening_hits(sentence.folded.text):
            if start != self.cue.kind_at or kind != "investment_project":
                continue
            first, last = sentence.original(start, end)
            word = sentence.text[first - sentence.start : last - sentence.start]
            return word if fold(word).text in _PROJECTS else None
        return None

    def issuer(self) -> tuple[_Names | None, Sentence | None]:
        """Who issues a policy and the sentence saying so: the subject before the kind's word in
        its own sentence, else in the article's first sentence of the same kind that names one
        ("Hangzhou has issued 18 measures ..." when the cue's own says "the policy, announced on
        Wednesday"), else the place it applies in."""
        actor = self.actor()
        if actor is not None:
            return actor, self.sentence
        for sentence in self.sentences:
            kind = main_kind(sentence.folded.text, self.gazetteer)
            if kind is None or kind[0] != self.cue.event_type:
                continue
            at = sentence.original(kind[1], kind[1] + 1)[0]
            before = [m for m in self.mentions if sentence.holds(m.start) and m.start < at]
            for entity_type in ("organization", "place"):
                found = [m for m in before if m.entity_type == entity_type]
                if found:
                    return self._names(found[0].name), sentence
        return self.place(), self.sentence

    def _policy_en(self) -> str | None:
        actor, sentence = self.issuer()
        count = _MEASURES_EN.search(sentence.folded.text) if sentence else None
        purpose = _PURPOSE_EN.search(sentence.text) if sentence else None
        who = actor.en if actor else ""
        what = f"{count.group(1)} measures" if count else "measures"
        tail = f" {purpose.group(1)}" if purpose else ""
        return f"{who} issues {what}{tail}".strip() if who else None

    def zh(self) -> str | None:
        cue = self.cue
        place = self.place()
        if cue.event_type == "agreement_signing" and self.agreement is not None:
            parties = [self.party(p).zh for p in self.parties()[:2]]
            what = "合作备忘录" if "memorandum" in self.agreement.kind else "合作协议"
            if self.agreement.count and self.agreement.count > 1:
                what = f"{self.agreement.count}项{what}"
            if len(parties) == 2:
                return f"{parties[0]}与{parties[1]}签署{what}"
            return f"{parties[0]}签署{what}" if parties else None
        actor = self.actor()
        if cue.event_type == "visit":
            origin = self.origin() or actor
            if origin is None or place is None:
                return None
            return f"{origin.zh}代表团访问{place.zh}"
        if cue.event_type == "policy":
            issuer, sentence = self.issuer()
            count = _MEASURES_ZH.search(sentence.folded.text) if sentence else None
            who = issuer.zh if issuer else ""
            return f"{who}出台{count.group(1) + '条' if count else ''}措施" if who else None
        if cue.event_type == "investment_project":
            investor = self.investor()
            if investor is None or place is None:
                return None
            who = investor[0].zh if investor[1] else f"{investor[0].zh}投资"
            thing = self.project()
            return f"{who}{fold(thing).text if thing else '项目'}落户{place.zh}"
        words = {
            "promotion": "投资推介会", "forum": "论坛", "conference": "会议", "expo": "展览",
            "launch": "启动仪式", "investment_project": "投资项目",
        }.get(cue.event_type, "活动")  # fmt: skip
        if actor is None:  # "杭州举办…", never a title that starts with 在
            return f"{place.zh}举办{words}" if place is not None else None
        where = f"在{place.zh}" if place and actor.zh != place.zh else ""
        return f"{actor.zh}{where}举办{words}"
