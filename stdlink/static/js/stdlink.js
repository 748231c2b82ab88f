// StdLink page behaviour (no inline scripts: CSP). Tables written before the design system get the
// scrolling frame the design system's own tables have, so no page scrolls sideways on a phone.
(function () {
  "use strict";
  function frameTables(root) {
    root.querySelectorAll("main table").forEach(function (table) {
      var parent = table.parentElement;
      if (parent.classList.contains("table-frame") || parent.classList.contains("table-responsive")) return;
      var frame = document.createElement("div");
      frame.className = "table-frame";
      parent.insertBefore(frame, table);
      frame.appendChild(table);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { frameTables(document); });
  document.addEventListener("htmx:afterSwap", function () { frameTables(document); });
})();
