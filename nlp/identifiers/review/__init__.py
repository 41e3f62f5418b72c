"""What the person checking an anonymisation is shown: the machine's doubts and the combinations
that still narrow who someone is."""
