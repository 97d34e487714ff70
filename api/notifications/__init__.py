"""Notifications: the mail outbox (D3) now; the notification center (D1, D2) builds on it."""
