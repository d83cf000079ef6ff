import pytest

from lib.batching import chunks


def test_chunks_cover_every_item_once_in_order():
    assert list(chunks([1, 2, 3, 4, 5], 2)) == [[1, 2], [3, 4], [5]]
    assert list(chunks([], 3)) == []
    assert list(chunks((1, 2), 5)) == [(1, 2)]


def test_a_chunk_size_below_one_is_refused():
    with pytest.raises(ValueError):
        list(chunks([1], 0))
