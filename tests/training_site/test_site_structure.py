"""The site's fixed structure: home page at the root, the catalogue below it."""

from django.test import override_settings

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

import pytest

from courses.models import CourseIndexPage
from training_site.models import HomePage


@pytest.mark.django_db
def test_home_page_is_the_default_sites_root_and_holds_the_catalogue():
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    catalogue = CourseIndexPage.objects.get()
    assert catalogue.get_parent().pk == home.pk
    assert catalogue.url == "/courses/"


@pytest.mark.django_db
def test_home_page_welcomes_visitors_and_links_to_the_catalogue(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "City Learning Hub" in response.text
    assert 'href="/courses/"' in response.text


@pytest.mark.django_db
def test_catalogue_needs_a_login_by_default(client, employee):
    response = client.get("/courses/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/courses/")
    client.force_login(employee)
    assert client.get("/courses/").status_code == 200


@pytest.mark.django_db
@override_settings(CATALOGUE_PUBLIC=True)
def test_catalogue_can_be_opened_to_the_public(client):
    assert client.get("/courses/").status_code == 200


class TestPageTypeRules(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_catalogue_sits_below_the_home_page(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
