"""Ledger: policy documents turned into tracked tasks with lead and co-responsible agencies."""
