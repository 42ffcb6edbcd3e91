"""Who may do what on the intranet: one row per kind of content and action, one column per role.

Read a row as a sentence: "<content> / <action>: anonymous no, personnel yes, ...".
"yes" means the person may do it, "no" that the intranet refuses, "n/a" that
the action does not exist for that kind of content (nothing is tested there).
``test_matrix.py`` checks every "yes" and "no" cell through the real pages of
the intranet, signed in as each demo account.

Roles (demo accounts): anonymous = not signed in; personnel = every civil
servant; accueil = reception agent; cellule = procedures cell; juriste = legal
advisor; formateur = trainer; coordination = training coordinator;
communication = communication service; ipecag = IPECAG member;
reclamations = agent of the citizens' requests office; etatcivil = a member of
staff in the team of the civil status service; admin = administrator.

Actions:
  view     open the page (or the listing) in the intranet
  edit     open the editing form in the administration and save a change
  submit   send a change for approval (workflow)
  approve  approve a change waiting in the workflow (the step that makes it live)
  publish  publish a change directly from the editing form
  delete   delete it in the administration
  export   download it as a file (PDF, DOCX...)
  upload   add a new one in the administration

Notes on some rows:
  procedure / approve: the legal advisor's approval, after a second member of
    the cell has reviewed. That approval is what makes a procedure live, so
    nobody publishes a procedure directly, not even the administrator (the
    approval is a legal act, kept with the name of the legal advisor).
  procedure (second reading) / approve: the first step of that workflow: a
    member of the cell reviews a colleague's draft (never their own).
  training course: the trainer's own course, already published; trainers
    change their own courses and submit them; a coordinator approves.
  training session: a session given by the trainer "formateur";
    export = its attendance sheet (DOCX).
  reception register: view = the register's statistics;
    edit = record a visit at the reception desk.
  citizen request: a complaint the office sent to the civil status service.
    view = its page, with the citizen's identity (law 09-08: the office and
    the assigned service's staff only, administrators excluded); edit = add
    an internal note; approve = approve the answer the service proposed;
    export = its receipt (PDF); upload = record a new request (the desk
    records one for a visitor who wants to complain).
  knowledge article: export = its folded leaflet (PDF).
  search synonyms: view = their list in the administration (a tuning tool of
    the procedures cell, not content for readers).
  training material: a document of the training collection ("Formation");
    the row without a note is the demo course's handout, which someone else
    uploaded and a live course hands out; view = download its file; upload =
    add a document to the training collection.
  training material (own): a document the trainer "formateur" uploaded, used
    by no live page: its uploader changes and deletes it.
  training material (live): a document the trainer uploaded that a live course
    hands out: changing or deleting it would reach readers without the
    coordinator's approval, so its uploader may not (they upload a new document
    and submit the course); coordinators still may.
  procedure form: a form that a live procedure hands out (the demo's form of
    the access-to-information procedure): a new version reaches readers only
    through the procedure's approval by the legal advisor, so nobody but an
    administrator changes or deletes it, the procedures cell included.
  library document: a document in a division's collection of the library;
    each division's own editors keep it (no demo account is one of them).
  library document (DGS): a document of the general directorate (Direction
    générale des services); the demo makes the communication service an
    editor of the general directorate's documents.
"""

ROLES = (
    "anonymous",
    "personnel",
    "accueil",
    "cellule",
    "juriste",
    "formateur",
    "coordination",
    "communication",
    "ipecag",
    "reclamations",
    "etatcivil",
    "admin",
)

