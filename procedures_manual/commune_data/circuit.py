"""Who takes the loaded procedures through the approval circuit: the ``approval``
part of procedures.yaml, or the members of the roles when it is left out."""

import weakref
from collections import Counter

from django.contrib.auth import get_user_model

from intranet.accounts.roles import apply_roles, has_role, members_filter
from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s

from ..approval import circuit_of, setup_procedures_workflow
from ..models import ProcedurePage

FILE = "procedures"

APPROVAL = s.record(
    {
        "author": dict(s.NON_EMPTY_TEXT, description="Username of a member of the cell."),
        "reviewer": dict(s.NON_EMPTY_TEXT, description="Username of another member of the cell."),
        "legal_advisor": dict(s.NON_EMPTY_TEXT, description="Username of a legal advisor."),
    },
    required=("author", "reviewer", "legal_advisor"),
    description=(
        "Who takes each new or changed procedure through the approval circuit on loading. "
        "Left out: the first two members of the procedures cell and the first legal advisor."
    ),
)


# The circuit named by the folder being loaded, for the procedures part that follows.
_named_circuits = weakref.WeakKeyDictionary()


def check(value, checking):
    for field in ("author", "reviewer", "legal_advisor"):
        checking.require("account", value[field], field=field)
    if value["reviewer"] == value["author"]:
        checking.problem("the reviewer must be another member of the cell", field="reviewer")


def load(value, loading):
    _named_circuits[loading] = value


def export(exporting):
    """The people who took most live procedures through the circuit."""
    circuits = Counter()
    live = ProcedurePage.objects.live().select_related("live_revision")
    for procedure in live:
        circuit = circuit_of(procedure.live_revision)
        if circuit and all(circuit):
            circuits[tuple(person.username for person in circuit)] += 1
    if not circuits:
        return None
    (author, reviewer, legal_advisor), _count = min(
        circuits.items(), key=lambda item: (-item[1], item[0])
    )
    return {"author": author, "reviewer": reviewer, "legal_advisor": legal_advisor}


def prepare():
    """Grant the roles and set up the workflow on the manual: the legal advisor's
    approval publishes, so the grant on the manual must exist before it."""
    apply_roles()
    setup_procedures_workflow()


class Circuit:
    """The three people of the circuit, found the first time a procedure needs them:
    a load that changes no procedure needs no one."""

    def __init__(self, loading):
        self.loading = loading
        self._people = None

    @property
    def people(self):
        if self._people is None:
            prepare()
            named = _named_circuits.get(self.loading)
            self._people = _named(named) if named else _from_roles()
        return self._people


def _refusal(field, message):
    return data.Problem(f"{FILE}.yaml", "approval", field, message)


def _named(named):
    users = get_user_model().objects
    people, problems = [], []
    for field, role, what in (
        ("author", "procedures_cell", "the procedures cell"),
        ("reviewer", "procedures_cell", "the procedures cell"),
        ("legal_advisor", "legal_advisor", "the legal advisors"),
    ):
        person = users.get(username=named[field])
        if not has_role(person, role):
            problems.append(_refusal(field, f"«{person.username}» is not a member of {what}"))
        people.append(person)
    if problems:
        raise data.CommuneDataInvalid(problems)
    return tuple(people)


def _from_roles():
    """The first two members of the cell, by username, and the first legal advisor."""
    users = get_user_model().objects.filter(is_active=True).order_by("username")
    cell = list(users.filter(members_filter("procedures_cell")).distinct())
    advisors = list(users.filter(members_filter("legal_advisor")).distinct())
    if len(cell) < 2 or not advisors:
        raise data.CommuneDataInvalid(
            [
                _refusal(
                    "",
                    "no one to take the procedures live: name the approval (author, reviewer, "
                    "legal_advisor), or give the cell two members and a legal advisor",
                )
            ]
        )
    return cell[0], cell[1], advisors[0]
