"""Locations: predefined sites whose address fills a contact's (PRODUCT B3).

This is the reference domain: every other domain follows the same files and the same flow
(endpoints → auth → service → repository → models), so read it first.
"""
