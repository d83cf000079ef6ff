"""A stage cell that would tell each member's score is told in words instead."""

import pytest

from change.summaries import ALL_HIGH, NONE_HIGH, SAME, stage_cell


def _cell(scores: list[int]):
    counts = {s: scores.count(s) for s in set(scores)}
    return stage_cell(
        scores=counts, answered=len(scores), high=sum(s >= 4 for s in scores)
    )


@pytest.mark.parametrize(
    ("scores", "words", "text"),
    [
        ([5] * 10, SAME, "Most scored 5"),  # a mean of 5.0
        ([1] * 8 + [3, 4], SAME, "Most scored 1"),  # 80% gave one score
        ([4, 5] * 5, ALL_HIGH, "Nearly everyone at 4–5"),  # 100% at 4–5
        ([1, 2, 3] * 3 + [2], NONE_HIGH, "Nearly nobody at 4–5"),  # 0% at 4–5
    ],
)
def test_a_cell_that_would_tell_is_words(scores, words, text):
    cell = _cell(scores)

    assert (cell.concentrated, cell.text) == (words, text)
    assert cell.mean is None and cell.high_percent is None


def test_a_spread_out_cell_keeps_its_numbers():
    cell = _cell([1, 2, 3, 3, 4, 4, 4, 5, 5, 5])  # 30% gave 4, 30% gave 5

    assert cell.concentrated == ""
    assert (cell.mean, cell.high_percent) == (3.6, 60)


def test_seven_of_ten_alike_is_still_a_number():
    cell = _cell([4] * 7 + [2, 3, 5])

    assert (cell.mean, cell.high_percent) == (3.8, 80)