# fmt: off
# content / action                    anonymous personnel accueil cellule juriste formateur coordination communication ipecag reclamations etatcivil admin  # noqa: E501
TABLE = """
procedure                 | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
procedure                 | edit    | no  | no  | no  | yes | no  | no  | no  | no  | no  | no  | no  | yes
procedure                 | submit  | no  | no  | no  | yes | no  | no  | no  | no  | no  | no  | no  | yes
procedure                 | approve | no  | no  | no  | no  | yes | no  | no  | no  | no  | no  | no  | no
procedure                 | publish | no  | no  | no  | no  | no  | no  | no  | no  | no  | no  | no  | no
procedure                 | delete  | no  | no  | no  | no  | no  | no  | no  | no  | no  | no  | no  | yes
procedure                 | export  | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
procedure manual          | export  | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
procedure (second reading)| approve | no  | no  | no  | yes | no  | no  | no  | no  | no  | no  | no  | no
legal text                | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
legal text                | edit    | no  | no  | no  | no  | yes | no  | no  | no  | no  | no  | no  | yes
legal text                | submit  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
legal text                | approve | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
legal text                | publish | no  | no  | no  | no  | yes | no  | no  | no  | no  | no  | no  | yes
legal text                | delete  | no  | no  | no  | no  | yes | no  | no  | no  | no  | no  | no  | yes
legal text                | export  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
organisation              | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
organisation              | edit    | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
organisation              | submit  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
organisation              | approve | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
organisation              | publish | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
organisation              | delete  | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
organisation              | export  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
news item                 | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
news item                 | edit    | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
news item                 | submit  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
news item                 | approve | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
news item                 | publish | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
news item                 | delete  | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
news item                 | export  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
council decision          | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
council decision          | edit    | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
council decision          | submit  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
council decision          | approve | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
council decision          | publish | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
council decision          | delete  | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
council decision          | export  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
revue                     | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
revue                     | edit    | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
revue                     | submit  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
revue                     | approve | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
revue                     | publish | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
revue                     | delete  | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
revue                     | export  | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
knowledge article         | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
knowledge article         | edit    | no  | no  | no  | yes | no  | no  | no  | yes | no  | no  | no  | yes
knowledge article         | submit  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
knowledge article         | approve | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
knowledge article         | publish | no  | no  | no  | yes | no  | no  | no  | yes | no  | no  | no  | yes
knowledge article         | delete  | no  | no  | no  | yes | no  | no  | no  | yes | no  | no  | no  | yes
knowledge article         | export  | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
training course           | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
training course           | edit    | no  | no  | no  | no  | no  | yes | yes | no  | no  | no  | no  | yes
training course           | submit  | no  | no  | no  | no  | no  | yes | yes | no  | no  | no  | no  | yes
training course           | approve | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | no  | yes
training course           | publish | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | no  | yes
training course           | delete  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | no  | yes
training course           | export  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
training session          | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
training session          | edit    | no  | no  | no  | no  | no  | yes | yes | no  | no  | no  | no  | yes
training session          | submit  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
training session          | approve | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
training session          | publish | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
training session          | delete  | no  | no  | no  | no  | no  | yes | yes | no  | no  | no  | no  | yes
training session          | export  | no  | no  | no  | no  | no  | yes | yes | no  | no  | no  | no  | yes
ipecag work plan          | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
ipecag work plan          | edit    | no  | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | yes
ipecag work plan          | submit  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
ipecag work plan          | approve | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
ipecag work plan          | publish | no  | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | yes
ipecag work plan          | delete  | no  | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | yes
ipecag work plan          | export  | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
training material         | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
training material         | upload  | no  | no  | no  | no  | no  | yes | yes | no  | no  | no  | no  | yes
training material         | edit    | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | no  | yes
training material         | delete  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | no  | yes
training material (own)   | edit    | no  | no  | no  | no  | no  | yes | yes | no  | no  | no  | no  | yes
training material (own)   | delete  | no  | no  | no  | no  | no  | yes | yes | no  | no  | no  | no  | yes
training material (live)  | edit    | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | no  | yes
training material (live)  | delete  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | no  | yes
procedure form            | edit    | no  | no  | no  | no  | no  | no  | no  | no  | no  | no  | no  | yes
procedure form            | delete  | no  | no  | no  | no  | no  | no  | no  | no  | no  | no  | no  | yes
library document          | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
library document          | edit    | no  | no  | no  | no  | no  | no  | no  | no  | no  | no  | no  | yes
library document          | submit  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
library document          | approve | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
library document          | publish | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
library document          | delete  | no  | no  | no  | no  | no  | no  | no  | no  | no  | no  | no  | yes
library document          | export  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
library document (DGS)    | view    | no  | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes | yes
library document (DGS)    | edit    | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
library document (DGS)    | delete  | no  | no  | no  | no  | no  | no  | no  | yes | no  | no  | no  | yes
reception register        | view    | no  | no  | yes | yes | no  | no  | no  | no  | yes | no  | no  | yes
reception register        | edit    | no  | no  | yes | no  | no  | no  | no  | no  | no  | no  | no  | yes
reception register        | submit  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
reception register        | approve | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
reception register        | publish | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
reception register        | delete  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
reception register        | export  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
search synonyms           | view    | no  | no  | no  | yes | no  | no  | no  | no  | no  | no  | no  | yes
search synonyms           | edit    | no  | no  | no  | yes | no  | no  | no  | no  | no  | no  | no  | yes
search synonyms           | submit  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
search synonyms           | approve | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
search synonyms           | publish | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
search synonyms           | delete  | no  | no  | no  | yes | no  | no  | no  | no  | no  | no  | no  | yes
search synonyms           | export  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
citizen request           | view    | no  | no  | no  | no  | no  | no  | no  | no  | no  | yes | yes | no
citizen request           | edit    | no  | no  | no  | no  | no  | no  | no  | no  | no  | yes | yes | no
citizen request           | submit  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
citizen request           | approve | no  | no  | no  | no  | no  | no  | no  | no  | no  | yes | no  | no
citizen request           | publish | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
citizen request           | delete  | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a
citizen request           | export  | no  | no  | no  | no  | no  | no  | no  | no  | no  | yes | yes | no
citizen request           | upload  | no  | no  | yes | no  | no  | no  | no  | no  | no  | yes | no  | yes
"""
# fmt: on


def rows():
    """``[(content, action, {role: "yes" | "no" | "n/a"})]`` in the table's order."""
    result = []
    for line in TABLE.strip().splitlines():
        content, action, *cells = (part.strip() for part in line.split("|"))
        if len(cells) != len(ROLES) or set(cells) - {"yes", "no", "n/a"}:
            raise ValueError(f"Malformed row of the permissions table: {line!r}")
        result.append((content, action, dict(zip(ROLES, cells, strict=True))))
    return result


def cells():
    """Every testable cell: ``(content, action, role, allowed)``."""
    return [
        (content, action, role, value == "yes")
        for content, action, values in rows()
        for role, value in values.items()
        if value != "n/a"
    ]
