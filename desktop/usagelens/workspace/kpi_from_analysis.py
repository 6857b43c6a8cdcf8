"""An analysis's settings as an objective's KPI: step 4's "Use as KPI" for any funnel or retention question.

The objectives table offers common KPIs as presets; a checkout funnel without a signup step, or retention
from a product's own start event, is defined where its parameters are already chosen and checked: on the
analysis page. The binding keeps exactly the parameters the KPI metric reads, so the KPI equals the analysis.
"""

from __future__ import annotations

from usagelens.analytics.event_trends import PROPERTY_MEASURES
from usagelens.model import KpiBinding
from usagelens.workspace.analyses.spec import Params

KPI_KINDS = ("active_users", "retention", "funnel", "trends")  # analyses whose settings make a KPI


def binding_from_analysis(kind: str, params: Params, offset: int | None = None) -> KpiBinding | None:
    """The KPI binding for an analysis of ``kind`` with ``params`` (retention also needs its period
    ``offset``: week 4, month 1); None for analyses that are not a KPI."""
    if kind == "active_users":
        return KpiBinding("active_users", {"period": params["period"]})
    if kind == "retention":
        binding = {"period": params["period"], "offset": int(offset if offset is not None else 1),
                   "mode": params.get("mode") or "on"}
        binding.update({name: params[name] for name in ("start_event", "return_event") if params.get(name)})
        return KpiBinding("retention", binding)
    if kind == "trends":  # the number per period; smoothing, the comparison and a breakdown are the chart's
        binding = {"period": params["period"]}
        for suffix in ("", "_b") if params.get("formula") else ("",):
            names = ["event", "measure", *(["property"] if params.get(f"measure{suffix}") in PROPERTY_MEASURES else [])]
            binding.update({name + suffix: params[name + suffix] for name in names if params.get(name + suffix)})
            binding.update({"formula": params["formula"]} if suffix else {})
        return KpiBinding("trend", binding)
    if kind == "funnel":
        binding = {"steps": list(params["steps"]), "window_days": int(params.get("window_days") or 0),
                   "order": params.get("order") or "sequential"}
        if params.get("exclude"):
            binding["exclude"] = params["exclude"]
            if params.get("exclude_step"):  # only between that step and the next
                binding["exclude_step"] = int(params["exclude_step"])
        return KpiBinding("funnel", binding)
    return None
