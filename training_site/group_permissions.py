"""Exactly what each staff group may do (the group names are `people.roles`).

Managers are not a group: they are derived from the org chart (`people.roles`).
`site_sync` (run by a data migration and after every `migrate` or test flush)
makes the database match these declarations, so the rule lives here once.
"""

from people.roles import CHANGE_LEADS, LD_ADMINS, TRAINERS

# "app_label.codename" Django permissions, held globally.
TRAINER_PERMISSIONS = [
    "wagtailadmin.access_admin",
    # Certificate designs (snippets): trainers author them but never delete.
    "certificates.add_certificatedesign",
    "certificates.change_certificatedesign",
    "certificates.view_certificatedesign",
    # Vendor e-learning packages: trainers upload, rename and list them.
    "courses.add_package",
    "courses.change_package",
    "courses.view_package",
]
LD_ADMIN_PERMISSIONS = [
    *TRAINER_PERMISSIONS,
    # Users: the Wagtail "Users" area.
    "auth.add_user",
    "auth.change_user",
    "auth.view_user",
    # Org chart and imports (people app).
    # Units and people arrive through the roster import; here they are edited.
    "people.view_orgunit",
    "people.change_orgunit",
    "people.view_employee",
    "people.change_employee",
    "people.view_roleprofile",
    "people.add_roleprofile",
    "people.change_roleprofile",
    "people.import_roster",
    "people.view_rosterimport",
    # The skills framework (categories, skills, level descriptors, role targets).
    "skills.add_skillcategory",
    "skills.change_skillcategory",
    "skills.view_skillcategory",
    "skills.delete_skillcategory",
    "skills.add_skill",
    "skills.change_skill",
    "skills.view_skill",
    "skills.delete_skill",
    "skills.add_skillleveldescriptor",
    "skills.change_skillleveldescriptor",
    "skills.view_skillleveldescriptor",
    "skills.delete_skillleveldescriptor",
    "skills.add_roleskilltarget",
    "skills.change_roleskilltarget",
    "skills.view_roleskilltarget",
    "skills.delete_roleskilltarget",
    # Organisation-wide reports.
    "people.view_org_reports",
    # Certificates: designs, the issued register, revocation and bulk issue.
    "certificates.delete_certificatedesign",
    "courses.delete_package",
    "certificates.view_certificate",
    "certificates.revoke_certificate",
    "certificates.bulk_issue_certificate",
    # Mandatory training: assign to anyone, edit the reason, deactivate.
    "assignments.add_assignment",
    "assignments.change_assignment",
    "assignments.view_assignment",
    "assignments.assign_anyone",
]
# Change leads reach the admin for the initiatives naming them, nothing else.
# Initiatives ask change.permissions (L&D admins: all; a lead: their own), not
# model permissions, so neither group holds change.* permissions.
CHANGE_LEAD_PERMISSIONS = ["wagtailadmin.access_admin"]

# Wagtail page permissions, held on the course catalogue and everything below it.
TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
LD_ADMIN_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "lock_page",
    "publish_page",
    "unlock_page",
]

# Image and document permissions, held on the "Training" collection.
TRAINER_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
LD_ADMIN_COLLECTION_PERMISSIONS = [
    *TRAINER_COLLECTION_PERMISSIONS,
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
]

ROLES = {
    CHANGE_LEADS: (CHANGE_LEAD_PERMISSIONS, [], []),
    TRAINERS: (
        TRAINER_PERMISSIONS,
        TRAINER_PAGE_PERMISSIONS,
        TRAINER_COLLECTION_PERMISSIONS,
    ),
    LD_ADMINS: (
        LD_ADMIN_PERMISSIONS,
        LD_ADMIN_PAGE_PERMISSIONS,
        LD_ADMIN_COLLECTION_PERMISSIONS,
    ),
}
