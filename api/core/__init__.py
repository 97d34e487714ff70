"""Plumbing shared by every domain, with no business rules: each guarantee is written once here."""
