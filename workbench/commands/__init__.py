"""Click commands of the `workbench` console script, one module per area."""
