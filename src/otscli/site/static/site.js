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

  // A word that names a state, organ or city finds its other names too, as `ots search` does.
  var names = document.getElementById("other-names");
  var spellings = names ? JSON.parse(names.textContent) : {};
  function found(text, word) {
    return [word].concat(spellings[word] || []).some(function (spelling) { return text.indexOf(spelling) !== -1; });
  }

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
        && words.every(function (word) { return found(data.text, word); });
      item.hidden = !ok;
      if (ok) { count += 1; }
    });
    years.forEach(function (section) { section.hidden = !section.querySelector("li.event:not([hidden])"); });
    shown.textContent = count + " of " + items.length + " events shown";
  }

  // The filters live in the address (index.html?organ=CHS&q=baku), so a filtered view can be shared.
  var fields = ["since", "until", "organ", "state", "city", "kind", "q"];
  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (name) { if (params.has(name)) { form[name].value = params.get(name); } });
  }
  function toAddress() {
    var params = new URLSearchParams();
    fields.forEach(function (name) { if (form[name].value) { params.set(name, form[name].value); } });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }
  function update() { apply(); toAddress(); }

  form.hidden = false;
  fromAddress();
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("reset", function () { window.setTimeout(update, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
}());
