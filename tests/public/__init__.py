"""The public form: languages, safety, accessibility, in a real browser where it matters."""
