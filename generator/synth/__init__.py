"""Synthesise: a seeded generator of FICTIONAL catalogues, for benchmarks and demos.

`synth_catalogue(out, patterns, organisations, seed)` writes a complete catalogue folder that
`catalogue validate` and `catalogue build` accept as it stands:

    out/patterns/<id>.yaml     one file per pattern
    out/organisations.yaml     the registry
    out/mkdocs.yml             the published site's theme and plugins, a nav of the generated pages
    out/docs/about-this-catalogue.md   says that everything in the catalogue is made up
    out/schema/*.schema.json   copies of the packaged schemas, so the files' modelines resolve

Everything is plainly fictional: organisation names start with "Fictional", their codes are
made up and start with "ZZ", every summary starts with "Fictional:" and every context says
the entry was generated, and every link points at example.org. The shape is realistic: text of
the length of the real entries with the odd bullet list, a skewed spread of originators, mixed
adoption statuses, outcomes, related patterns, a few deprecated and superseded entries.

The dates are relative to `today`: the day the command runs (or the day of SOURCE_DATE_EPOCH),
so a catalogue written today is valid today, whatever the date; `--as-of DATE` fixes it. The
output is a function of the arguments and that day only: one random.Random(seed) drives every
choice and nothing iterates a set, so two runs with the same arguments and `--as-of` write
byte-identical files, on any day.

Every entry validates without errors on `today`: dates are never after it, last_reviewed is
within the review period (an entry no one has reviewed, reviewed_by: none, is younger than it),
every entry names fictional example.org sources, and the declared maturity is the level the maturity model computes
from the entry's own evidence (now and then one lower, as cautious authors do). Titles are
composed from word lists, no two alike and few sharing a pair of words, and summaries from a
dozen independent slots; the validator's own similar-pattern check then runs over the result and
any summary it flags is drawn again, so no entry looks like a near-copy of another.

YAML is written by a small emitter (quoted strings, literal blocks for Markdown, no anchors),
in the layout of the hand-written files; it is much faster than yaml.safe_dump at 10,000 files.
"""


from generator.synth.generate import synth_catalogue, synth_data

__all__ = ["synth_catalogue", "synth_data"]
