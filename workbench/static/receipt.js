// Receipt pages. No inline script anywhere: the CSP allows only files from this site.
//
// A receipt card's QR code opens /receipt#REFERENCE.SECRET. The fragment never reaches the
// server, its logs or a Referer header. This moves it into the form, removes it from the
// address bar and history, and sends the form (a POST), so the secret is never in a URL
// that is stored anywhere.
(function () {
  "use strict";

  function openFromFragment() {
    var form = document.getElementById("receipt-form");
    var match = /^#([A-Za-z0-9-]+)\.([A-Za-z0-9-]+)$/.exec(window.location.hash);
    if (!form || !match) {
      return;
    }
    history.replaceState(null, "", window.location.pathname + window.location.search);
    form.elements.reference.value = match[1];
    form.elements.secret.value = match[2];
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function enablePrintButtons() {
    var buttons = document.querySelectorAll("[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function () {
        window.print();
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    enablePrintButtons();
    openFromFragment();
  });
})();
