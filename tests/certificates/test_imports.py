"""Inside the app, imports point one way: views and handlers > tasks > bulk >
services > rendering > models (issue 14)."""

from tests.import_graph import cycles, package_imports


def test_no_module_of_certificates_imports_its_importers():
    assert cycles(package_imports("certificates")) == []


def test_the_models_never_import_rendering():
    graph = package_imports("certificates")
    assert {
        module: sorted(t for t in targets if t.startswith("certificates.rendering"))
        for module, targets in graph.items()
        if module.startswith("certificates.models")
    } == {
        "certificates.models": [],
        "certificates.models.certificates": [],
        "certificates.models.designs": [],
        "certificates.models.jobs": [],
    }


def test_the_tasks_are_above_the_services_they_run():
    graph = package_imports("certificates")
    assert "certificates.tasks" not in graph["certificates.services"]
    assert "certificates.tasks" not in graph["certificates.bulk"]
