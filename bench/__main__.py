"""Run the benchmarks: `make bench`, or `python -m bench [name ...]` to run some of them."""

import importlib
import json
import os
import sys

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django

django.setup()

from django.core.management import call_command  # noqa: E402

from bench.settings import RESULTS  # noqa: E402

# Each module has run() -> dict of figures, and TARGETS: {figure: (comparison, value, why)}.
# Later features add their module here.
BENCHMARKS = ["pages", "feedback_concurrency", "pii_detection", "theme_model", "steering_reports", "research"]


def main(names):
    selected = names or BENCHMARKS
    unknown = sorted(set(selected) - set(BENCHMARKS))
    if unknown:
        sys.exit(f"Unknown benchmark(s): {', '.join(unknown)}. Known: {', '.join(BENCHMARKS)}")
    call_command("migrate", interactive=False, verbosity=0)
    for name in selected:
        module = importlib.import_module(f"bench.{name}")
        print(f"\n== {name}: {module.__doc__.strip().splitlines()[0]}")
        figures = module.run()
        report = {"figures": figures, "targets": {}}
        for figure, (comparison, target, why) in getattr(module, "TARGETS", {}).items():
            value = figures[figure]
            met = value <= target if comparison == "<=" else value >= target
            report["targets"][figure] = {"target": f"{comparison} {target}", "met": met, "why": why}
        for figure, value in figures.items():
            target = report["targets"].get(figure)
            suffix = f"   target {target['target']}: {'met' if target['met'] else 'NOT MET'}" if target else ""
            print(f"  {figure:<48} {value}{suffix}")
        (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nFigures written to {RESULTS}/")


if __name__ == "__main__":
    main(sys.argv[1:])
