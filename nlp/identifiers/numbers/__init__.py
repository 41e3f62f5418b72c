"""Numbers and addresses that reach a person: phones, NHS and NI numbers, case and hospital
references, e-mail and web addresses, form answers and exported records."""
