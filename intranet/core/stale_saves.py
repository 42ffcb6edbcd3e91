"""Refusing a stale save: no form puts back what someone else changed after it was opened.

Two people open the same form; the second to save would silently write the values
the form showed over the first person's changes. Every form that saves over
shared state therefore carries what it showed, and its save is compared with
what is stored now:

* a page in Wagtail's editor carries the revision it was loaded from
  (``loaded_revision_id``, sent by Wagtail itself). Wagtail 8 refuses a stale
  *autosave*, but saves a stale click on "Save" or "Publish" over the newer
  revision, only warning in the browser. ``page_conflict`` and
  ``RefusedPageEditView``, hooked on ``before_edit_page``, refuse it instead;
* a plain form (a model without revisions, a list of rows) carries the values
  it showed in a hidden field, with ``StaleSaveGuard``: a value changed by
  someone else and not by the user is kept; a value changed by both is refused.

A refusal saves nothing, keeps the user's input in the form, names who saved
and when, and shows, field by field, their value and the user's. The form that
comes back is up to date: saving it again, once the user has seen the
differences, is a deliberate choice to replace them.
"""

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from django import forms
from django.contrib import messages as django_messages
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.fields import RichTextField, StreamField
from wagtail.models import ModelLogEntry

# Marks a request already checked, when the refused save is shown again through
# Wagtail's editor (which runs the ``before_edit_page`` hooks a second time).
CHECKED = "_stale_save_checked"
# Wagtail's comments ride along with the editor's form; they are not the page's content.
COMMENTS = "wagtail_admin_comments"


# --- What is shown of a change ------------------------------------------------------------


@dataclass
class Change:
    """A field someone else changed: its label, their value and the user's (when they can
    be shown in a line; rich text, body blocks and related rows are compared in the
    revisions view instead)."""

    label: str
    theirs: str | None = None
    yours: str | None = None


@dataclass
class Conflict:
    """Who saved after the form was opened, when, and what they changed."""

    authors: list
    saved_at: datetime | None
    changes: list = field(default_factory=list)
    compare_url: str = ""

    def message(self):
        names = ", ".join(self.authors) or _("someone else")
        if self.saved_at:
            text = _(
                "Nothing was saved: %(names)s saved a newer version on %(when)s, after you "
                "opened this form."
            ) % {"names": names, "when": saved_at(self.saved_at)}
        else:
            text = _(
                "Nothing was saved: %(names)s saved a newer version after you opened this form."
            ) % {"names": names}
        return (
            text
            + " "
            + _(
                "Your input is kept below. Check what they changed, then save again to replace "
                "their version with yours."
            )
        )

    def details(self):
        """The changes as an HTML list, for the message above the form."""
        if not self.changes:
            return ""
        return format_html(
            '<ul class="errorlist">{}</ul>',
            format_html_join("\n", "<li>{}</li>", ((describe(change),) for change in self.changes)),
        )


def describe(change):
    if change.theirs is None:
        return _("%(field)s: changed") % {"field": change.label}
    return _("%(field)s: theirs “%(theirs)s”, yours “%(yours)s”") % {
        "field": change.label,
        "theirs": change.theirs,
        "yours": change.yours,
    }


