// Omaolo back office: comfort only. Every page works without this file.
// Keyboard shortcuts (j/k, Enter, n, r, i, /, ?, Ctrl+Enter) and the reporter fields of the
// new-ticket form.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-href]"));
  var selected = -1;
  function select(index) {
    if (!rows.length) { return; }
    if (selected >= 0) { rows[selected].classList.remove("selected"); rows[selected].removeAttribute("aria-selected"); }
    selected = Math.max(0, Math.min(rows.length - 1, index));
    rows[selected].classList.add("selected");
    rows[selected].setAttribute("aria-selected", "true");
    rows[selected].scrollIntoView({ block: "nearest" });
  }

  function focusComposer(visibility) {
    var body = document.querySelector("[data-shortcut=composer]");
    if (!body) { return false; }
    var radio = document.querySelector("[data-shortcut=" + visibility + "]");
    if (radio) { radio.checked = true; }
    body.focus();
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.target.matches("[data-shortcut=composer]")) {
      event.preventDefault();
      event.target.form.requestSubmit();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var handled = true;
    switch (event.key) {
      case "j": select(selected + 1); break;
      case "k": select(selected - 1); break;
      case "Enter":
        if (selected >= 0) { window.location.href = rows[selected].getAttribute("data-href"); } else { handled = false; }
        break;
      case "n": window.location.href = "/tickets/new"; break;
      case "r": handled = focusComposer("public"); break;
      case "i": handled = focusComposer("internal"); break;
      case "/":
        var search = document.querySelector("[data-shortcut=search]");
        if (search) { search.focus(); } else { handled = false; }
        break;
      case "?":
        var help = document.getElementById("shortcuts");
        if (help && !help.open) { help.showModal(); }
        break;
      default: handled = false;
    }
    if (handled) { event.preventDefault(); }
  });

  // New ticket: show the resident's or the professional's fields, as chosen.
  var form = document.querySelector(".new-ticket");
  if (form) {
    var update = function () {
      var chosen = form.querySelector("input[name=reporter_kind]:checked");
      form.classList.toggle("reporter-resident", !chosen || chosen.value === "resident");
      form.classList.toggle("reporter-professional", !!chosen && chosen.value === "professional");
    };
    form.addEventListener("change", update);
    update();
  }
})();

// The usage import: a chosen CSV file fills the form's text box and file name (the form
// itself is a plain form, so it also works by pasting).
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("input[type=file][data-fills]"), function (picker) {
    picker.addEventListener("change", function () {
      var file = picker.files && picker.files[0];
      if (!file) { return; }
      var box = document.getElementById(picker.getAttribute("data-fills"));
      var name = document.getElementById(picker.getAttribute("data-name"));
      var reader = new FileReader();
      reader.onload = function () { box.value = reader.result; if (name) { name.value = file.name; } };
      reader.readAsText(file, "utf-8");
    });
  });
})();
