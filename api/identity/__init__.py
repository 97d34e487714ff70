"""Identity and access (PRODUCT A1–A10): workspaces, staff users, roles and permissions,
sessions and credentials, MFA, groups, specialists, integration tokens. See docs/identity.md."""