def saved_at(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def person(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def shown_value(value):
    """A stored value as a reader sees it in one line."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return saved_at(value)
    return Truncator(str(value)).chars(80)


# --- Pages in Wagtail's editor ------------------------------------------------------------


def page_conflict(request, page):
    """The newer revision a save from the page editor would overwrite, or None.

    The same reading of ``loaded_revision_id``, ``loaded_revision_created_at`` and
    ``overwrite_revision_id`` (the user's own autosave) as Wagtail's own check on
    autosave, so that both agree on what is stale.
    """
    latest = page.get_latest_revision()
    if latest is None:
        return None
    latest_id = str(latest.pk)
    if own_autosave := request.POST.get("overwrite_revision_id"):
        stale = own_autosave != latest_id
        loaded_id = own_autosave
    elif loaded_id := request.POST.get("loaded_revision_id"):
        stale = (
            loaded_id != latest_id
            or request.POST.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
        )
    else:
        return None  # nothing says what the form showed: Wagtail assumes it is current
    if not stale:
        return None
    loaded = page.revisions.filter(pk=loaded_id).first() if loaded_id.isdigit() else None
    if loaded is None or loaded.pk == latest.pk:
        newer = [latest]  # the loaded revision was overwritten since (an autosave)
    else:
        newer = list(page.revisions.filter(created_at__gt=loaded.created_at))
    # The user's own autosaves (Wagtail's editor saves as one types, overwriting the
    # user's latest revision) put back nothing of anyone else's.
    others = [revision for revision in newer if revision.user_id != request.user.pk]
    if not others:
        return None
    authors = []
    for revision in others:
        name = person(revision.user)
        if name and name not in authors:
            authors.append(name)
    conflict = Conflict(authors=authors, saved_at=latest.created_at)
    if loaded is not None:
        conflict.changes = page_changes(page.specific_class, loaded, latest, request.POST)
        if page.permissions_for_user(request.user).can_view_revisions():
            conflict.compare_url = reverse(
                "wagtailadmin_pages:revisions_compare", args=(page.pk, loaded.pk, latest.pk)
            )
    return conflict


def page_changes(page_class, loaded, latest, data):
    """The fields of the editor that differ between the loaded and the latest revision."""
    options = page_class.get_edit_handler().get_form_options()
    formsets = [name for name in options.get("formsets", {}) if name != COMMENTS]
    names = [*options.get("fields", []), *formsets]
    theirs = latest.as_object()
    changes = []
    for name in names:
        try:
            model_field = page_class._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # a form-only field (notifications, change significance)
        if loaded.content.get(name) == latest.content.get(name):
            continue
        label = getattr(model_field, "verbose_name", None)
        if label is None:  # a child relation: its rows, named after the related model
            label = model_field.related_model._meta.verbose_name_plural
        change = Change(label=str(label).capitalize())
        if _shown_in_a_line(model_field):
            yours = data.get(name)
            if isinstance(model_field, models.BooleanField):
                yours = bool(yours)
            change.theirs = shown_value(_display(model_field, getattr(theirs, name)))
            change.yours = shown_value(_display(model_field, yours))
        changes.append(change)
    return changes


def _shown_in_a_line(model_field):
    return (
        model_field.concrete
        and not model_field.is_relation
        and not isinstance(model_field, (RichTextField, StreamField))
    )


def _display(model_field, value):
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value)
    return value


class RefusedPageEditView(EditView):
    """Wagtail's page editor answering a stale save as it answers one with errors.

    The form is bound to what the user posted, so that nothing they typed is lost,
    and is never saved: neither "Save" nor "Publish" nor a workflow action runs.
    """

    conflict = None

    def post(self, request, *args, **kwargs):
        buttons = []
        if self.conflict.compare_url:
            buttons.append(messages.button(self.conflict.compare_url, _("Compare the versions")))
        django_messages.error(
            request,
            messages.render(self.conflict.message(), buttons, detail=self.conflict.details()),
        )
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data(), status=409)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 409
        return response


def refuse_stale_page_save(request, page):
    """``before_edit_page``: answer a stale save with the editor and the user's input."""
    if request.method != "POST" or getattr(request, CHECKED, False):
        return None
    if not request.accepts("text/html"):
        return None  # an autosave: Wagtail refuses a stale one itself
    conflict = page_conflict(request, page)
    if conflict is None:
        return None
    setattr(request, CHECKED, True)
    return RefusedPageEditView.as_view(conflict=conflict)(request, page_id=page.pk)


# --- Plain forms --------------------------------------------------------------------------


def canonical(value):
    """One spelling per stored value, so that what was shown, what is stored and what
    the user typed compare equal when they mean the same thing.

    Moments are compared to the minute, the precision of the admin's date-time
    field: a session stored at 09:00:30 and posted back as 09:00 is unchanged.
    """
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(second=0, microsecond=0).isoformat()
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


class StaleSaveGuard(forms.Form):
    """A form that knows what it showed, and merges or refuses a save made after a change.

    For each guarded field: changed by someone else only, their value is kept;
    changed by the user only, theirs is saved; changed by both to different values,
    the save is refused with both values on the field. Subclasses say what is stored
    now (``stored_values``) and, when they know, who saved it last (``last_saved``).
    """

    shown_values = forms.CharField(required=False, widget=forms.HiddenInput)

    stale_message = gettext_lazy(
        "Changed by %(names)s after you opened this form, to “%(theirs)s”. Your value is "
        "kept: save again to replace theirs."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shown_values"].initial = self._fingerprint()
        self.conflict = None  # set when the save is refused

    def stored_values(self):
        """``{field name: value as the form's cleaned data would hold it}``, as stored now."""
        raise NotImplementedError

    def last_saved(self):
        """``(user, moment)`` of the latest save by anyone, or None when nobody knows."""
        return None

    def _fingerprint(self):
        return json.dumps({name: canonical(v) for name, v in self.stored_values().items()})

    def _shown(self):
        try:
            shown = json.loads(self.data.get(self.add_prefix("shown_values")) or "null")
        except ValueError:
            return None
        return shown if isinstance(shown, dict) else None

    def clean(self):
        cleaned = super().clean()
        shown = self._shown()
        if shown is None:
            return cleaned  # a form posted without what it showed cannot be compared
        stored = self.stored_values()
        conflicts = []
        for name, value in stored.items():
            if name not in cleaned or name not in shown:
                continue
            was, now, mine = shown[name], canonical(value), canonical(cleaned[name])
            if now == was or mine == now:
                continue
            if mine == was:
                cleaned[name] = value  # only they changed it: keep their value
                continue
            conflicts.append((name, value))
        if conflicts:
            self._refuse(conflicts)
        return cleaned

    def _refuse(self, conflicts):
        last = self.last_saved()
        names = person(last[0]) if last else ""
        self.conflict = Conflict(
            authors=[names] if names else [],
            saved_at=last[1] if last else None,
            changes=[
                Change(
                    str(self.fields[name].label or name),
                    self._display(name, theirs),
                    self._display(name, self.cleaned_data[name]),
                )
                for name, theirs in conflicts
            ],
        )
        self.add_error(None, self.conflict.message())
        for name, theirs in conflicts:
            self.add_error(
                name,
                self.stale_message
                % {"names": names or _("someone else"), "theirs": self._display(name, theirs)},
            )
        # The form comes back up to date: saving it again, after seeing the
        # differences, replaces them deliberately.
        self.data = self.data.copy()
        self.data[self.add_prefix("shown_values")] = self._fingerprint()

    def _display(self, name, value):
        choices = getattr(self.fields[name], "choices", None)
        if choices is not None and value is not None and not isinstance(value, models.Model):
            value = dict(choices).get(value, value)
        return shown_value(value)


class StaleSaveModelGuard(StaleSaveGuard):
    """``StaleSaveGuard`` for a model form: the stored values are the instance's, and the
    last save is the latest creation or edit in the audit log."""

    guarded_fields = ()

    def stored_values(self):
        if not getattr(self.instance, "pk", None):
            return {}
        return {
            name: getattr(self.instance, name)
            for name in self.guarded_fields
            if name in self.fields
        }

    def last_saved(self):
        entry = (
            ModelLogEntry.objects.for_instance(self.instance)
            .filter(action__in=("wagtail.create", "wagtail.edit"))
            .order_by("-timestamp")
            .first()
        )
        return (entry.user, entry.timestamp) if entry else None
