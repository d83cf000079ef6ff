"""Initiatives in the Wagtail admin: who sees which, the prefilled form, saving."""

from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from assignments.models import AssignedLearner, Assignment
from change.models import Initiative
from change.schedule import default_rounds, provisional_go_live
from change.services import change_leads_sync
from change.stages import DEFAULT_ACTIONS
from people.roles import CHANGE_LEADS
from tests.change.factories import CheckInRoundFactory, InitiativeFactory
from tests.courses.factories import make_course
from tests.personas import LOGIN, NO_ADMIN, OK, REFUSED

INDEX = reverse("change_initiative:index")
ADD = reverse("change_initiative:add")


def _edit(initiative):
    return reverse("change_initiative:edit", args=[initiative.pk])


def test_the_list_is_for_l_and_d_admins_and_change_leads(persona_matrix, led):
    expected = {
        "anonymous": LOGIN,
        "employee": NO_ADMIN,
        "peer": NO_ADMIN,
        "manager": OK,
        "other_manager": NO_ADMIN,
        "trainer": REFUSED,
        "ld_admin": OK,
    }
    responses = persona_matrix(INDEX, expected)
    lead_sees = responses["manager"].text
    assert "311 rollout" in lead_sees and "Permit portal" not in lead_sees
    admin_sees = responses["ld_admin"].text
    assert "311 rollout" in admin_sees and "Permit portal" in admin_sees


def test_a_change_lead_edits_only_the_initiatives_naming_them(persona_matrix, led):
    ours, theirs = led
    only_admins = {
        "anonymous": LOGIN,
        "employee": NO_ADMIN,
        "peer": NO_ADMIN,
        "manager": REFUSED,
        "other_manager": NO_ADMIN,
        "trainer": REFUSED,
        "ld_admin": OK,
    }
    persona_matrix(_edit(ours), {**only_admins, "manager": OK})
    persona_matrix(_edit(theirs), only_admins)
    history = reverse("change_initiative:history", args=[theirs.pk])
    persona_matrix(history, only_admins)
    persona_matrix(ADD, only_admins)


def test_nobody_deletes_an_initiative(persona_matrix, led):
    ours, _theirs = led
    delete = reverse("change_initiative:delete", args=[ours.pk])
    persona_matrix(
        delete,
        {
            "anonymous": LOGIN,
            "employee": NO_ADMIN,
            "manager": REFUSED,
            "trainer": REFUSED,
            "ld_admin": REFUSED,
        },
        method="post",
    )
    assert Initiative.objects.filter(pk=ours.pk).exists()


def test_the_group_of_change_leads_is_exactly_the_named_leads(led, manager, peer):
    ours, theirs = led
    group = Group.objects.get(name=CHANGE_LEADS)
    assert set(group.user_set.all()) == {manager}
    ours.change_leads.set([peer])
    change_leads_sync()
    assert set(group.user_set.all()) == {peer}


def test_the_list_filters_by_status_and_go_live(client_for, ld_admin, led):
    ours, theirs = led
    theirs.status = Initiative.Status.PLANNED
    theirs.go_live = date(2031, 6, 1)
    theirs.save()
    admin = client_for(ld_admin)
    planned = admin.get(INDEX, {"status": "planned"}).text
    assert "Permit portal" in planned and "311 rollout" not in planned
    later = admin.get(INDEX, {"go_live_from": "2031-01-01"}).text
    assert "Permit portal" in later and "311 rollout" not in later


@pytest.mark.parametrize("size", [2, 20])
def test_the_list_costs_the_same_queries_at_any_size(
    client_for, ld_admin, org, size, django_assert_max_num_queries
):
    for _ in range(size):
        CheckInRoundFactory(initiative=InitiativeFactory(sponsor=ld_admin.employee))
    admin = client_for(ld_admin)
    admin.get(INDEX)  # warm the per-session caches
    with django_assert_max_num_queries(40):
        response = admin.get(INDEX)
    assert response.text.count("Initiative ") >= size


