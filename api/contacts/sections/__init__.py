"""The sections of a contact's record (PRODUCT B7): comments, notes, alerts, files and reviews.

Each is a child of one contact (deleted with it on purge) and is reached under
``/contacts/{contact_id}/…``; a contact of another workspace, or in the trash, is a 404.
"""
