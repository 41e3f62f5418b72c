// The staff menu's groups are <details> disclosures: they open and close from the keyboard
// without this file. This adds what people expect of a menu bar: one group open at a time,
// Escape closes the open group (focus goes back to its name), a click elsewhere closes it.
(function () {
  "use strict";

  function groups() {
    return document.querySelectorAll("details[data-menu]");
  }

  function closeAll(except) {
    var all = groups();
    for (var i = 0; i < all.length; i++) {
      if (all[i] !== except) {
        all[i].open = false;
      }
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var all = groups();
    for (var i = 0; i < all.length; i++) {
      all[i].addEventListener("toggle", function (event) {
        if (event.target.open) {
          closeAll(event.target);
        }
      });
    }
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") {
        return;
      }
      var open = document.querySelector("details[data-menu][open]");
      if (open) {
        open.open = false;
        open.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest("details[data-menu]")) {
        closeAll(null);
      }
    });
  });
})();
