"""TBT early warning: WTO notifications classified, linked to standards, matched, graded and commented on."""
