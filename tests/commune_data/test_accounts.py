"""Staff accounts as data: accounts.yaml names each account by username, with its roles.

Passwords never travel in the file, except the demo password a demonstration
folder gives the accounts it creates, and never to an account that exists.
"""

import pytest
from django.contrib.auth import get_user_model

from intranet.accounts import commune_data as accounts_data
from intranet.accounts.roles import has_role
from intranet.core import commune_data
from intranet.core.commune_data import Exporting, parts, yaml_files

pytestmark = pytest.mark.django_db

NEW_AGENT = {
    "username": "agent.hay",
    "first_name": "Najat",
    "last_name": "Hayani",
    "email": "agent.hay@benimellal.ma",
    "roles": ["staff", "reception"],
}


def accounts(*records, demo_password=None):
    content = {"format": 1, "accounts": list(records)}
    if demo_password:
        content["demo_password"] = demo_password
    return {"accounts": content}


def problems(tmp_path, contents):
    return [str(problem) for problem in commune_data.check(tmp_path, contents)]


def load(tmp_path, contents):
    for stem, content in contents.items():
        text = yaml_files.write(content)
        (tmp_path / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return commune_data.load_folder(tmp_path)


def test_a_new_account_gets_its_roles_and_the_demo_password(tmp_path, client):
    load(tmp_path, accounts(NEW_AGENT, demo_password="demo-password-1"))
    agent = get_user_model().objects.get(username="agent.hay")
    assert (agent.first_name, agent.email) == ("Najat", "agent.hay@benimellal.ma")
    assert has_role(agent, "reception") and has_role(agent, "staff")
    assert client.login(username="agent.hay", password="demo-password-1")


def test_without_a_demo_password_a_new_account_cannot_sign_in_until_reset(tmp_path):
    load(tmp_path, accounts(NEW_AGENT))
    assert not get_user_model().objects.get(username="agent.hay").has_usable_password()


def test_loading_never_overwrites_the_password_of_an_existing_account(tmp_path):
    jurist = get_user_model().objects.get(username="juriste")
    jurist.set_password("chosen-by-herself")
    jurist.save()
    record = {"username": "juriste", "first_name": "Rachida", "last_name": "Tahiri-Alaoui"}
    load(tmp_path, accounts(record, demo_password="demo-password-1"))
    jurist.refresh_from_db()
    assert jurist.check_password("chosen-by-herself")
    assert jurist.last_name == "Tahiri-Alaoui"


def test_roles_are_added_never_taken_away(tmp_path):
    load(tmp_path, accounts({"username": "juriste", "roles": ["trainer"]}))
    jurist = get_user_model().objects.get(username="juriste")
    assert has_role(jurist, "trainer") and has_role(jurist, "legal_advisor")


def test_loading_the_same_accounts_twice_changes_nothing(tmp_path):
    load(tmp_path, accounts(NEW_AGENT))
    again = load(tmp_path, accounts(NEW_AGENT))
    what = str(get_user_model()._meta.verbose_name)
    assert {outcome for (name, outcome) in again.counts if str(name) == what} == {"unchanged"}


def test_an_unknown_role_is_refused_with_its_record_and_field(tmp_path):
    found = problems(tmp_path, accounts({**NEW_AGENT, "roles": ["staff", "mayor"]}))
    assert len(found) == 1
    assert found[0].startswith("accounts.yaml · accounts #1 (agent.hay) · roles #2: «mayor»")


def test_two_accounts_with_one_username_or_one_email_address_are_refused(tmp_path):
    twin = {**NEW_AGENT, "email": "Agent.Hay@benimellal.ma"}
    found = problems(tmp_path, accounts(NEW_AGENT, twin))
    assert found == [
        "accounts.yaml · accounts #2 (agent.hay) · email: email address "
        "«agent.hay@benimellal.ma» is already used by accounts #1 (agent.hay) in accounts.yaml",
        "accounts.yaml · accounts #2 (agent.hay) · username: account «agent.hay» "
        "is already used by accounts #1 (agent.hay) in accounts.yaml",
    ]


def test_the_export_gives_roles_by_key_and_never_a_password(tmp_path):
    exported = accounts_data.export(Exporting(tmp_path))
    jurist = next(record for record in exported if record["username"] == "juriste")
    assert jurist == {
        "username": "juriste",
        "first_name": "Rachida",
        "last_name": "Tahiri",
        "email": "juriste@benimellal.ma",
        "roles": ["legal_advisor"],
    }
    written = {part.key: part.export(Exporting(tmp_path)) for part in parts.parts_of("accounts")}
    assert written["demo_password"] is None


def test_a_closed_account_is_written_inactive_and_stays_closed(tmp_path):
    record = {"username": "cellule2", "active": False, "roles": ["procedures_cell"]}
    load(tmp_path, accounts(record))
    exported = accounts_data.export(Exporting(tmp_path))
    assert next(item for item in exported if item["username"] == "cellule2")["active"] is False
