"""The task pages, one module per page; actions (POST endpoints) in ``actions``."""
