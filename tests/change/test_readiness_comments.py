"""Comments on the dashboard: only for groups of ten who commented, text only."""

from django.urls import reverse

import pytest

from tests.change.builders import answer, closed_round, staff
from tests.change.factories import InitiativeFactory
from tests.people.factories import OrgUnitFactory


def _page(client, initiative) -> str:
    url = reverse("change:readiness", args=[initiative.slug])
    return client.get(url).content.decode()


@pytest.fixture
def initiative(org):
    return InitiativeFactory(units=[org["section"]])


def _commenters(baseline, unit, count, *, start=0):
    people = staff(unit, count)
    for n, person in enumerate(people, start=start):
        answer(baseline, person, comment=f"Comment number {n} from the crew")
    return people


@pytest.mark.parametrize(("commenters", "shown"), [(9, False), (10, True)])
def test_comments_need_ten_people_who_commented(
    initiative, org, client_for, ld_admin, commenters, shown
):
    baseline = closed_round(initiative)
    _commenters(baseline, org["team_a"], commenters)
    for person in staff(org["team_a"], 5):
        answer(baseline, person)  # answered without a comment: not counted

    page = _page(client_for(ld_admin), initiative)

    assert (f"Road Crew A: Comments ({commenters})" in page) == shown
    assert ("Comment number 0 from the crew" in page) == shown


def test_a_unit_one_commenter_away_from_its_parent_shows_no_comments(
    org, client_for, ld_admin
):
    # Roads' 11 comments minus Night crew's 10 would be the day person's own.
    initiative = InitiativeFactory(units=[org["section"]])
    baseline = closed_round(initiative)
    night = OrgUnitFactory(code="NIGHT", name="Night crew", parent=org["section"])
    _commenters(baseline, night, 10)
    _commenters(baseline, org["team_a"], 1, start=50)

    page = _page(client_for(ld_admin), initiative)

    assert "Roads: Comments (11)" in page
    assert "Night crew: Comments" not in page


def test_comments_carry_no_name_date_or_score(initiative, org, client_for, ld_admin):
    baseline = closed_round(initiative)
    people = _commenters(baseline, org["team_a"], 10)

    page = _page(client_for(ld_admin), initiative)
    comments = page[page.index('id="comments-heading"') : page.index("funnel-heading")]

    assert "Comment number 3 from the crew" in comments
    for person in people:
        assert person.last_name not in comments
        assert person.first_name not in comments
    assert baseline.opens_on.strftime("%-d %b %Y") not in comments
    assert "<li>" in comments and "Score" not in comments


def test_the_manager_of_another_team_sees_no_comments(
    initiative, org, client_for, manager, other_manager
):
    baseline = closed_round(initiative)
    _commenters(baseline, org["team_a"], 10)

    own = client_for(manager).get(reverse("change:readiness", args=[initiative.slug]))
    other = client_for(other_manager).get(
        reverse("change:readiness", args=[initiative.slug])
    )

    assert "Comment number 0 from the crew" in own.content.decode()
    # Dana heads Road Crew B: she sees her team, and none of Road Crew A's words.
    assert other.status_code == 200
    assert "Road Crew B" in other.content.decode()
    assert "Comment number 0" not in other.content.decode()