def test_a_new_initiative_starts_with_the_usual_rounds_and_actions(
    client_for, ld_admin
):
    page = client_for(ld_admin).get(ADD).text
    today = timezone.localdate()
    for checkin_round in default_rounds(
        go_live=provisional_go_live(today=today), launch=today
    ):
        assert checkin_round.name in page
        assert checkin_round.opens_on.isoformat() in page
    assert 'name="rounds-INITIAL_FORMS" value="4"' in page
    assert 'name="barrier_actions-INITIAL_FORMS" value="5"' in page
    assert str(DEFAULT_ACTIONS[4])[:40] in page


def _form(**overrides):
    today = timezone.localdate()
    draft_go_live = provisional_go_live(today=today)
    rounds = overrides.pop(
        "rounds",
        [
            {"id": "", "name": r.name, "opens_on": r.opens_on, "closes_on": r.closes_on}
            for r in default_rounds(go_live=draft_go_live, launch=today)
        ],
    )
    fields = {
        "name": "New permit portal",
        "slug": "",
        "tool_name": "the permit portal",
        "why": "Permits take six weeks on paper.",
        "go_live": draft_go_live,
        "status": "active",
        "training_due_days_before": 7,
        "rounds": inline_formset(rounds, initial=len(rounds)),
        "barrier_actions": inline_formset(
            [
                {"id": "", "stage": stage, "text": f"Do {stage}"}
                for stage in DEFAULT_ACTIONS
            ],
            initial=5,
            max=5,
        ),
    }
    # Many-to-many values stay lists (nested_form_data would number them).
    many = {
        k: overrides.pop(k)
        for k in ("units", "courses", "change_leads")
        if k in overrides
    }
    return {**nested_form_data({**fields, **overrides}), **many}


