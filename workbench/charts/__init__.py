"""Server-side SVG charts for staff pages: no JavaScript, no CDN, readable without colour."""
