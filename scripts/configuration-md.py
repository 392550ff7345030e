#!/usr/bin/env python3
"""Regenerates docs/configuration.md from the configuration metadata the build produces.

    ./mvnw -B -o -q -pl zerver-autoconfigure -am compile   # writes the metadata
    python3 scripts/configuration-md.py                    # rewrites docs/configuration.md

The property tables come from the metadata (names, types, defaults and the javadoc of each
properties field); the prose around them (section order and intros, the closing sections)
is kept here. A zerver.* property whose section is not listed below stops the script, so
that a new properties class cannot be left out of the page.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
METADATA = ROOT / "zerver-autoconfigure/target/classes/META-INF/spring-configuration-metadata.json"
OUT = ROOT / "docs/configuration.md"

HEADER = """# Configuration reference

Every `zerver.*` property of the Spring Boot integration, with its default. This page is
generated from the configuration metadata that the build produces
(`zerver-autoconfigure/target/classes/META-INF/spring-configuration-metadata.json`) by
`scripts/configuration-md.py`, so IDEs complete and document the same properties. Invalid
values stop start-up with a message that names the value and what was expected, e.g.
`maxSlots: 0 (expected: >= 1)`.

Environment variables follow Spring Boot's relaxed binding: `zerver.data.dir` is
`ZERVER_DATA_DIR`, `zerver.limits.max-body-size` is `ZERVER_LIMITS_MAXBODYSIZE`.
"""

# (prefix, intro), in page order.
SECTIONS = [
    ("zerver.engine", "The engine: deadlines and compensation budget."),
    ("zerver.limits", "Per-request limits (SPEC §11). Exceeding one answers with the matching status and the JSON "
                      "error body."),
    ("zerver.scheduler", "The SLO scheduler ([scheduler.md](scheduler.md))."),
    ("zerver.budget", "CPU budgets per request ([scheduler.md](scheduler.md#cpu-budgets)). Compute tasks take "
                      "theirs from the `ComputeEffects` bean you define."),
    ("zerver.bulkheads", "Caps on effect attempts in flight per target (`db`, an HTTP host, a compute task). Over "
                         "the cap an attempt fails at once with 503."),
    ("zerver.data", "Where Zerver keeps its data."),
    ("zerver.effects.db", "Key/value effects over JDBC: on the application's `DataSource`, or on `zerver.db` "
                          "(SQLite, WAL) under `zerver.data.dir` when the application has none and sets no "
                          "`spring.datasource.url`."),
    ("zerver.effects.http", "HTTP effects over a pooled Reactor Netty client with a circuit breaker per host "
                            "([effects.md](effects.md#42-http-httpeffects-iozervereffectshttp))."),
    ("zerver.effects.file", "File JSON effects, confined to a base directory."),
    ("zerver.effects.cache", "Cache effects on an in-process Caffeine cache."),
    ("zerver.debug", "Debugging aids: the recent-timelines view and the `X-Zerver-Timeline` header "
                     "([observability.md](observability.md#the-debug-header-x-zerver-timeline)). In YAML, "
                     "`routes` is a list (`- GET /todos/{id}`; quote `\"*\"`); in a properties file or the "
                     "environment, a comma-separated value."),
    ("zerver.tracing", "Micrometer Observation of requests, steps, effects and promoted jobs "
                       "([observability.md](observability.md)). Queue and park waits are events on the request; "
                       "a job becomes its own observation only past these thresholds."),
]

FOOTER = """## Not Zerver's, but used

| property | meaning |
| --- | --- |
| `spring.datasource.url` | when set, Spring Boot creates the `DataSource` and Zerver uses it instead of the embedded SQLite file |
| `management.endpoints.web.exposure.include` | add `zerver` to expose `/actuator/zerver` and `/actuator/zerver/timelines` |
| `management.health.zerver.enabled` | whether the `zerver` health indicator contributes to `/actuator/health` (default true) |
| `management.endpoint.zerver.access` | access to the `zerver` endpoint |
| `management.tracing.sampling.probability` | share of requests traced when a tracer bridge is present (Boot's default 0.1) ([observability.md](observability.md#export-over-otlp)) |
| `management.opentelemetry.tracing.export.otlp.endpoint` | the OTLP collector spans go to, e.g. `http://localhost:4318/v1/traces`; unset, nothing is exported ([observability.md](observability.md#export-over-otlp)) |
| `management.tracing.export.enabled` | whether Spring Boot sets up a tracer at all (default true) |

The two-process properties of SPEC §10 (`zerver.ipc.socket`, `zerver.features.dir`) arrive with the ingest and supervisor apps.
"""


def short_type(java_type):
    """java.util.Map<java.lang.String,java.lang.Integer> -> Map<String, Integer>."""
    return re.sub(r"\b(?:[a-z_][a-z0-9_]*\.)+([A-Z]\w*)", r"\1", java_type).replace(",", ", ")


def default(prop):
    value = prop.get("defaultValue")
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        value = "true" if value else "false"
    elif isinstance(value, list):
        value = ",".join(str(v) for v in value)
    return "`%s`" % value


def description(prop):
    text = " ".join(prop.get("description", "").split())
    return text.replace("|", "\\|")


def main():
    if not METADATA.exists():
        sys.exit("%s is missing: compile zerver-autoconfigure first" % METADATA.relative_to(ROOT))
    props = [p for p in json.loads(METADATA.read_text())["properties"] if p["name"].startswith("zerver.")]
    prefixes = [prefix for prefix, _ in SECTIONS]
    unplaced = [p["name"] for p in props if p["name"].rsplit(".", 1)[0] not in prefixes]
    if unplaced:
        sys.exit("no section for %s: add one to SECTIONS in %s" % (", ".join(unplaced), __file__))
    out = [HEADER]
    for prefix, intro in SECTIONS:
        rows = sorted((p for p in props if p["name"].rsplit(".", 1)[0] == prefix), key=lambda p: p["name"])
        if not rows:
            continue
        out.append("## `%s.*`\n\n%s\n\n| property | type | default | meaning |\n| --- | --- | --- | --- |" % (
            prefix, intro))
        for p in rows:
            out.append("| `%s` | %s | %s | %s |" % (p["name"], short_type(p["type"]), default(p), description(p)))
        out.append("")
    out.append(FOOTER)
    OUT.write_text("\n".join(out))
    print("wrote %s: %d properties" % (OUT.relative_to(ROOT), len(props)))


if __name__ == "__main__":
    main()
