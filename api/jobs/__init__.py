"""Background jobs a user waits on (exports, imports, bulk actions): status, progress, result.

The arq job is the work; the ``background_job`` row is its durable, user-visible record and
the reason it survives Redis losing it (a cron sweep re-enqueues pending rows).
"""
