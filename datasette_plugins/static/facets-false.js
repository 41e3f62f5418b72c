// Datasette reads this global in table.js (allow_facet off).
window.DATASETTE_ALLOW_FACET = false;
