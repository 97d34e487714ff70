"""Companies (seed 000 calls them ecosystems) and projects (PRODUCT B5).

A contact belongs to companies; one member of a company is its administrator. Contacts and
staff users are associated to projects, one by one or in bulk ("associate mode" of seed 001).
Companies and projects plug into the contacts list as filters (``company_id``, ``project_id``)
and into its bulk actions (``associate_project``) through :mod:`api.contacts.relations`.
"""
