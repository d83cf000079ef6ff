"""Usage in the admin: who may import it and hold tokens, the import flow, tokens."""

import hashlib
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from change.models import UsageDay, UsageToken
from change.usage import apply as usage_apply
from change.usage import upload as usage_upload
from change.usage.tokens import usage_token_create
from tests.people.factories import EmployeeFactory
from tests.personas import LOGIN, NO_ADMIN, OK, REFUSED, answers

YESTERDAY = timezone.localdate() - timedelta(days=1)


def _import_url(initiative):
    return reverse("change_usage:import", args=[initiative.pk])


def _tokens_url(initiative):
    return reverse("change_usage:tokens", args=[initiative.pk])


def _revoke_url(token):
    return reverse("change_usage:revoke", args=[token.initiative_id, token.pk])


# Bob leads "ours" (manager); Dana leads nothing (other_manager); the trainer
# has the admin but no initiative.
OURS = {
    "anonymous": LOGIN,
    "employee": NO_ADMIN,
    "peer": NO_ADMIN,
    "manager": OK,
    "other_manager": NO_ADMIN,
    "trainer": REFUSED,
    "ld_admin": OK,
}
THEIRS = {**OURS, "manager": REFUSED}


def test_only_l_and_d_admins_and_its_change_leads_open_the_usage_pages(
    persona_matrix, led
):
    ours, theirs = led
    for initiative, expected in ((ours, OURS), (theirs, THEIRS)):
        persona_matrix(_import_url(initiative), expected)
        persona_matrix(_tokens_url(initiative), expected)
        token, _raw = usage_token_create(initiative=initiative, name="x", actor=None)
        persona_matrix(_revoke_url(token), expected)


def test_the_sponsor_and_a_change_lead_of_another_initiative_are_refused(
    led, client_for, org, manager
):
    ours, theirs = led
    sponsor = EmployeeFactory(org_unit=org["division"])
    ours.sponsor = sponsor
    ours.save()
    sponsor_client = client_for(sponsor.user)
    assert sponsor_client.get(_import_url(ours)).status_code == NO_ADMIN
    assert sponsor_client.get(_tokens_url(ours)).status_code == NO_ADMIN
    lead = client_for(manager)  # leads ours only
    assert answers(lead.get(_import_url(theirs)), REFUSED)
    assert answers(lead.post(_tokens_url(theirs), {"name": "sneaky"}), REFUSED)
    assert not UsageToken.objects.exists()


def test_refused_people_cannot_upload_make_or_revoke_either(persona_matrix, led):
    ours, _theirs = led
    token, _raw = usage_token_create(initiative=ours, name="keep", actor=None)
    refused = {**OURS, "manager": None, "ld_admin": None}
    refused = {name: outcome for name, outcome in refused.items() if outcome}
    persona_matrix(_tokens_url(ours), refused, method="post", data={"name": "new"})
    persona_matrix(_revoke_url(token), refused, method="post")
    persona_matrix(
        _import_url(ours),
        refused,
        request=lambda client, _persona: client.post(
            _import_url(ours), {"file": _file(b"employee_number,date,count\n")}
        ),
    )
    assert list(UsageToken.objects.values_list("name", "revoked_at")) == [
        ("keep", None)
    ]


def test_the_listing_and_the_edit_page_link_to_the_usage_pages(
    led, client_for, manager
):
    ours, _theirs = led
    lead = client_for(manager)
    listing = lead.get(reverse("change_initiative:index")).text
    assert _import_url(ours) in listing and _tokens_url(ours) in listing
    edit = lead.get(reverse("change_initiative:edit", args=[ours.pk])).text
    assert _import_url(ours) in edit and _tokens_url(ours) in edit