def test_saving_a_new_initiative_keeps_rounds_actions_and_assigns_training(
    client_for, ld_admin, org, employee, manager, peer
):
    course = make_course(title="Permits 101")
    go_live = provisional_go_live(today=timezone.localdate()) + timedelta(days=21)
    response = client_for(ld_admin).post(
        ADD,
        _form(
            go_live=go_live,
            units=[org["team_a"].pk],
            courses=[course.pk],
            change_leads=[manager.pk],
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    initiative = Initiative.objects.get(slug="new-permit-portal")
    # The prefilled rounds were left alone, so they moved with the go-live.
    today = timezone.localdate()
    assert [
        (r.name, r.opens_on, r.closes_on)
        for r in initiative.rounds.order_by("opens_on")
    ] == [
        (r.name, r.opens_on, r.closes_on)
        for r in default_rounds(go_live=go_live, launch=today)
    ]
    assert sorted(initiative.barrier_actions.values_list("stage", "text")) == [
        (stage, f"Do {stage}") for stage in range(1, 6)
    ]
    assignment = initiative.assignments.get()
    assert assignment.course_id == course.pk
    assert assignment.target == Assignment.Target.ORG_UNIT
    assert assignment.due_date == go_live - timedelta(days=7)
    assigned = set(
        AssignedLearner.objects.filter(assignment=assignment).values_list(
            "user", flat=True
        )
    )
    assert assigned == {employee.pk, manager.pk}
    assert manager.groups.filter(name=CHANGE_LEADS).exists()


def test_a_round_whose_dates_were_edited_keeps_them(client_for, ld_admin):
    today = timezone.localdate()
    rounds = [
        {
            "id": "",
            "name": "Kick-off",
            "opens_on": today,
            "closes_on": today + timedelta(days=3),
        }
    ]
    response = client_for(ld_admin).post(
        ADD, _form(rounds=rounds, go_live=today + timedelta(days=100))
    )
    assert response.status_code == 302, response.context["form"].errors
    checkin_round = Initiative.objects.get().rounds.get()
    assert (checkin_round.opens_on, checkin_round.closes_on) == (
        today,
        today + timedelta(days=3),
    )


def test_a_round_closing_before_it_opens_is_refused_with_a_message(
    client_for, ld_admin
):
    today = timezone.localdate()
    rounds = [
        {
            "id": "",
            "name": "Backwards",
            "opens_on": today,
            "closes_on": today - timedelta(days=1),
        }
    ]
    response = client_for(ld_admin).post(ADD, _form(rounds=rounds))
    assert response.status_code == 200
    assert not Initiative.objects.exists()


def test_a_change_lead_saves_their_initiative(client_for, manager, led, org):
    ours, _theirs = led
    CheckInRoundFactory(initiative=ours)
    checkin_round = ours.rounds.get()
    data = _form(
        name="311 rollout, phase 2",
        slug=ours.slug,
        units=[org["team_a"].pk],
        change_leads=[manager.pk],
        rounds=[
            {
                "id": checkin_round.pk,
                "name": "Baseline",
                "opens_on": checkin_round.opens_on,
                "closes_on": checkin_round.closes_on,
            }
        ],
    )
    response = client_for(manager).post(_edit(ours), data)
    assert response.status_code == 302, response.context["form"].errors
    ours.refresh_from_db()
    assert ours.name == "311 rollout, phase 2"


@pytest.fixture
def busy_month(org, employee, peer):
    """Two go-lives for Roads in one month, at the change-load limit of two."""
    month = date(timezone.localdate().year + 1, 3, 1)
    for name, unit in (("Work orders app", "team_a"), ("Timesheets", "section")):
        InitiativeFactory(name=name, units=[org[unit]], go_live=month)
    return month


def test_a_go_live_in_a_busy_month_is_saved_with_a_warning(
    client_for, ld_admin, org, busy_month
):
    client = client_for(ld_admin)
    response = client.post(
        ADD,
        _form(go_live=busy_month + timedelta(days=9), units=[org["team_b"].pk]),
        follow=True,
    )

    assert Initiative.objects.filter(slug="new-permit-portal").exists()
    warning = next(m for m in response.context["messages"] if m.level_tag == "warning")
    # Road Crew B would carry two; Roads and Public Works three: the outermost
    # is named (the change-load page opens on it and leads down to Roads).
    assert str(warning).startswith(
        f"Change load: Public Works would carry 3 go-lives in {busy_month:%B %Y}"
        " — over the limit of 2 (with Work orders app, Timesheets)"
    )
    assert "Road Crew B" not in str(warning) and "Roads" not in str(warning)


def test_a_quiet_month_saves_without_a_warning(client_for, ld_admin, org, busy_month):
    response = client_for(ld_admin).post(
        ADD,
        _form(go_live=busy_month + timedelta(days=40), units=[org["team_b"].pk]),
        follow=True,
    )

    assert Initiative.objects.filter(slug="new-permit-portal").exists()
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]


def test_the_edit_form_warns_of_the_saved_month_and_of_a_chosen_one(
    client_for, ld_admin, org, busy_month
):
    ours = InitiativeFactory(
        name="Permit portal", units=[org["team_b"]], go_live=busy_month
    )
    client = client_for(ld_admin)

    page = client.get(_edit(ours)).text
    assert "over the change-load limit" in page
    assert f"3 go-lives in {busy_month:%B %Y} — over the limit of 2" in page

    # Moved out of the busy month, but refused for another reason: no warning.
    later = _form(
        name="", go_live=busy_month + timedelta(days=40), units=[org["team_b"].pk]
    )
    assert "over the change-load limit" not in client.post(_edit(ours), later).text
    # Planned for the busy month again, still refused: the warning is back.
    again = _form(name="", go_live=busy_month, units=[org["team_b"].pk])
    assert "over the change-load limit" in client.post(_edit(ours), again).text
