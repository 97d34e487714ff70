"""Notifications (PRODUCT D1–D3): the notification center with per-user read state, real-time
delivery over server-sent events through Redis pub/sub, broadcasts now or scheduled, job
notifications, and the one email sender with its log. See docs/notifications.md."""
