"""The ``accounts`` part of accounts.yaml: staff accounts and their roles.

Loading creates an account the intranet lacks and updates the names, email and
activity of one it has, found by username; it only *adds* the roles the file
names, and never deletes an account: taking a role or an account away is an
admin act. A password is never read from nor written to the file, except the
``demo_password`` of a demonstration folder, given to the accounts the load
creates (never to an existing one, whose holder may have changed it); other new
accounts get an unusable password, to be set by a reset.

Role grants on section pages are applied once every part is loaded, so that the
sections this load created receive theirs.
"""

from django.contrib.auth import get_user_model

from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s

from .models import RoleGroup
from .roles import ROLES, apply_roles, role_group

ACCOUNTS = s.records(
    s.record(
        {
            "username": {"type": "string", "pattern": r"^[\w.@+-]{1,150}$"},
            "first_name": s.TEXT,
            "last_name": s.TEXT,
            "email": {"type": "string", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$"},
            "active": {"type": "boolean", "description": "false for a closed account."},
            "roles": s.records(s.choice([role.key for role in ROLES])),
        },
        required=("username",),
    ),
    description="Staff accounts, by username, with the keys of their roles.",
)
DEMO_PASSWORD = {
    "type": "string",
    "minLength": 8,
    "description": (
        "Demonstration folders only: the password of the accounts the load creates. Never exported."
    ),
}


def declare(value, checking):
    for index, account in enumerate(value):
        checking.offer_unique("account", account["username"], record=index, field="username")
        if account.get("email"):
            # The sign-in form accepts an email address only if one account has it.
            checking.offer_unique(
                "email address",
                account["email"].lower(),
                record=index,
                field="email",
            )


def load_demo_password(value, loading):
    loading.demo_password = value


def load(value, loading):
    users = get_user_model()
    password = getattr(loading, "demo_password", None)
    groups = _role_groups()
    for item in value:
        fields = {
            "first_name": item.get("first_name", ""),
            "last_name": item.get("last_name", ""),
            "email": item.get("email", ""),
            "is_active": item.get("active", True),
        }
        user = users.objects.filter(username=item["username"]).first()
        if user is None:
            user = users(username=item["username"], **fields)
            if password:
                user.set_password(password)
            else:
                user.set_unusable_password()
            user.save()
            outcome = "created"
        elif any(getattr(user, name) != field for name, field in fields.items()):
            for name, field in fields.items():
                setattr(user, name, field)
            user.save(update_fields=list(fields))
            outcome = "updated"
        else:
            outcome = "unchanged"
        missing = {groups[key] for key in item.get("roles", [])} - set(user.groups.all())
        if missing:
            user.groups.add(*missing)
            outcome = "updated" if outcome == "unchanged" else outcome
        loading.counted(users._meta.verbose_name, outcome)


def _role_groups():
    """Each role's group by key; made first if the roles were never applied here."""
    if RoleGroup.objects.count() < len(ROLES):
        apply_roles()
    return {role.key: role_group(role.key) for role in ROLES}


def export(exporting):
    order = {role.key: index for index, role in enumerate(ROLES)}
    accounts = []
    for user in get_user_model().objects.order_by("username").prefetch_related("groups__role"):
        value = {"username": user.username}
        for name in ("first_name", "last_name", "email"):
            if getattr(user, name):
                value[name] = getattr(user, name)
        if not user.is_active:
            value["active"] = False
        roles = sorted(
            (group.role.key for group in user.groups.all() if hasattr(group, "role")),
            key=order.get,
        )
        if roles:
            value["roles"] = roles
        accounts.append(value)
    return accounts or None


def grant_roles(loading):
    """The sections now exist: grant each role its part of them."""
    apply_roles()


data.reference(
    "account", lambda username: get_user_model().objects.filter(username=username).exists()
)
data.after_load(grant_roles)
data.register(
    data.Part(
        file="accounts",
        key="demo_password",
        order=4,
        schema=DEMO_PASSWORD,
        load=load_demo_password,
        export=lambda exporting: None,
    )
)
data.register(
    data.Part(
        file="accounts",
        key="accounts",
        order=5,
        schema=ACCOUNTS,
        declare=declare,
        load=load,
        export=export,
    )
)
