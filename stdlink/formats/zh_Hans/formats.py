"""zh-Hans number format: Django ships no thousand separator for Chinese, so 187000 would show
ungrouped; the bureau's documents group digits by three with a comma (187,000), as in English."""

THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
