// The parels catalogue: search and filter the parels the page carries (leercyclus).
// It reads the data from the page itself and fetches nothing; every text is set as text.
(function () {
  "use strict";

  var FIELDS = ["q", "domein", "standaard", "jaar"];

  function byId(id) {
    return document.getElementById(id);
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function haystack(parel) {
    var parts = [parel.title, parel.text, parel.year];
    parel.standards.forEach(function (s) { parts.push(s.id + " " + s.title); });
    parel.domains.forEach(function (d) { parts.push(d.id + " " + d.title); });
    if (parel.contact) {
      parts.push(parel.contact.name);
    }
    return fold(parts.join(" "));
  }

  function mailto(address) {
    return "mailto:" + encodeURIComponent(address).replace(/%40/g, "@");
  }

  function card(parel, texts) {
    var item = element("li", "parel");
    item.id = parel.id;
    item.setAttribute("data-year", parel.year);
    item.appendChild(element("h3", "", parel.title));
    var about = [parel.year];
    parel.domains.forEach(function (d) { about.push(d.id + " " + d.title); });
    item.appendChild(element("p", "meta", about.join(" · ")));
    item.appendChild(element("p", "text", parel.text));
    if (parel.standards.length) {
      item.appendChild(element("p", "meta", texts.standards));
      var list = element("ul", "standards");
      parel.standards.forEach(function (s) {
        list.appendChild(element("li", "", s.id + " " + s.title));
      });
      item.appendChild(list);
    }
    if (parel.contact) {
      var line = element("p", "contact", texts.contact + ": " + parel.contact.name);
      if (parel.contact.email) {
        line.appendChild(document.createTextNode(", "));
        var link = element("a", "", parel.contact.email);
        link.href = mailto(parel.contact.email);
        line.appendChild(link);
      }
      if (parel.contact.phone) {
        line.appendChild(document.createTextNode(", " + parel.contact.phone));
      }
      item.appendChild(line);
    }
    return item;
  }

  function start() {
    var data = JSON.parse(byId("parels-data").textContent);
    var texts = data.texts;
    var inputs = {};
    FIELDS.forEach(function (name) { inputs[name] = byId(name); });
    data.parels.forEach(function (parel) { parel.words = haystack(parel); });

    function chosen() {
      var wanted = {};
      FIELDS.forEach(function (name) { wanted[name] = inputs[name].value.trim(); });
      return wanted;
    }

    function fits(parel, wanted) {
      var words = fold(wanted.q).split(/\s+/).filter(Boolean);
      if (!words.every(function (word) { return parel.words.indexOf(word) >= 0; })) {
        return false;
      }
      if (wanted.jaar && parel.year !== wanted.jaar) {
        return false;
      }
      if (wanted.domein && !parel.domains.some(function (d) { return d.id === wanted.domein; })) {
        return false;
      }
      return !wanted.standaard ||
        parel.standards.some(function (s) { return s.id === wanted.standaard; });
    }

    function remember(wanted) {
      var params = new URLSearchParams();
      FIELDS.forEach(function (name) {
        if (wanted[name]) {
          params.set(name, wanted[name]);
        }
      });
      var query = params.toString();
      try {
        history.replaceState(null, "", query ? "?" + query : location.pathname);
      } catch (ignored) {
        // a page opened from disk may not change its address: the filter still applies
      }
    }

    function show() {
      var wanted = chosen();
      var list = byId("parels");
      var shown = data.parels.filter(function (parel) { return fits(parel, wanted); });
      list.textContent = "";
      shown.forEach(function (parel) { list.appendChild(card(parel, texts)); });
      byId("count").textContent = shown.length
        ? texts.shown.replace("{shown}", shown.length).replace("{total}", data.parels.length)
        : texts.none;
      remember(wanted);
    }

    var params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      var value = params.get(name);
      var input = inputs[name];
      if (value === null) {
        return;
      }
      if (input.tagName === "SELECT") {
        var known = Array.prototype.some.call(input.options, function (o) {
          return o.value === value;
        });
        if (!known) {
          return;
        }
      }
      input.value = value;
    });
    inputs.q.addEventListener("input", show);
    ["domein", "standaard", "jaar"].forEach(function (name) {
      inputs[name].addEventListener("change", show);
    });
    var form = byId("filters");
    form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
    form.addEventListener("reset", function () { setTimeout(show, 0); });
    show();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
