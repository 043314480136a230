// ots site: filters and search over the timeline on the index page. The page is whole without this
// script; it only hides what does not match. No network, no framework.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var years = Array.prototype.slice.call(document.querySelectorAll("section.year"));
  var shown = document.getElementById("shown");

  // The same folding as the command line (otscli.names.fold): Turkish dotted and dotless i and schwa, no
  // accents, no apostrophes, anything but letters and digits a single space.
  function fold(text) {
    return text.replace(/İ/g, "i").replace(/I/g, "ı").toLowerCase().replace(/ı/g, "i").replace(/ə/g, "e")
      .normalize("NFKD").replace(/\p{M}/gu, "").replace(/['’ʻʼ`´]/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  function hasWord(list, word) { return (" " + list + " ").indexOf(" " + word + " ") !== -1; }

  function apply() {
    var since = parseInt(form.since.value, 10), until = parseInt(form.until.value, 10);
    var organ = form.organ.value, state = form.state.value, city = form.city.value, kind = form.kind.value;
    var words = fold(form.q.value).split(/\s+/).filter(Boolean);
    var count = 0;
    items.forEach(function (item) {
      var data = item.dataset;
      var ok = (isNaN(since) || parseInt(data.last, 10) >= since) && (isNaN(until) || parseInt(data.first, 10) <= until)
        && (!organ || hasWord(data.organs, organ)) && (!state || hasWord(data.states, state))
        && (!city || data.city === city) && (!kind || data.kind === kind)
        && words.every(function (word) { return data.text.indexOf(word) !== -1; });
      item.hidden = !ok;
      if (ok) { count += 1; }
    });
    years.forEach(function (section) { section.hidden = !section.querySelector("li.event:not([hidden])"); });
    shown.textContent = count + " of " + items.length + " events shown";
  }

  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
}());
