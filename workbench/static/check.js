// Selecting text in the original fills the "add an identifier" box, so a reviewer can mark
// a missed name with the mouse. Without JavaScript the box is typed into instead.
//
// The box gets the story's own text for the selected range, not the selection's
// `toString()`: each highlighted finding carries a visually-hidden label for screen readers
// (" (PERSON)"), which `toString()` includes, and the server rightly refuses text that is not
// in the story. So the selection is cut to the original, copied, and the labels dropped.
document.addEventListener("DOMContentLoaded", function () {
  var original = document.getElementById("original");
  var box = document.getElementById("add_text");
  if (!original || !box) return;

  function storyText(range) {
    var whole = document.createRange();
    whole.selectNodeContents(original);
    if (!range.intersectsNode(original)) return "";
    var part = range.cloneRange();
    if (part.compareBoundaryPoints(Range.START_TO_START, whole) < 0) {
      part.setStart(whole.startContainer, whole.startOffset);
    }
    if (part.compareBoundaryPoints(Range.END_TO_END, whole) > 0) {
      part.setEnd(whole.endContainer, whole.endOffset);
    }
    var copy = part.cloneContents();
    copy.querySelectorAll(".visually-hidden").forEach(function (label) {
      label.remove();
    });
    return copy.textContent;
  }

  // A drag that starts in the story may end outside it, so the end is heard on the document;
  // only a drag begun in the story fills the box (not, say, a click on a button while an
  // earlier selection is still showing, which would undo an edit made in the box since).
  var selecting = false;
  original.addEventListener("mousedown", function () {
    selecting = true;
  });
  document.addEventListener("mouseup", function () {
    if (!selecting) return;
    selecting = false;
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    var text = "";
    for (var i = 0; i < selection.rangeCount; i++) {
      text += storyText(selection.getRangeAt(i));
    }
    text = text.trim();
    if (text) {
      box.value = text;
      box.focus();
    }
  });
});
