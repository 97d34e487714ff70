"""The browser tests' harness (not a pytest package: nothing here is named ``test_*``)."""
