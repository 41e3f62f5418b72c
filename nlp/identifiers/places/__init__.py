"""Places: towns, districts and neighbourhoods, streets and addresses however typed, house names,
postcodes and their districts, schools and estates, towns abroad."""
