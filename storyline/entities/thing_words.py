"""Words and shapes that mark a name as a thing's, not a person's, read by the English model's
repairs (`ner_english.py`) and the capitalised-word rules (`ner_rules.py`) alike: time zones,
platforms, companies by their capitals, craft and sites, the last words of bodies' and places'
names, and the lines of site furniture and mastheads that are never read for names.
"""

from __future__ import annotations

import re

# Time zones news prints after a time, which taggers read as organisations ("at 12:00 UTC").
TIME_ZONES = frozenset("utc gmt est edt cst cdt mst mdt pst pdt cet cest eet eest bst msk jst ist aest hkt sgt".split())
# The US zones without their season, a zone only after a time ("CT" is also Connecticut), and a
# word of a time: "11 a.m. ET", "18:00 ET".
US_ZONES = frozenset({"et", "ct", "mt", "pt"})

# Platforms news cites as sources ("said on Twitter", "a video posted on YouTube"), which the model
# often types as a person.
PLATFORMS = frozenset("Twitter Facebook YouTube Instagram MySpace LinkedIn Flickr Reddit WhatsApp TikTok Telegram "
                      "Weibo WeChat Wikipedia Google Yahoo Skype".split())

# A word with a capital inside it after a run of four letters or more, or two such capitals:
# "GlaxoSmithKline", "AstraZeneca", "ExxonMobil" are companies; "McCain", "MacArthur", "DeSantis",
# "LaGuardia" are people, their prefixes short.
_COMPANY_CAPITALS = re.compile(r"^[A-Z][a-z]{3,}[A-Z][a-z]|^[A-Z][a-z]+[A-Z][a-z]+[A-Z][a-z]")


def company_shaped(name: str) -> bool:
    return " " not in name and not name.startswith("Fitz") and bool(_COMPANY_CAPITALS.match(name))


# What a name stands before when it names a craft or a site, not a person: "the Deepwater Horizon
# rig", "the Helix Producer vessel", "the Exxon Valdez spill". A name that stands before one of
# these anywhere in the article is the thing's all through it, and so is one after "rig" or one of two
# words before "explosion" or "disaster". Not one word before "disaster", nor any before "platform":
# "a Bush disaster", "the Obama platform" name people.
_THING_HEADS = (r"(?:(?:oil |drilling )*(?:rigs?|spill)|drillship|drillsite|vessel|tanker|freighter|ferry|barge|"
                r"blowout)\b")
_EVENT_HEADS = r"(?:explosion|disaster|leak|sinking)\b"  # after a name of two words: "a Bush disaster" is no craft's
_CAP = r"[A-Z][\w'’-]+"
THING_NAMED = re.compile(rf"\b({_CAP}) {_THING_HEADS}|\b{_CAP} ({_CAP}) {_EVENT_HEADS}|"
                         rf"\b(?:drilling rig|oil rig|rig|vessel|tanker) (?:{_CAP} )?({_CAP})")
THING_AFTER = re.compile(rf"^\s+{_THING_HEADS}")
# The prefixes of ships' names, which the model reads as people's.
VESSEL = re.compile(r"(?:INS|MV|M/V|HMS|USS|SS|MS|RMS|HMAS|HMCS|USNS|MT|FV|RV|HNLMS|NRP|ESPS)\s+[A-Z]")
# Last words of a company's or an institution's name, which the model may read as a person's
# ("Dick Clark Productions", "Big Machine Records", "Coast Guard", "Andrew Marr Show"): such a
# "person" is an organisation.
BODY_TAILS = frozenset("""
productions records entertainment studios pictures films media group holdings partners associates
industries enterprises inc inc. corp corp. co. ltd ltd. llc plc gmbh airlines airways motors
laboratories labs pharmaceuticals technologies systems networks communications publishing
institute university college foundation association society agency bank company corporation energy
oil petroleum resources solutions investments insurance telecom software electronics steel mining foods brands
guard force forces service council committee commission ministry department show
embassy consulate parliament assembly tribunal brigade brigades battalion battalions regiment league federation
alliance coalition movement sabha knesset duma sejm senate congress
""".split())


# Last words of a place's name that no surname ends with (not Bay, Lake or Hill: Michael Bay, Ricki
# Lake, Benny Hill), for a place named after a man that the model reads as him.
GEOGRAPHIC_HEADS = frozenset("Sound Strait Straits Island Islands Peninsula Canyon Creek Gulf Reef Harbor Harbour "
                             "Glacier Fjord Atoll".split())


# Lines of site furniture and mastheads: never read for names.
FURNITURE = re.compile(
    r"\b(subscribe|newsletter|follow us|read more|read also|see also|leave a (comment|review|reply)|cookie|"
    r"privacy|copyright|all rights reserved|sign up|log ?in|advertis\w*|download|app ?store|google ?play|"
    r"editorial team|photo of author|by admin|share (this|on)|related (news|articles|stories)|comments?\b|"
    r"click here|terms of (use|service)|rules of conduct|contact us|be a reporter|"
    r"(reporting|writing|editing|compiled) by)", re.I)  # a wire's credit names its staff, not the story's people
MASTHEAD = re.compile(
    r"\b(editor|editors|supervisor|chief|author|photo|photos|reporter|correspondent|contributor|writer|"
    r"publisher|managing|copy|produced|compiled|translated)\b", re.I)


# Sports teams' plural nicknames, in the English their fans print in any language's text ("i Montreal
# Canadiens", "los Dallas Cowboys", "Wolverhampton Wanderers"): a name that ends on one is a team's,
# which the model and the rules had read as a person's. Plurals only: "Heat" and "Magic" name people.
TEAM_NICKNAMES = frozenset("""
Bills Canadiens Ducks Texans Cowboys Packers Sabres Sox Lakers Knicks Giants Jets Eagles Patriots Raiders Rams Bears
Lions Tigers Yankees Dodgers Cubs Mets Celtics Bulls Warriors Spurs Rockets Nets Bucks Suns Clippers Mavericks
Nuggets Pistons Pacers Hawks Hornets Wizards Raptors Cavaliers Grizzlies Pelicans Timberwolves Blazers Steelers
Ravens Bengals Colts Titans Jaguars Broncos Chiefs Chargers Seahawks 49ers Buccaneers Vikings Redskins Dolphins
Bruins Flyers Penguins Islanders Devils Leafs Oilers Flames Canucks Predators Blackhawks Coyotes Sharks
Mariners Astros Orioles Royals Athletics Brewers Pirates Marlins Braves Phillies Padres Rockies Diamondbacks
Sounders Wanderers Bulldogs Wildcats Longhorns Buckeyes Wolverines Hurricanes Seminoles Huskies
""".split())

CLOCK_WORD = re.compile(r"^(?:[ap]\.?m\.?|\d{1,2}[:.]\d{2}|\d{1,4})$", re.I)
