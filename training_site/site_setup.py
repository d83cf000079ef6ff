"""Make the database hold the site's fixed structure and roles.

Runs from a data migration (with historical models) and again after every
`migrate` and every test-database flush (with the real ones), because a flush
removes rows that migrations created. Every step is idempotent.

The structure: Wagtail's root page > HomePage > the course catalogue, a default
Site pointing at the home page, a "Training" collection for images and
documents, the groups declared in `people.roles` with what
`training_site.group_permissions` grants them, and the "Course
review" moderation workflow on the catalogue (trainers submit, L&D admins
approve and publish).
"""

from django.conf import settings

from people.roles import LD_ADMINS

from .group_permissions import ROLES

CATALOGUE_SLUG = "courses"
TRAINING_COLLECTION = "Training"
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's MP_Node path alphabet
_STEPLEN = 4


def _next_child_path(tree_model, parent) -> str:
    last = (
        tree_model.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    if last is None:
        return parent.path + "0001"
    number = int(last[-_STEPLEN:], 36) + 1
    step = ""
    for _ in range(_STEPLEN):
        number, digit = divmod(number, 36)
        step = _ALPHABET[digit] + step
    return parent.path + step


def _add_child(tree_model, node_model, parent, **fields):
    """Treebeard's add_child, which historical models in migrations do not have.

    `tree_model` is the model holding the tree (Page), `node_model` the one to
    create (HomePage): siblings of other types share the tree.
    """
    child = node_model.objects.create(
        path=_next_child_path(tree_model, parent),
        depth=parent.depth + 1,
        numchild=0,
        **fields,
    )
    tree_model.objects.filter(pk=parent.pk).update(
        numchild=tree_model.objects.filter(
            path__startswith=parent.path, depth=parent.depth + 1
        ).count()
    )
    return child


def _content_type(apps, app_label: str, model: str):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    return content_type_model.objects.get_or_create(app_label=app_label, model=model)[0]


def _page_fields(apps, locale, app_label, model, *, title, slug, url_path, **extra):
    return {
        "title": title,
        "draft_title": title,
        "slug": slug,
        "url_path": url_path,
        "content_type": _content_type(apps, app_label, model),
        "locale": locale,
        "live": True,
        "has_unpublished_changes": False,
        **extra,
    }


def _ensure_pages(apps) -> tuple[object, object]:
    page_model = apps.get_model("wagtailcore", "Page")
    locale_model = apps.get_model("wagtailcore", "Locale")
    site_model = apps.get_model("wagtailcore", "Site")
    home_model = apps.get_model("training_site", "HomePage")
    catalogue_model = apps.get_model("courses", "CourseIndexPage")

    locale = locale_model.objects.order_by("pk").first() or locale_model.objects.create(
        language_code=settings.LANGUAGE_CODE
    )
    root = page_model.objects.filter(depth=1).first()
    if root is None:
        root = page_model.objects.create(
            path="0001",
            depth=1,
            numchild=0,
            **_page_fields(
                apps,
                locale,
                "wagtailcore",
                "page",
                title="Root",
                slug="root",
                url_path="/",
            ),
        )

    home = home_model.objects.filter(depth=2).first()
    if home is None:
        # Wagtail's placeholder "Welcome" page is replaced by ours.
        page_model.objects.filter(
            depth=2, content_type=_content_type(apps, "wagtailcore", "page")
        ).delete()
        home = _add_child(
            page_model,
            home_model,
            root,
            intro=(
                "<p>Learn the tools and ways of working that are changing how the "
                "city serves its residents, at your own pace, with a certificate "
                "when you finish.</p>"
            ),
            **_page_fields(
                apps,
                locale,
                "training_site",
                "homepage",
                title="City Learning Hub",
                slug="home",
                url_path="/home/",
            ),
        )
    site = site_model.objects.filter(is_default_site=True).first()
    if site is None:
        site_model.objects.create(
            hostname="localhost",
            port=80,
            site_name=settings.WAGTAIL_SITE_NAME,
            root_page_id=home.pk,
            is_default_site=True,
        )
    elif site.root_page_id != home.pk:
        site.root_page_id = home.pk
        site.save(update_fields=["root_page"])

    catalogue = catalogue_model.objects.first()
    if catalogue is None:
        catalogue = _add_child(
            page_model,
            catalogue_model,
            home,
            intro=(
                "<p>Courses on innovation and technology adoption in public "
                "service.</p>"
            ),
            **_page_fields(
                apps,
                locale,
                "courses",
                "courseindexpage",
                title="Course catalogue",
                slug=CATALOGUE_SLUG,
                url_path=f"/home/{CATALOGUE_SLUG}/",
            ),
        )
    return home, catalogue


def _ensure_collection(apps):
    collection_model = apps.get_model("wagtailcore", "Collection")
    root = collection_model.objects.filter(depth=1).first()
    if root is None:
        root = collection_model.objects.create(
            path="0001", depth=1, numchild=0, name="Root"
        )
    training = collection_model.objects.filter(name=TRAINING_COLLECTION).first()
    if training is None:
        training = _add_child(
            collection_model, collection_model, root, name=TRAINING_COLLECTION
        )
    return training


def _permission(apps, dotted: str):
    permission_model = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    return permission_model.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


def _permissions(apps, dotted_names: list[str]) -> list:
    # During the data migration an app migrated later may not have its models
    # (and so its permissions) yet; the post_migrate run grants them.
    found = [_permission(apps, dotted) for dotted in dotted_names]
    return [permission for permission in found if permission is not None]


def _ensure_roles(apps, catalogue, collection) -> None:
    group_model = apps.get_model("auth", "Group")
    # Wagtail's starter groups hold wide permissions on the whole tree; our two
    # roles replace them. Removed only while nobody is in them.
    group_model.objects.filter(
        name__in=["Editors", "Moderators"], user__isnull=True
    ).delete()
    page_permission_model = apps.get_model("wagtailcore", "GroupPagePermission")
    collection_permission_model = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    for name, (global_perms, page_perms, collection_perms) in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(_permissions(apps, global_perms))

        wanted_page = {
            p.pk for p in _permissions(apps, [f"wagtailcore.{c}" for c in page_perms])
        }
        page_permission_model.objects.filter(group=group).exclude(
            page_id=catalogue.pk, permission_id__in=wanted_page
        ).delete()
        for permission_id in wanted_page:
            page_permission_model.objects.get_or_create(
                group=group, page_id=catalogue.pk, permission_id=permission_id
            )

        wanted_collection = {p.pk for p in _permissions(apps, collection_perms)}
        collection_permission_model.objects.filter(group=group).exclude(
            collection_id=collection.pk, permission_id__in=wanted_collection
        ).delete()
        for permission_id in wanted_collection:
            collection_permission_model.objects.get_or_create(
                group=group, collection_id=collection.pk, permission_id=permission_id
            )


REVIEW_WORKFLOW = "Course review"
REVIEW_TASK = "L&D approval"


def _ensure_review_workflow(apps, catalogue) -> None:
    """Everything below the catalogue goes to L&D admins for approval before it is live."""
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task_model = apps.get_model("wagtailcore", "WorkflowTask")
    workflow_page_model = apps.get_model("wagtailcore", "WorkflowPage")
    approval_task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    group_model = apps.get_model("auth", "Group")

    task = approval_task_model.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = approval_task_model.objects.create(
            name=REVIEW_TASK,
            active=True,
            content_type=_content_type(apps, "wagtailcore", "groupapprovaltask"),
        )
    task.groups.set([group_model.objects.get(name=LD_ADMINS)])
    workflow, _ = workflow_model.objects.get_or_create(
        name=REVIEW_WORKFLOW, defaults={"active": True}
    )
    workflow_task_model.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    workflow_page_model.objects.update_or_create(
        page_id=catalogue.pk, defaults={"workflow": workflow}
    )


def _ensure_permissions_exist(apps) -> None:
    # Django creates permissions after all migrations have run; roles need them now.
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes
    from django.db.migrations.state import StateApps

    for app_config in apps.get_app_configs():
        if isinstance(apps, StateApps):
            # Historical app configs never say they have models; these do.
            app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)


def site_sync(apps) -> None:
    """Create whatever of the fixed structure and roles is missing; fix what drifted."""
    _ensure_permissions_exist(apps)
    _home, catalogue = _ensure_pages(apps)
    collection = _ensure_collection(apps)
    _ensure_roles(apps, catalogue, collection)
    _ensure_review_workflow(apps, catalogue)
