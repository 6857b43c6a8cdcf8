"""The conformance suite imports its helpers (cases, executors) as top-level modules, like tests/analytics."""
