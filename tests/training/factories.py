"""Sessions and people built for one test, on top of the demo commune."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from intranet.accounts.roles import role_group
from training.models import CoursePage, TrainingSession


def user(username):
    return get_user_model().objects.get(username=username)


def course(slug="accueil-et-orientation-des-usagers", language="fr"):
    return CoursePage.objects.get(slug=slug, locale__language_code=language)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"agent{n}")
    first_name = "Nadia"
    last_name = factory.Sequence(lambda n: f"Agent {n}")
    email = factory.LazyAttribute(lambda person: f"{person.username}@benimellal.ma")

    @factory.post_generation
    def role(person, create, extracted, **kwargs):
        person.groups.set([role_group(extracted or "staff")])


class SessionFactory(factory.django.DjangoModelFactory):
    """A session in ten days at the headquarters, given by the demo trainer."""

    class Meta:
        model = TrainingSession

    course = factory.LazyFunction(course)
    trainer = factory.LazyFunction(lambda: user("formateur"))
    room = "Salle de formation"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + timedelta(hours=3))
    capacity = 2

    class Params:
        past = factory.Trait(
            starts_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=3))
        )
