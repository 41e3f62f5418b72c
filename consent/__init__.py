"""Consent records, receipts and withdrawal: the promises made to each storyteller."""
