"""Courses, sessions, people and course material built for one test.

Courses hang under the installation's training catalogue and go through the same
page tree and publishing path as the demo's, in French and Arabic; the demo's
accounts (the trainer "formateur", the coordinator "coordination") stay the
environment they are written and scheduled by.
"""

import io
import uuid
from datetime import timedelta
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from intranet.accounts.roles import TRAINING_COLLECTION, role_group
from intranet.core.commune_data.pages import upsert_child, upsert_translation
from tests.library.factories import docx_bytes
from training.models import CoursePage, TrainingIndexPage, TrainingSession


def user(username):
    return get_user_model().objects.get(username=username)


def arabic():
    return Locale.objects.get(language_code="ar")


def catalogue(language="fr"):
    return TrainingIndexPage.objects.get(locale__language_code=language)


def module(title, content_html="<p>Contenu du module.</p>"):
    return {
        "type": "module",
        "id": str(uuid.uuid4()),
        "value": {"title": title, "content": content_html},
    }


def course(
    slug="cours-des-essais",
    title="Cours des essais",
    arabic_title="درس التجارب",
    owner="formateur",
    audience="Agents du service des essais.",
    modules=None,
    translate=True,
    **fields,
):
    """A live French course written by ``owner`` (a username) and its Arabic version,
    as the loader publishes them. Calling it again with the same slug gives the same
    course back, with these fields."""
    modules = modules or [module("Premier module des essais")]
    values = {
        "title": title,
        "summary": "Un cours construit pour un test.",
        "audience": audience,
        "objectives": "<ul><li>Réussir les essais.</li></ul>",
        "duration_hours": Decimal(3),
        "modules": modules,
        "owner": user(owner) if owner else None,
        **fields,
    }
    page = upsert_child(None, catalogue(), CoursePage, slug, **values)
    if translate:
        upsert_translation(None, page, arabic(), slug=slug, **{**values, "title": arabic_title})
    return page


def in_arabic(page):
    return page.get_translation(arabic()).specific


def demo_course(language="fr"):
    """The demo's reception course: only for checks of the demo commune itself."""
    return CoursePage.objects.get(
        slug="accueil-et-orientation-des-usagers", locale__language_code=language
    )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"agent{n}")
    first_name = "Nadia"
    last_name = factory.Sequence(lambda n: f"Agent {n}")
    email = factory.LazyAttribute(lambda person: f"{person.username}@commune.test")

    @factory.post_generation
    def role(person, create, extracted, **kwargs):
        person.groups.set([role_group(extracted or "staff")])


class SessionFactory(factory.django.DjangoModelFactory):
    """A session of ``course()`` in ten days at the headquarters, given by the demo trainer."""

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


def training_collection():
    return Collection.objects.get(name=TRAINING_COLLECTION)


def material(title="Support de formation", uploaded_by="formateur", text="Version 1"):
    """A Word handout in the training collection, uploaded by ``uploaded_by`` (a username)."""
    document = get_document_model().objects.create(
        title=title,
        collection=training_collection(),
        uploaded_by_user=user(uploaded_by) if uploaded_by else None,
    )
    filename = f"{title.lower().replace(' ', '-')}.docx"
    document.file.save(filename, ContentFile(docx_bytes(text)), save=False)
    document._set_document_file_metadata()  # size and hash, as Wagtail's upload form does
    document.save()
    return document


def hand_out(document, page=None, publisher="coordination"):
    """Add ``document`` to the material of a course (by default ``course()``) and publish it."""
    page = (page or course()).specific
    page.materials = [
        *((block.block_type, block.value) for block in page.materials),
        ("document", {"title": document.title, "document": document}),
    ]
    page.save_revision(user=user(publisher)).publish(user=user(publisher))
    return page


def image(title="Schéma du guichet", uploaded_by="formateur"):
    """A small PNG in the training collection, uploaded by ``uploaded_by`` (a username)."""
    from PIL import Image
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#0b5d3b").save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title,
        collection=training_collection(),
        uploaded_by_user=user(uploaded_by),
        file=ContentFile(buffer.getvalue(), name="schema.png"),
    )
