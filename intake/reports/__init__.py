"""Reports as partners receive them: redacted records only."""
