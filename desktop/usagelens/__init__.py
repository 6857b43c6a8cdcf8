"""UsageLens: a desktop companion that walks product owners through an 8-step usage-analysis method."""

__version__ = "0.1.0"
APP_NAME = "UsageLens"
ORG_NAME = "UsageLens"
