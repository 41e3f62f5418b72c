// Datasette's inline script from _close_open_menus.html, served as a file so the published
// site's content security policy can forbid inline script.
document.body.addEventListener("click", (ev) => {
  /* Close any open details elements that this click is outside of */
  let target = ev.target;
  let detailsClickedWithin = null;
  while (target && target.tagName != "DETAILS") {
    target = target.parentNode;
  }
  if (target && target.tagName == "DETAILS") {
    detailsClickedWithin = target;
  }
  Array.from(document.getElementsByTagName("details"))
    .filter((details) => details.open && details != detailsClickedWithin)
    .forEach((details) => (details.open = false));
});
