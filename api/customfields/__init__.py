"""Additional (custom) fields (PRODUCT B4): tenant-defined fields for contacts and staff users.

Definitions live here; values live in the owning record's ``custom_fields`` JSONB column and are
validated on every write by :func:`api.customfields.service.validate_values`. Lists filter on
them with ``cf.<key>=<value>`` through :func:`api.customfields.service.containment_filter`.
"""
