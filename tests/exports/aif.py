"""Loads an AIF export with arguebuf and prints what it found, as JSON, for tests/exports/aif.rs.

arguebuf keeps I-nodes and the scheme nodes (RA, CA) and skips the dialogue nodes (L, YA)
with a warning for each of their edges; the raw counts of those come from the file itself.
"""

import json
import logging
import sys

import arguebuf


class Count(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def main(path):
    warnings = Count()
    logging.getLogger().addHandler(warnings)
    graph = arguebuf.load.file(path)
    schemes = list(graph.scheme_nodes.values())
    with open(path, encoding="utf-8") as file:
        raw = json.load(file)
    types = {}
    for node in raw["nodes"]:
        types[node["type"]] = types.get(node["type"], 0) + 1
    people = {p["participantID"] for p in raw.get("participants", [])}
    print(
        json.dumps(
            {
                "atoms": len(graph.atom_nodes),
                "supports": sum(isinstance(s.scheme, arguebuf.Support) for s in schemes),
                "attacks": sum(isinstance(s.scheme, arguebuf.Attack) for s in schemes),
                "edges": len(graph.edges),
                "skipped": sum("Skipping edge" in m for m in warnings.messages),
                "other_warnings": [m for m in warnings.messages if "Skipping edge" not in m],
                "types": types,
                "locutions": len(raw["locutions"]),
                "spoken_by_participants": all(
                    l["personID"] in people for l in raw["locutions"]
                ),
                "atom_texts": {k: v.plain_text for k, v in graph.atom_nodes.items()},
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
