"""Programme: regions' units, surveys, achievements, projects, designations, targets, reports."""
