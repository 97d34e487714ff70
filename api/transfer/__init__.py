"""Bulk import and export of people and their relations (PRODUCT C1–C6).

The machinery is generic — columns, hostile-file checks, readers, writers, the export and
import pipelines, their jobs and reports — and each importable entity plugs in an adapter that
lives in its own domain (``api/<domain>/transfer.py``), so this package never touches another
domain's tables. The adapters are listed in :mod:`api.transfer.registry`.
"""
