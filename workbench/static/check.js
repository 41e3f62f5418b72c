// Selecting text in the original fills the "add an identifier" box, so a reviewer can mark
// a missed name with the mouse. Without JavaScript the box is typed into instead.
document.addEventListener("DOMContentLoaded", function () {
  var original = document.getElementById("original");
  var box = document.getElementById("add_text");
  if (!original || !box) return;
  original.addEventListener("mouseup", function () {
    var text = String(window.getSelection() || "").trim();
    if (text) {
      box.value = text;
      box.focus();
    }
  });
});
