"""Ficha: an open, multi-tenant back office for customer operations."""
