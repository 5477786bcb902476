/*
 * A search that finds nothing points somewhere: under Material's "No matching
 * documents", links to All questions and to the questions by tag. Material
 * rewrites the result's count line on every search; an observer follows it.
 * Plain JavaScript, no dependencies; the links work online and from file://.
 */
(function () {
  "use strict";

  var SCRIPT = document.currentScript;
  var ROOT = window.__md_scope
    ? new URL(window.__md_scope.href)
    : new URL("../../", SCRIPT ? SCRIPT.src : location.href);

  /* The offline build has no directory URLs: its logo links to index.html. */
  function pageUrl(name) {
    var home = document.querySelector("a.md-logo");
    var html = home && /\.html$/.test(new URL(home.href, location.href).pathname);
    return new URL(name + (html ? ".html" : "/"), ROOT).href;
  }

  function link(name, text) {
    var a = document.createElement("a");
    a.href = pageUrl(name);
    a.textContent = text;
    return a;
  }

  function setUp() {
    var result = document.querySelector(".md-search-result");
    var meta = result && result.querySelector(".md-search-result__meta");
    if (!meta || document.querySelector(".md-search-result__help")) {
      return;
    }
    var help = document.createElement("p");
    help.className = "md-search-result__help";
    help.hidden = true;
    help.appendChild(document.createTextNode("Try other words, or browse "));
    help.appendChild(link("all-questions", "all questions"));
    help.appendChild(document.createTextNode(" or the "));
    help.appendChild(link("tags", "questions by tag"));
    help.appendChild(document.createTextNode("."));
    /* Outside Material's result element: its Enter key picks the best of the
       links inside it, each of which must be a result. */
    result.after(help);
    var update = function () {
      var list = result.querySelector(".md-search-result__list");
      help.hidden = !/^No matching/i.test(meta.textContent.trim()) || (list && list.children.length > 0);
    };
    new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
