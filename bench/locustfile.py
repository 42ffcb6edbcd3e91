"""Fifty members of staff at work: browsing, searching, and agents at the desk.

Run by ``bench/load.py``, which starts gunicorn, signs nobody in itself and
passes the site's addresses in ``LOAD_TARGETS`` (a JSON file). Each simulated
person signs in once with a demo account, then works with a pause of half a
second to two seconds between actions, as people do.

Requests carry ``X-Forwarded-Proto: https`` as the commune's reverse proxy
would: production settings redirect plain HTTP and mark cookies Secure, which
a client does not send back over HTTP, so the session and CSRF cookies are
passed by hand.
"""

import json
import os
import random
import re
from collections import Counter

import gevent
from locust import HttpUser, between, events, task

TARGETS = json.loads(open(os.environ["LOAD_TARGETS"], encoding="utf-8").read())
# Seconds of work after everyone has signed in before the figures start from zero:
# each gunicorn worker fills its cache, as in the first minutes of a working day.
WARM_UP = float(os.environ.get("LOAD_WARM_UP", "0"))
# Errors of the whole run, warm-up included, written here when locust quits.
ALL_ERRORS = os.environ.get("LOAD_ALL_ERRORS")
errors_seen = Counter()


@events.request.add_listener
def remember_errors(request_type, name, exception=None, **kwargs):
    if exception is not None:
        errors_seen[f"{request_type} {name}: {exception}"] += 1


@events.init.add_listener
def measure_after_warm_up(environment, **kwargs):
    def start_measuring(**kwargs):
        gevent.spawn_later(WARM_UP, environment.runner.stats.reset_all)

    environment.events.spawning_complete.add_listener(start_measuring)


@events.quitting.add_listener
def write_errors(environment, **kwargs):
    if ALL_ERRORS:
        with open(ALL_ERRORS, "w", encoding="utf-8") as output:
            json.dump(dict(errors_seen), output, ensure_ascii=False)


PASSWORD = TARGETS["password"]
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PROCEDURE_LINK = re.compile(r"procedure=(\d+)")


class StaffMember(HttpUser):
    wait_time = between(0.5, 2.0)
    account = "personnel"

    def on_start(self):
        self.cookies = {}
        self.client.headers["X-Forwarded-Proto"] = "https"
        login = "/fr/accounts/login/"
        form = self.get(login, name="sign in (form)")
        self.remember(form)
        token = CSRF_FIELD.search(form.text).group(1)
        answer = self.client.post(
            login,
            data={"username": self.account, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": f"https://{self.host_name()}{login}", **self.cookie_header()},
            allow_redirects=False,
            name="sign in",
        )
        self.remember(answer)
        if "sessionid" not in self.cookies:
            raise RuntimeError(f"{self.account} could not sign in ({answer.status_code})")

    def host_name(self):
        return self.host.split("://", 1)[1].rstrip("/")

    def remember(self, response):
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value

    def cookie_header(self):
        return {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}

    def get(self, path, name=None, **params):
        return self.client.get(path, params=params or None, headers=self.cookie_header(), name=name)

    @task(4)
    def browse(self):
        kind = random.choice(["procedures", "services", "news", "courses", "sections"])
        self.get(random.choice(TARGETS[kind]), name=f"browse: {kind}")

    @task(1)
    def home(self):
        self.get(random.choice(["/fr/", "/ar/"]), name="home page")

    @task(3)
    def search(self):
        query, language = random.choice(TARGETS["queries"])
        self.get(f"/{language}/search/", name="search", q=query)


class ReceptionAgent(StaffMember):
    """At the desk: the results follow the typing, then the answer card opens."""

    account = "accueil"

    @task(6)
    def answer_a_visitor(self):
        query, language = random.choice(TARGETS["queries"])
        desk = f"/{language}/reception/"
        for end in sorted({max(3, len(query) // 2), len(query)}):
            results = self.get(desk, name="desk: typing", q=query[:end], partial="1", typing="1")
        found = PROCEDURE_LINK.search(results.text)
        if found:
            self.get(desk, name="desk: answer card", q=query, procedure=found.group(1))


StaffMember.weight = 3
ReceptionAgent.weight = 2
