"""The audit log's read side (the writing is in api.core.audit, inside every transaction)."""
