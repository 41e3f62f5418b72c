// Datasette reads this global in table.js (allow_facet on).
window.DATASETTE_ALLOW_FACET = true;
