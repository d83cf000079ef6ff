from change.stages import DEFAULT_ACTIONS, SCALE, STAGES, barrier_stage


def test_the_barrier_is_the_first_stage_scored_three_or_less():
    assert barrier_stage([5, 4, 3, 2, 1]) == 3
    assert barrier_stage([1, 5, 5, 5, 5]) == 1
    assert barrier_stage([4, 4, 4, 4, 3]) == 5


def test_all_scores_four_or_five_is_ready():
    assert barrier_stage([4, 5, 4, 5, 4]) is None


def test_not_applicable_yet_is_never_a_barrier():
    assert barrier_stage([5, 4, 4, None, None]) is None
    assert barrier_stage([5, 4, 2, None, None]) == 3


def test_every_stage_has_an_item_naming_the_tool_only_where_it_reads_well():
    assert [str(stage.name) for stage in STAGES] == [
        "Understand",
        "Commit",
        "Learn",
        "Apply",
        "Sustain",
    ]
    item = str(STAGES[0].item).format(tool="the permit portal")
    assert item.startswith("I know why we are moving to the permit portal")
    assert [stage.number for stage in STAGES if stage.may_be_not_applicable] == [4, 5]


def test_the_scale_writes_out_all_five_meanings_and_each_stage_has_an_action():
    assert [score for score, _label, _meaning in SCALE] == [1, 2, 3, 4, 5]
    assert all(meaning for _score, _label, meaning in SCALE)
    assert sorted(DEFAULT_ACTIONS) == [1, 2, 3, 4, 5]
