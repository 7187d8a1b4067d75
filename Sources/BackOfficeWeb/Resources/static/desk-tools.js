// Omaolo back office: the desk's tools. Every page works without this file.
// The queue's bulk form: "all on this page" ticks every row, and only the chosen action's
// field shows. The composer's canned replies: typing :: opens the replies, filtered by what
// follows; Enter, Tab or a click puts the reply, filled for this ticket, in place of the ::.
(function () {
  "use strict";

  var bulkForm = document.getElementById("bulk-form");
  if (bulkForm) {
    var all = document.getElementById("bulk-all");
    var boxes = function () {
      return Array.prototype.slice.call(document.querySelectorAll("input[name=ticket][form=bulk-form]"));
    };
    if (all) {
      all.addEventListener("change", function () {
        boxes().forEach(function (box) { box.checked = all.checked; });
      });
      document.addEventListener("change", function (event) {
        if (!event.target.matches("input[name=ticket][form=bulk-form]")) { return; }
        var ticked = boxes().filter(function (box) { return box.checked; }).length;
        all.checked = ticked === boxes().length;
        all.indeterminate = ticked > 0 && !all.checked;
      });
    }
    var showChosen = function () {
      var chosen = bulkForm.querySelector("input[name=action]:checked");
      Array.prototype.forEach.call(bulkForm.querySelectorAll(".bulk-value"), function (field) {
        field.hidden = !!chosen && field.getAttribute("data-action") !== chosen.value;
      });
    };
    bulkForm.addEventListener("change", showChosen);
    showChosen();
  }

  var picker = document.querySelector("[data-canned-picker]");
  var composer = document.getElementById("comment-body");
  if (!picker || !composer) { return; }
  var select = picker.querySelector("select[name=canned_reply]");
  var language = picker.querySelector("select[name=canned_language]");
  var token = composer.form.querySelector("input[name=csrf_token]").value;
  var replies = Array.prototype.map.call(select.options, function (option) { return { id: option.value, title: option.text }; });
  var list = document.createElement("ul");
  list.id = "canned-suggestions";
  list.className = "canned-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", picker.querySelector("label").textContent);
  list.hidden = true;
  composer.insertAdjacentElement("afterend", list);
  composer.setAttribute("aria-controls", list.id);
  composer.setAttribute("aria-autocomplete", "list");
  var matches = [];
  var active = 0;
  var start = -1;

  function fold(text) {
    return text.toLocaleLowerCase("fi").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // The `::query` just before the caret, if the caret is at the end of one.
  function trigger() {
    var before = composer.value.slice(0, composer.selectionStart);
    var found = /(^|\s)::([^\s:]*)$/.exec(before);
    return found ? { start: before.length - found[2].length - 2, query: found[2] } : null;
  }

  function close() {
    list.hidden = true;
    composer.removeAttribute("aria-activedescendant");
    start = -1;
  }

  function show() {
    list.textContent = "";
    if (!matches.length) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = picker.getAttribute("data-empty");
      list.appendChild(none);
    }
    matches.forEach(function (reply, index) {
      var item = document.createElement("li");
      item.id = "canned-option-" + index;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", index === active ? "true" : "false");
      item.textContent = reply.title;
      item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(index); });
      list.appendChild(item);
    });
    list.hidden = false;
    if (matches.length) { composer.setAttribute("aria-activedescendant", "canned-option-" + active); }
  }

  function choose(index) {
    var reply = matches[index];
    var from = start;
    var to = composer.selectionStart;
    close();
    if (!reply) { return; }
    var body = new URLSearchParams({ csrf_token: token, language: language.value });
    fetch(picker.getAttribute("data-fill-url") + reply.id + "/fill", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: body.toString()
    }).then(function (answer) {
      if (!answer.ok) { throw new Error("fill " + answer.status); }
      return answer.json();
    }).then(function (filled) {
      composer.setRangeText(filled.body, from, to, "end");
      composer.focus();
    }).catch(function () {
      // The plain form does the same with a page load.
      composer.setRangeText("", from, to, "end");
      select.value = reply.id;
      picker.querySelector("button").click();
    });
  }

  composer.addEventListener("input", function () {
    var found = trigger();
    if (!found) { close(); return; }
    start = found.start;
    var query = fold(found.query);
    matches = replies.filter(function (reply) { return fold(reply.title).indexOf(query) >= 0; }).slice(0, 8);
    active = 0;
    show();
  });

  composer.addEventListener("keydown", function (event) {
    if (list.hidden) { return; }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (matches.length) {
        active = (active + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length;
        show();
      }
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.ctrlKey && !event.metaKey) {
      if (!matches.length) { close(); return; }
      choose(active);
    } else if (event.key === "Escape") {
      close();
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  });

  composer.addEventListener("blur", close);
})();
