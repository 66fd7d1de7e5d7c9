"""Quality checks for translations: each check a small function, one runner."""
