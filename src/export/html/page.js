// Percorso's interactive HTML export. Reads the figures from the JSON block and shows them with
// textContent only: names and log values are never markup.
(function () {
  "use strict";
  var source = document.getElementById("percorso-data");
  var maps = JSON.parse(source ? source.textContent : "[]");
  var tip = document.getElementById("tip");

  function byId(list) {
    var found = {};
    list.forEach(function (tp) {
      found[String(tp.id)] = tp;
    });
    return found;
  }
  var figures = maps.map(byId);

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // Tabs: the map, the stages and the story.
  var tabs = Array.prototype.slice.call(document.querySelectorAll("[data-tab]"));
  function showTab(name) {
    tabs.forEach(function (button) {
      var on = button.getAttribute("data-tab") === name;
      button.setAttribute("aria-selected", on ? "true" : "false");
      var panel = document.getElementById("tab-" + button.getAttribute("data-tab"));
      if (panel) panel.hidden = !on;
    });
  }
  tabs.forEach(function (button) {
    button.addEventListener("click", function () {
      showTab(button.getAttribute("data-tab"));
    });
  });

  // The inspector: a touchpoint's figures beside its map.
  function inspect(index, id) {
    var tp = figures[index] && figures[index][id];
    var panel = document.querySelector('[data-inspector="' + index + '"]');
    var map = document.querySelector('[data-map="' + index + '"]');
    if (!tp || !panel || !map) return;
    map.querySelectorAll("[data-touchpoint]").forEach(function (g) {
      var on = g.getAttribute("data-touchpoint") === id;
      g.classList.toggle("is-selected", on);
      g.setAttribute("aria-pressed", on ? "true" : "false");
    });
    var list = el("dl", undefined, "figures");
    tp.figures.forEach(function (f) {
      var row = el("div");
      row.setAttribute("data-field", f.key);
      row.appendChild(el("dt", f.label));
      row.appendChild(el("dd", f.value));
      list.appendChild(row);
    });
    panel.replaceChildren(el("p", tp.stage, "eyebrow"), el("h2", tp.name), list);
    panel.setAttribute("data-touchpoint", id);
  }

  function showTip(index, id, x, y) {
    var tp = figures[index] && figures[index][id];
    if (!tp || !tip) return;
    tip.replaceChildren(el("strong", tp.name), el("span", tp.headline));
    tip.hidden = false;
    var left = Math.min(x + 14, window.innerWidth - tip.offsetWidth - 8);
    var top = Math.min(y + 14, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = Math.max(8, top) + "px";
  }

  function hideTip() {
    if (tip) tip.hidden = true;
  }

  document.querySelectorAll("[data-map]").forEach(function (map) {
    var index = Number(map.getAttribute("data-map"));
    // Never drawn below 85% of its size, so names stay readable; a narrow window scrolls it.
    var svg = map.querySelector("svg");
    var natural = svg ? Number(svg.getAttribute("width")) : 0;
    if (svg && natural > 0) svg.style.minWidth = Math.round(natural * 0.85) + "px";
    map.querySelectorAll("[data-touchpoint]").forEach(function (g) {
      var tp = figures[index] && figures[index][g.getAttribute("data-touchpoint")];
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      if (tp) g.setAttribute("aria-label", tp.name + ": " + tp.headline);
    });
    function target(event) {
      var node = event.target;
      return node && node.closest ? node.closest("[data-touchpoint]") : null;
    }
    map.addEventListener("click", function (event) {
      var g = target(event);
      if (g) inspect(index, g.getAttribute("data-touchpoint"));
    });
    map.addEventListener("keydown", function (event) {
      var g = target(event);
      if (g && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        inspect(index, g.getAttribute("data-touchpoint"));
      }
    });
    map.addEventListener("mousemove", function (event) {
      var g = target(event);
      if (g) showTip(index, g.getAttribute("data-touchpoint"), event.clientX, event.clientY);
      else hideTip();
    });
    map.addEventListener("mouseleave", hideTip);
  });

  // The story: one slide at a time, with the buttons or the arrow keys.
  var slides = Array.prototype.slice.call(document.querySelectorAll("[data-slide]"));
  var position = document.querySelector(".steps .position");
  var current = 0;
  function showSlide(i) {
    if (slides.length === 0) return;
    current = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach(function (slide, n) {
      slide.hidden = n !== current;
    });
    if (position) position.textContent = current + 1 + " / " + slides.length;
  }
  document.querySelectorAll("[data-step]").forEach(function (button) {
    button.addEventListener("click", function () {
      showSlide(current + Number(button.getAttribute("data-step")));
    });
  });
  document.addEventListener("keydown", function (event) {
    var story = document.getElementById("tab-story");
    if (!story || story.hidden) return;
    if (event.key === "ArrowRight" || event.key === "PageDown") showSlide(current + 1);
    else if (event.key === "ArrowLeft" || event.key === "PageUp") showSlide(current - 1);
  });
  showSlide(0);
})();
