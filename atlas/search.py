"""Search text, folded so that a reader finds a figure however they write it.

'1147', '1,147' and '1,147 km' find "1,147 kilometers"; 'fibre' finds "fiber"; case and accents do not matter.
Every word of the query must occur (in any order) in the record's text: its label, its words and its value.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

# British and American spellings the documents and readers mix; both sides of a match are folded the same way.
SPELLINGS = {"fibre": "fiber", "fibres": "fibers", "centre": "center", "centres": "centers", "metre": "meter",
              "metres": "meters", "kilometre": "kilometer", "kilometres": "kilometers", "harbour": "harbor",
              "labour": "labor", "programme": "program", "programmes": "programs", "tonnes": "tons", "tonne": "ton",
              "km": "kilometers", "sq": "square"}
# Romanisations readers type for the places the atlas names (Wade-Giles, postal), folded to pinyin; "xi'an" and
# "xian" meet because apostrophes of every kind are dropped inside a word.
ROMANISATIONS = {"sian": "xian", "hsian": "xian", "peking": "beijing", "peiping": "beijing", "canton": "guangzhou",
                 "kwangchow": "guangzhou", "chungking": "chongqing", "chengtu": "chengdu", "hofei": "hefei",
                 "hangchow": "hangzhou", "shantung": "shandong", "anhwei": "anhui", "hankow": "wuhan",
                 "szechuan": "sichuan", "szechwan": "sichuan", "kwangtung": "guangdong", "shensi": "shaanxi",
                 "tsingtao": "qingdao", "macau": "macao", "shenchen": "shenzhen", "hongkong": "hong kong"}
_APOSTROPHES = re.compile(r"(?<=[^\W_])['’‘ʼ`´](?=[^\W_])")
_THOUSANDS = re.compile(r"(?<=\d)[,\u2009\u202f ](?=\d{3}(?!\d))")
_WORD = re.compile(r"[^\W_]+(?:[.][^\W_]+)*", re.UNICODE)


def _fold_word(word: str) -> str:
    word = ROMANISATIONS.get(word, SPELLINGS.get(word, word))
    return re.sub(r"is(ation|ations|e|es|ed|ing)$", r"iz\1", word) if len(word) > 5 else word


def words(text: object) -> list[str]:
    """The folded words of a text: lower case, no accents, digits without thousands separators."""
    flat = unicodedata.normalize("NFKD", str(text)).casefold()
    flat = "".join(ch for ch in flat if not unicodedata.combining(ch))
    flat = _THOUSANDS.sub("", _APOSTROPHES.sub("", flat))
    return [folded for word in _WORD.findall(flat) for folded in _fold_word(word).split()]


def folded(text: object) -> str:
    """The folded text with a space on each side, so that a word is found as ' word '."""
    return " " + " ".join(words(text)) + " "


def matches(texts: pd.Series, query: str) -> pd.Series:
    """Which folded texts (from folded()) hold every word of the query. Chinese, which has no spaces, is
    matched as a substring."""
    keep = pd.Series(True, index=texts.index)
    for word in words(query):
        needle = word if any(ord(ch) > 0x2E7F for ch in word) else f" {word} "
        keep &= texts.str.contains(needle, regex=False)
    return keep