def _file(data: bytes, name="usage.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


def _usage_csv(*people, day=YESTERDAY, count=3):
    lines = ["employee_number,date,count"]
    lines += [f"{p.employee_number},{day:%Y-%m-%d},{count}" for p in people]
    return ("\n".join(lines) + "\n").encode()


def _confirm_data(preview):
    form = preview.context["confirm_form"]
    return {name: form[name].value() for name in ("token", "sha256", "filename")}


def test_upload_preview_confirm_then_the_same_file_changes_nothing(
    led, client_for, manager, employee
):
    ours, _theirs = led
    lead = client_for(manager)
    data = _usage_csv(employee.employee, manager.employee)
    preview = lead.post(_import_url(ours), {"file": _file(data)})
    assert preview.status_code == 200
    assert preview.context["result"].created == 2
    assert "Preview of usage.csv" in preview.text
    assert not UsageDay.objects.exists()  # nothing before the confirm

    applied = lead.post(_import_url(ours), _confirm_data(preview), follow=True)
    assert "Usage imported: 2 new days, 0 changed, 0 unchanged." in applied.text
    assert UsageDay.objects.filter(initiative=ours, count=3).count() == 2

    again = lead.post(_import_url(ours), {"file": _file(data)})
    assert (again.context["result"].created, again.context["result"].updated) == (0, 0)
    assert "already stored with the same count" in again.text
    applied = lead.post(_import_url(ours), _confirm_data(again), follow=True)
    assert "Usage imported: 0 new days, 0 changed, 2 unchanged." in applied.text
    assert UsageDay.objects.count() == 2


def test_a_double_confirm_applies_once(led, client_for, manager, employee):
    ours, _theirs = led
    lead = client_for(manager)
    preview = lead.post(
        _import_url(ours), {"file": _file(_usage_csv(employee.employee))}
    )
    confirm = _confirm_data(preview)
    first = lead.post(_import_url(ours), confirm, follow=True)
    second = lead.post(_import_url(ours), confirm, follow=True)
    assert "Usage imported: 1 new days" in first.text
    assert "already been applied or has expired" in second.text
    assert UsageDay.objects.count() == 1


def test_a_bad_file_is_shown_again_with_each_problem_by_line(
    led, client_for, manager, employee, peer
):
    ours, _theirs = led
    data = (
        "employee_number,date,count\n"
        f"{employee.employee.employee_number},{YESTERDAY:%Y-%m-%d},2\n"
        f"{peer.employee.employee_number},{YESTERDAY:%Y-%m-%d},1\n"
        f"{employee.employee.employee_number},{YESTERDAY:%Y-%m-%d},-4\n"
    ).encode()
    page = client_for(manager).post(_import_url(ours), {"file": _file(data)})
    assert page.status_code == 200
    assert "usage.csv was not imported" in page.text
    assert "The file has 2 problems. Nothing was imported." in page.text
    assert "is not affected by this initiative" in page.text
    assert "count must be a whole number, 0 or more." in page.text
    assert page.context["confirm_form"] is None
    assert not UsageDay.objects.exists()


def test_a_file_that_is_not_usage_csv_is_refused_on_the_form(led, client_for, manager):
    ours, _theirs = led
    page = client_for(manager).post(
        _import_url(ours), {"file": _file(b"who,when\nx,y\n")}
    )
    assert page.status_code == 200
    assert "The header is missing these columns: employee_number, date, count." in (
        page.text
    )


def test_a_file_over_the_row_limit_is_refused_whole(
    led, client_for, manager, employee, monkeypatch
):
    monkeypatch.setattr(usage_upload, "MAX_UPLOAD_ROWS", 2)
    ours, _theirs = led
    people = [employee.employee, manager.employee, employee.employee]
    page = client_for(manager).post(
        _import_url(ours), {"file": _file(_usage_csv(*people))}
    )
    assert "The file has more than 2 rows" in page.text
    assert not UsageDay.objects.exists()


def test_a_new_token_is_shown_once_and_only_its_hash_is_kept(led, client_for, manager):
    ours, _theirs = led
    lead = client_for(manager)
    made = lead.post(_tokens_url(ours), {"name": "Nightly sync"})
    assert made.status_code == 200
    raw = made.context["raw_token"]
    assert f'value="{raw}"' in made.text
    assert "it will never be shown again" in made.text
    token = UsageToken.objects.get()
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert (token.name, token.created_by, token.initiative) == (
        "Nightly sync",
        manager,
        ours,
    )
    listing = lead.get(_tokens_url(ours)).text
    assert "Nightly sync" in listing and raw not in listing
    assert "Never" in listing  # not used yet


def test_a_double_submit_makes_one_token_and_says_so(led, client_for, manager):
    ours, _theirs = led
    lead = client_for(manager)
    lead.post(_tokens_url(ours), {"name": "Nightly sync"})
    again = lead.post(_tokens_url(ours), {"name": "Nightly sync"})
    assert again.status_code == 400
    assert "A token named “Nightly sync” already works for this initiative" in (
        again.text
    )
    assert UsageToken.objects.count() == 1


def test_a_token_needs_a_name(led, client_for, manager):
    ours, _theirs = led
    page = client_for(manager).post(_tokens_url(ours), {"name": ""})
    assert page.status_code == 400
    assert "This field is required." in page.text
    assert not UsageToken.objects.exists()


def test_revoking_asks_first_then_the_token_stops_working(led, client_for, manager):
    ours, _theirs = led
    token, _raw = usage_token_create(initiative=ours, name="Nightly sync", actor=None)
    lead = client_for(manager)
    ask = lead.get(_revoke_url(token))
    assert "Revoke the token “Nightly sync”?" in ask.text
    token.refresh_from_db()
    assert token.revoked_at is None  # asking revokes nothing
    done = lead.post(_revoke_url(token), follow=True)
    assert "Token “Nightly sync” revoked: it no longer works." in done.text
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "Revoked " in done.text
    twice = lead.post(_revoke_url(token), follow=True)
    assert "That token is already revoked." in twice.text
    # A revoked token's name may be used again.
    assert lead.post(_tokens_url(ours), {"name": "Nightly sync"}).status_code == 200


def test_a_token_is_revoked_only_through_its_own_initiative(led, client_for, manager):
    ours, theirs = led
    token, _raw = usage_token_create(initiative=theirs, name="x", actor=None)
    url = reverse("change_usage:revoke", args=[ours.pk, token.pk])
    assert client_for(manager).post(url).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_token_list_costs_the_same_queries_at_any_size(
    led, client_for, ld_admin, manager
):
    ours, _theirs = led
    admin = client_for(ld_admin)

    def queries_with(size):
        for n in range(UsageToken.objects.count(), size):
            usage_token_create(initiative=ours, name=f"token {n}", actor=manager)
        admin.get(_tokens_url(ours))  # warm the per-session caches
        with CaptureQueriesContext(connection) as queries:
            page = admin.get(_tokens_url(ours))
        assert page.text.count("by Bob Bouchard") == size
        return len(queries.captured_queries)

    assert queries_with(2) == queries_with(20)


def test_a_file_with_very_many_problems_lists_the_first_and_counts_all(
    led, client_for, manager, monkeypatch
):
    monkeypatch.setattr(usage_apply, "MAX_PROBLEMS", 2)
    ours, _theirs = led
    data = b"employee_number,date,count\n" + b"".join(
        f"99999{n},{YESTERDAY:%Y-%m-%d},1\n".encode() for n in range(4)
    )
    page = client_for(manager).post(_import_url(ours), {"file": _file(data)})
    assert "The file has 4 problems. Nothing was imported." in page.text
    assert "The first 2 are listed below." in page.text
    assert page.text.count("No employee has the number") == 2
