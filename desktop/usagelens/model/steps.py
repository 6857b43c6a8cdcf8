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
class Attention:
    """Why a step needs a look: the sentence for one thing and the one for several (``{count}`` in each), marked
    for the GUI's translators as whole sentences, and how many things there are."""

    one: str
    other: str
    count: int = 0

    def __str__(self) -> str:
        return (self.one if self.count == 1 else self.other).format(count=f"{self.count:,}")


@dataclass(frozen=True)
class StepState:
    done: bool
    reason: Attention | None = None  # why the step needs a look

    @property
    def attention(self) -> str:
        """The reason in one short English sentence ("" when the step needs no look)."""
        return "" if self.reason is None else str(self.reason)


NO_EVENTS = QT_TRANSLATE_NOOP("StepState", "no event log (or metrics export) imported yet")


def _needs(count: int, one: str, other: str) -> Attention | None:
    return Attention(one, other, count) if count else None


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
            _needs(len(unmeasurable), QT_TRANSLATE_NOOP("StepState", "{count} objective without a KPI or target"),
                   QT_TRANSLATE_NOOP("StepState", "{count} objectives without a KPI or target")),
        ),
        StepState(
            bool(events),
            Attention(NO_EVENTS, NO_EVENTS)
            if project.sources and not events
            else _needs(failed, QT_TRANSLATE_NOOP("StepState", "{count} timestamp could not be read"),
                        QT_TRANSLATE_NOOP("StepState", "{count} timestamps could not be read")),
        ),
        StepState(any(steps for steps in project.recipes.values())),
        StepState(bool(project.analyses or project.findings) and bool(events)),
        StepState(
            bool(project.findings),
            _needs(len(untied), QT_TRANSLATE_NOOP("StepState", "{count} finding not tied to an objective"),
                   QT_TRANSLATE_NOOP("StepState", "{count} findings not tied to an objective")),
        ),
        StepState(
            bool(project.actions),
            _needs(len(unowned), QT_TRANSLATE_NOOP("StepState", "{count} action without owner or due date"),
                   QT_TRANSLATE_NOOP("StepState", "{count} actions without owner or due date")),
        ),
        StepState(
            bool(shipped),
            _needs(len(undated), QT_TRANSLATE_NOOP("StepState", "{count} shipped action without a release date"),
                   QT_TRANSLATE_NOOP("StepState", "{count} shipped actions without a release date")),
        ),
        StepState(bool(project.reviews)),
    ]
