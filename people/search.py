"""How people are matched by what someone types: one normal form for names."""

import unicodedata

# Letters that carry their mark in the letter itself, so NFKD leaves them
# whole: "Łukasz" must be found by "lukasz" as "Émile" is by "emile".
_UNMARKED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe"}
)
# HR files write O’Brien with a typographic apostrophe, people type O'Brien or
# OBrien: dropping them all lets any of the three find her.
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼ`´"), None)


def search_text(text: str) -> str:
    """`text` as searches compare it: casefolded, without accents or apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(_UNMARKED).translate(_APOSTROPHES)


def employee_search_key(
    *, first_name: str, last_name: str, preferred_name: str, employee_number: str
) -> str:
    """What a person is found by: their names and number, in search form."""
    # Space-separated, and typed words never hold a space, so a word matches
    # within one name, as a search over each field would.
    parts = (first_name, last_name, preferred_name, employee_number)
    return search_text(" ".join(part for part in parts if part))
