"""Planwise, a made-up B2B project-planning SaaS, and the exports it would give a product owner.

The data carry stories to be found with UsageLens — weekly seasonality, a release that lifts a feature, a
funnel that leaks at one step, a platform that retains worse, an outage, test accounts to clean (see
``samples/README.md`` for the exact parameters). Everything is drawn from one seeded NumPy generator with
vectorised operations, so a seed always gives byte-identical files and the full size runs in seconds.
"""

from planwise.exports import generate

__all__ = ["generate"]
