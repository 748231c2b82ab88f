"""Catalogue importers, one folder per source format (relaton, ics, ccs, cn_list).

`base` holds what they share: the neutral record, the transactional batch runner and the writer
that upserts standards with their titles, dates, ICS, committees and relations.
See docs/decisions/0002-catalogue-import.md.
"""
