"""Security headers: content security policy, framing, cookies and the deployment check."""

import os
import subprocess
import sys
from pathlib import Path

from wagtail.models import Page


def policy(response):
    header = response["Content-Security-Policy"]
    return {
        name: values.split()
        for name, _, values in (part.strip().partition(" ") for part in header.split(";"))
    }


def test_a_public_page_carries_the_strict_policy(staff_client):
    response = staff_client.get("/fr/")
    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["style-src-attr"] == ["'unsafe-inline'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_the_sign_in_page_carries_it_too(client, db):
    response = client.get("/fr/accounts/login/")
    assert policy(response)["script-src"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"


def test_uploaded_files_carry_it_so_an_uploaded_page_cannot_run_scripts(
    staff_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "page.html").write_text("<script>alert(1)</script>")
    response = staff_client.get("/media/page.html")
    assert response.status_code == 200
    assert policy(response)["script-src"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_page_may_be_framed_by_another_site(staff_client):
    response = staff_client.get("/fr/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_admin_gets_its_own_allowances_and_still_works(client_for):
    response = client_for("admin").get("/admin/")
    assert response.status_code == 200
    directives = policy(response)
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_page_preview_may_be_framed_by_the_admin_only(client_for):
    home = Page.objects.get(depth=2, locale__language_code="fr")
    response = client_for("admin").get(f"/admin/pages/{home.pk}/edit/preview/")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response)["frame-ancestors"] == ["'self'"]


def test_a_previewed_page_gets_the_admins_policy_not_the_public_one(client_for):
    # Wagtail renders a preview through the middleware again for the page's own
    # address ("/fr/"): that inner response must not carry frame-ancestors 'none'.
    home = Page.objects.get(depth=2, locale__language_code="fr")
    response = client_for("admin").get(f"/admin/pages/{home.pk}/view_draft/")
    assert response.status_code == 200
    assert b"main" in response.content
    assert policy(response)["frame-ancestors"] == ["'self'"]


def test_the_templates_run_no_inline_script():
    templates = Path(__file__).resolve().parents[2] / "templates"
    for template in templates.rglob("*.html"):
        text = template.read_text()
        for line in text.splitlines():
            if "<script" in line:
                assert "src=" in line, f"inline script in {template}"
            assert " onclick=" not in line and " onload=" not in line, template


def production(*command):
    root = Path(__file__).resolve().parents[2]
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "intranet.settings.production",
        "SECRET_KEY": "ci-" + "x7Gq2" * 12,
        "ALLOWED_HOSTS": "intranet.benimellal.ma",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_the_deployment_check_is_clean_in_production_mode():
    result = production("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_cookies_travel_over_https_only_and_https_is_enforced_in_production():
    names = [
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "X_FRAME_OPTIONS",
    ]
    code = f"from django.conf import settings; print([getattr(settings, n) for n in {names!r}])"
    result = production("shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(
        [True, True, True, True, True, 31536000, True, "DENY"]
    )
