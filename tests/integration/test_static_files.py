"""collectstatic with the production storage: hashed, compressed names, and modules that import
the hashed names (a stale unhashed import would be cached by browsers for a year)."""

import re

from django.core.management import call_command


def test_collectstatic_hashes_compresses_and_rewrites_module_imports(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "portal.core.storage.PortalStaticFilesStorage"},
    }

    call_command("collectstatic", interactive=False, verbosity=0)

    [module] = [
        path for path in (tmp_path / "js").glob("portal.*.mjs") if re.fullmatch(r"portal\.[0-9a-f]{12}\.mjs", path.name)
    ]
    assert module.with_name(module.name + ".gz").exists()
    imports = re.findall(r'from "([^"]+)"', module.read_text())
    assert imports, "portal.mjs should import NHS.UK frontend"
    for imported in imports:
        assert re.search(r"\.[0-9a-f]{12}\.m?js$", imported), f"{imported} is not a hashed name"
        assert (module.parent / imported).resolve().exists()
    # Source maps named in third-party CSS but not shipped do not stop a deployment.
    assert list((tmp_path / "wagtailnhsukfrontend" / "css").glob("nhsuk-frontend-*.min.*.css"))
