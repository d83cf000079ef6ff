"""How people are matched by what someone types: one normal form for names."""

import unicodedata

# Letters that carry their mark in the letter itself, so NFKD leaves them
# whole: "Łukasz" must be found by "lukasz" as "Émile" is by "emile".
_UNMARKED = {
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ı": "i",
    "æ": "ae",
    "œ": "oe",
}
# HR files write O’Brien with a typographic apostrophe, people type O'Brien or
# OBrien: dropping them all lets any of the three find her.
_APOSTROPHES = "'’‘ʼ`´"
_TABLE = str.maketrans({**_UNMARKED, **dict.fromkeys(_APOSTROPHES)})


def search_text(text: str) -> str:
    """`text` as searches compare it: casefolded, without accents or apostrophes."""
    folded = text.casefold()
    if folded.isascii():  # most names are, and a roster import makes 40,000 keys
        return folded.replace("'", "").replace("`", "")
    # Apostrophes go first: NFKD turns "´" into a space and a combining mark.
    decomposed = unicodedata.normalize("NFKD", folded.translate(_TABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def employee_search_key(
    *, first_name: str, last_name: str, preferred_name: str, employee_number: str
) -> str:
    """What a person is found by: their names and number, in search form."""
    # Space-separated, and typed words never hold a space, so a word matches
    # within one name, as a search over each field would.
    parts = (first_name, last_name, preferred_name, employee_number)
    return search_text(" ".join(part for part in parts if part))
