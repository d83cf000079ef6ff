"""Stub until the SAML part lands."""


class EmployeeSaml2Backend:
    def authenticate(self, request, **credentials):
        return None

    def get_user(self, user_id):
        return None


def logout_url(request) -> str | None:
    return None
