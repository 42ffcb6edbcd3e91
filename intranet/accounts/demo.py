"""One demo account per role, so that anyone can see the intranet through each role's eyes."""

from django.contrib.auth import get_user_model

from .roles import role_group

DEMO_PASSWORD = "beni-mellal-2026"

DEMO_USERS = [
    # username, role key, first name, last name
    ("personnel", "staff", "Hicham", "Ouardi"),
    # An officer of the civil status service: the demo makes her one of its team.
    ("etatcivil", "staff", "Fatima Zahra", "Idrissi"),
    ("accueil", "reception", "Khadija", "El Amrani"),
    ("cellule", "procedures_cell", "Omar", "Benali"),
    ("cellule2", "procedures_cell", "Samira", "Oulhaj"),
    ("juriste", "legal_advisor", "Rachida", "Tahiri"),
    ("formateur", "trainer", "Hamid", "Ouchen"),
    ("coordination", "training_coordinator", "Laila", "Bennani"),
    ("communication", "communication", "Salma", "Berrada"),
    ("ipecag", "ipecag", "Souad", "El Fassi"),
    ("admin", "administrator", "Mohamed", "Oubaha"),
]


def load():
    """Create or reset the demo accounts; returns ``[(username, role name)]``."""
    from .roles import ROLES_BY_KEY

    users = get_user_model()
    created = []
    for username, role_key, first_name, last_name in DEMO_USERS:
        user, _ = users.objects.get_or_create(username=username)
        user.first_name, user.last_name = first_name, last_name
        user.email = f"{username}@benimellal.ma"
        user.is_active = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([role_group(role_key)])
        created.append((username, ROLES_BY_KEY[role_key].name))
    return created
