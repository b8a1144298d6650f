"""Job and company analyses: offline templates or an OpenAI-compatible model, cached, budgeted and grounded."""

from pipeline.analysis.stage import AnalysisError, AnalyzeSummary, Plan, analyze, choose_backend, plan_analyses

__all__ = ["AnalysisError", "AnalyzeSummary", "Plan", "analyze", "choose_backend", "plan_analyses"]
