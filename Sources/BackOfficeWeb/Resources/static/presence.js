// Omaolo back office: who else is on this ticket. Advisory only: the ticket's version stays
// the guard. The page reports every few seconds that it is open, at once when its reply
// starts being typed, and when it closes; the answer lists who else has it open and who is
// writing a reply.
(function () {
  "use strict";
  var box = document.getElementById("presence");
  var token = document.querySelector("input[name=csrf_token]");
  if (!box || !token || !window.fetch) { return; }
  var url = box.getAttribute("data-presence");
  var list = box.querySelector("ul");
  var composer = document.querySelector("[data-shortcut=composer]");
  var typedAt = 0;
  var sentWriting = false;
  var every = 5000;
  var writingFor = 6000;

  function form(fields) {
    var body = new URLSearchParams();
    body.set("csrf_token", token.value);
    Object.keys(fields).forEach(function (name) { body.set(name, fields[name]); });
    return body;
  }

  function show(others) {
    list.textContent = "";
    others.forEach(function (other) {
      var item = document.createElement("li");
      item.textContent = other.text;
      if (other.writing) { item.className = "writing"; }
      list.appendChild(item);
    });
    box.hidden = others.length === 0;
  }

  function report() {
    var writing = Date.now() - typedAt < writingFor;
    sentWriting = writing;
    return fetch(url, {
      method: "POST", credentials: "same-origin", headers: { "Accept": "application/json" },
      body: form({ writing: writing ? "1" : "0" })
    }).then(function (response) {
      return response.ok ? response.json() : { others: [] };
    }).then(function (answer) { show(answer.others || []); }, function () { /* advisory: try again later */ });
  }

  if (composer) {
    composer.addEventListener("input", function () {
      typedAt = Date.now();
      if (!sentWriting) { report(); }
    });
  }
  window.addEventListener("pagehide", function () {
    if (navigator.sendBeacon) { navigator.sendBeacon(url, form({ left: "1" })); }
  });
  report();
  window.setInterval(report, every);
})();
