from whitenoise.storage import CompressedManifestStaticFilesStorage


class PortalStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files, with ES module imports rewritten to the hashed names.

    Third-party bundles reference source maps that their packages do not ship; a missing map is
    not a reason to fail a deployment.
    """

    support_js_module_import_aggregation = True
    # Django rewrites imports in *.js only; our modules are *.mjs, so the same rules apply to them too.
    patterns = (
        *CompressedManifestStaticFilesStorage.patterns,
        ("*.mjs", CompressedManifestStaticFilesStorage._js_module_import_aggregation_patterns[1]),
    )
    manifest_strict = True

    def url_converter(self, name, hashed_files, template=None):
        converter = super().url_converter(name, hashed_files, template)

        def convert(matchobj):
            # Django's CSS pattern can capture trailing whitespace ("x.css.map "), hence strip().
            if matchobj.groupdict().get("url", "").strip().endswith(".map"):
                return matchobj.group(0)
            return converter(matchobj)

        return convert
