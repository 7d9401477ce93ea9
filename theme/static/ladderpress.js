// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function setUpPicker(form) {
    var order = form.getAttribute("data-order").split(" ");
    var base = form.getAttribute("data-base");
    var error = form.querySelector("[data-picker-error]");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var a = form.elements.a.value;
      var b = form.elements.b.value;
      if (a === b) {
        error.textContent = "Choose two different levels.";
        form.elements.b.focus();
        return;
      }
      error.textContent = "";
      if (order.indexOf(a) > order.indexOf(b)) {
        var swap = a; a = b; b = swap;
      }
      window.location.href = base + encodeURIComponent(a) + "/" + encodeURIComponent(b) + "/";
    });
  }

  document.querySelectorAll("form[data-picker]").forEach(setUpPicker);
})();
