"""The 8 steps of the method and how far a project has got in each.

The navigator's done / needs-attention marks are derived from the project every time it changes, never
stored, so they can't drift from what the project really holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from usagelens.model.entities import ActionStatus, Project, SourceKind
from usagelens.model.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    purpose: str


STEPS: tuple[Step, ...] = (
    Step(1, QT_TRANSLATE_NOOP("Step", "Define objectives"),
         QT_TRANSLATE_NOOP("Step", "What should change for customers, which KPI shows it, and by how much.")),
    Step(2, QT_TRANSLATE_NOOP("Step", "Gather data"),
         QT_TRANSLATE_NOOP("Step", "Import exports from your analytics tool, CRM and surveys and say what each column is.")),  # noqa: E501
    Step(3, QT_TRANSLATE_NOOP("Step", "Clean & prepare"),
         QT_TRANSLATE_NOOP("Step", "Check data quality and record cleaning steps you can replay on next month's export.")),  # noqa: E501
    Step(4, QT_TRANSLATE_NOOP("Step", "Analyse"),
         QT_TRANSLATE_NOOP("Step", "Look at how customers really use the product: activity, events and trends.")),
    Step(5, QT_TRANSLATE_NOOP("Step", "Interpret findings"),
         QT_TRANSLATE_NOOP("Step", "Write down what the data shows, tied to your objectives and hypotheses.")),
    Step(6, QT_TRANSLATE_NOOP("Step", "Develop action plans"),
         QT_TRANSLATE_NOOP("Step", "Decide what to do about each finding, who owns it and by when.")),
    Step(7, QT_TRANSLATE_NOOP("Step", "Implement changes"),
         QT_TRANSLATE_NOOP("Step", "Track what shipped and when, so charts show releases and impact can be measured.")),
    Step(8, QT_TRANSLATE_NOOP("Step", "Review & refine"),
         QT_TRANSLATE_NOOP("Step", "Compare where each KPI started, where it is now and where it should get to.")),
)


@dataclass(frozen=True)
class StepState:
    done: bool
    attention: str = ""  # why the step needs a look, in one short sentence


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def step_states(project: Project) -> list[StepState]:
    """One state per step, in order."""
    objectives = project.objectives
    unmeasurable = [o for o in objectives if not o.kpi.strip() or o.target is None]
    # An event log, or an aggregated export (a GA4 exploration) for a product with no user-level data.
    events = project.sources_of(SourceKind.EVENTS) + project.sources_of(SourceKind.METRICS)
    failed = sum(s.failed_timestamps for s in project.sources)
    untied = [f for f in project.findings if not f.objective_ids]
    unowned = [a for a in project.actions if not a.owner.strip() or a.due is None]
    shipped = [a for a in project.actions if a.status == ActionStatus.SHIPPED]
    undated = [a for a in shipped if a.release_date is None]
    return [
        StepState(
            bool(objectives) and not unmeasurable,
            f"{_plural(len(unmeasurable), 'objective')} without a KPI or target" if unmeasurable else "",
        ),
        StepState(
            bool(events),
            "no event log (or metrics export) imported yet"
            if project.sources and not events
            else f"{_plural(failed, 'timestamp')} could not be read"
            if failed
            else "",
        ),
        StepState(any(steps for steps in project.recipes.values())),
        StepState(bool(project.analyses or project.findings) and bool(events)),
        StepState(
            bool(project.findings), f"{_plural(len(untied), 'finding')} not tied to an objective" if untied else ""
        ),
        StepState(
            bool(project.actions), f"{_plural(len(unowned), 'action')} without owner or due date" if unowned else ""
        ),
        StepState(
            bool(shipped), f"{_plural(len(undated), 'shipped action')} without a release date" if undated else ""
        ),
        StepState(bool(project.reviews)),
    ]
