"""Headless command-line commands (design §5); each module offers ``add_parser`` and ``run``."""
