"""Inside courses, imports point one way: views > page cache > selectors > models
(issue 14). The page models are rendered by the views, never importing them."""

from tests.import_graph import cycles, module_imports, package_imports

READ_ONLY = {"courses.selectors", "courses.quizzes.selectors"}


def _ours_below(graph, prefix):
    return {m: t for m, t in graph.items() if m == prefix or m.startswith(f"{prefix}.")}


def test_the_models_never_import_selectors_views_or_the_page_cache():
    above = ("courses.selectors", "courses.views", "courses.page_cache")
    graph = _ours_below(package_imports("courses"), "courses.models")
    assert {
        module: sorted(t for t in targets if t.startswith(above))
        for module, targets in graph.items()
    } == {module: [] for module in graph}


def test_selectors_only_read_they_neither_cache_nor_render():
    writers = ("django.core.cache", "django.template.loader", "wagtail.rich_text")
    graph = module_imports("courses")
    selectors = {
        m: t
        for m, t in graph.items()
        if m in READ_ONLY or m.startswith("courses.selectors.")
    }
    assert selectors, "no selector modules found"
    assert {
        module: sorted(t for t in targets if t.startswith(writers))
        for module, targets in selectors.items()
    } == {module: [] for module in selectors}


def test_no_module_of_courses_imports_its_importers():
    assert cycles(package_imports("courses")) == []
