"""Sign in with a username or an email address.

Staff remember either; a reception agent should not be locked out because they
typed the address printed on their badge instead of their login.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UsernameOrEmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user = self._find_user(username.strip())
        if user is None:
            # Hash anyway, so that timing does not reveal which logins exist.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def _find_user(self, login):
        users = get_user_model()._default_manager
        user = users.filter(username=login).first()
        if user is None and "@" in login:
            # An address shared by several accounts identifies none of them.
            matches = list(users.filter(email__iexact=login)[:2])
            user = matches[0] if len(matches) == 1 else None
        return user
