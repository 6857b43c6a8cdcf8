"""Step 4 widgets: the analysis gallery, generated parameter panels and the chart area."""
