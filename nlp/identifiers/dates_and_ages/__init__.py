"""Dates of birth and ages however written: cued, worded, in notes' shorthand, in records, in
conversation and as every community gives them."""
