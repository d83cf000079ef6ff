"""The organisation as HR knows it: units, role profiles and employees."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from .search import employee_search_key, search_text


class SearchKeyQuerySetMixin:
    """Bulk writes skip save(): they keep the search key current themselves."""

    # So the roster import, the demo city and benchmarks need not know of it.
    def bulk_create(self, objs, *args, update_fields=None, **kwargs):
        objs = list(objs)
        for obj in objs:
            obj.search_key = obj.computed_search_key()
        if update_fields and self.model.search_key_fields & set(update_fields):
            update_fields = [*update_fields, "search_key"]
        return super().bulk_create(objs, *args, update_fields=update_fields, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        if self.model.search_key_fields & set(fields):
            objs = list(objs)
            for obj in objs:
                obj.search_key = obj.computed_search_key()
            fields = [*fields, "search_key"]
        return super().bulk_update(objs, fields, *args, **kwargs)


class SearchKeyed(models.Model):
    """A model found by typed text: `search_key` holds its names in search form.

    Casefolded and without accents (people.search), so "emile" finds Émile on
    SQLite and PostgreSQL alike. Written by save() and the queryset's bulk
    writes (SearchKeyQuerySetMixin), never by hand. No index: searches match
    inside the key, which no B-tree serves.
    """

    search_key_fields: frozenset[str] = frozenset()
    search_key = models.TextField(
        _("search key"), blank=True, default="", editable=False
    )

    class Meta:
        abstract = True

    def save(self, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            # A partly loaded row saves only what was loaded; reading a
            # deferred name here would cost a query for nothing.
            if not self.search_key_fields & self.get_deferred_fields():
                self.search_key = self.computed_search_key()
        elif self.search_key_fields & set(update_fields):
            self.search_key = self.computed_search_key()
            kwargs["update_fields"] = {*update_fields, "search_key"}
        super().save(**kwargs)

    def computed_search_key(self) -> str:
        """What `search_key` should hold for the current names."""
        raise NotImplementedError


class OrgUnitQuerySet(SearchKeyQuerySetMixin, MP_NodeQuerySet):
    def active(self):
        return self.filter(is_active=True)


class OrgUnitManager(MP_NodeManager.from_queryset(OrgUnitQuerySet)):
    def get_queryset(self):
        # treebeard's manager builds a plain MP_NodeQuerySet, which would drop
        # the methods above (bulk writes would skip the search key).
        return OrgUnitQuerySet(self.model, using=self._db).order_by("path")


class OrgUnit(SearchKeyed, MP_Node):
    """A division, section, unit or team; any depth, identified by its HR code."""

    code = models.CharField(_("HR code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    head = models.ForeignKey(
        "people.Employee",
        verbose_name=_("head"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="headed_units",
    )
    is_active = models.BooleanField(_("active"), default=True)

    node_order_by = ["name"]
    search_key_fields = frozenset({"name"})
    objects = OrgUnitManager()

    class Meta:
        verbose_name = _("org unit")
        verbose_name_plural = _("org units")

    def __str__(self) -> str:
        return self.name

    def computed_search_key(self) -> str:
        """The unit's name in search form (codes are matched exactly, as typed)."""
        return search_text(self.name)


class RoleProfile(models.Model):
    """A job family ("Customer service representative") that skills targets attach to."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("role profile")
        verbose_name_plural = _("role profiles")

    def __str__(self) -> str:
        return self.name


# The fields an employee's search key is made of.
SEARCH_KEY_FIELDS = frozenset(
    {"first_name", "last_name", "preferred_name", "employee_number"}
)


class EmployeeQuerySet(SearchKeyQuerySetMixin, models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Employee(SearchKeyed):
    """A member of staff, one-to-one with the account they sign in with."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="employee",
    )
    employee_number = models.CharField(_("employee number"), max_length=32, unique=True)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    preferred_name = models.CharField(_("preferred name"), max_length=150, blank=True)
    email = models.EmailField(_("email"), blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("org unit"),
        on_delete=models.PROTECT,
        related_name="members",
    )
    role_profile = models.ForeignKey(
        RoleProfile,
        verbose_name=_("role profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employees",
    )
    manager = models.ForeignKey(
        "self",
        verbose_name=_("manager of record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="direct_reports",
    )
    hire_date = models.DateField(_("hire date"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    search_key_fields = SEARCH_KEY_FIELDS
    objects = EmployeeQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        indexes = [
            models.Index(fields=["last_name", "first_name"]),
            # Reports join progress rows (by user) to units: index-only lookups.
            models.Index(fields=["user", "org_unit"], name="employee_user_unit"),
            # Headcounts per unit and role (Skills by unit) from the index alone.
            models.Index(
                fields=["org_unit", "role_profile", "is_active"],
                name="employee_unit_role_active",
            ),
        ]
        permissions = [
            ("import_roster", _("Can import the HR roster")),
            ("view_org_reports", _("Can see organisation-wide reports")),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name or self.first_name} {self.last_name}"

    def computed_search_key(self) -> str:
        """What `search_key` should hold for the employee's current names."""
        return employee_search_key(
            first_name=self.first_name,
            last_name=self.last_name,
            preferred_name=self.preferred_name,
            employee_number=self.employee_number,
        )


class RosterImport(models.Model):
    """One applied HR roster import: who ran it, on which file, with what effect."""

    started_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    sha256 = models.CharField(_("file SHA-256"), max_length=64)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    deactivated = models.PositiveIntegerField(_("deactivated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    options = models.JSONField(_("options"), default=dict, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("roster import")
        verbose_name_plural = _("roster imports")

    # The upload form uses these labels too, so a record reads as the form did.
    OPTION_LABELS = {
        "deactivate_missing": _("Deactivate people who are not in the file"),
        "allow_mass_deactivation": _("Allow deactivating more than 5% of active staff"),
    }

    def __str__(self) -> str:
        started = timezone.localtime(self.started_at)
        return f"{self.filename or self.sha256[:12]} ({started:%Y-%m-%d %H:%M})"

    def options_summary(self) -> list[str]:
        """The options the import ran with, as "label: yes/no" lines."""
        return [
            f"{self.OPTION_LABELS.get(name, name)}: {_('yes') if value else _('no')}"
            if isinstance(value, bool)
            else f"{self.OPTION_LABELS.get(name, name)}: {value}"
            for name, value in self.options.items()
        ]


class ExternalIdentity(models.Model):
    """Which roster account a subject at the city's identity provider signs in as.

    Written at someone's first single sign-on (people/identity.py), then matched by
    the provider's stable subject, so that a later change of e-mail or employee
    number at the provider never moves the sign-in to somebody else. One subject
    per account and provider: a second subject claiming the same employee is refused.
    """

    provider = models.CharField(_("identity provider"), max_length=16)
    # "<issuer> <subject>": the provider's id for the person, qualified by who issued it.
    subject = models.CharField(_("subject"), max_length=500)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="external_identities",
    )
    linked_at = models.DateTimeField(_("linked at"), auto_now_add=True)
    last_sign_in = models.DateTimeField(_("last sign-in"), null=True, blank=True)

    class Meta:
        verbose_name = _("identity-provider link")
        verbose_name_plural = _("identity-provider links")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "subject"], name="external_identity_subject"
            ),
            models.UniqueConstraint(
                fields=["provider", "user"], name="external_identity_user"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider}: {self.subject}"
