/*
 * Copy-link buttons: one in each question heading, copying the full URL of
 * that answer (the page's address with the heading's id as fragment). A
 * question heading is an h2 with an id directly followed by the question's
 * <p class="qmeta">, as the normaliser renders it.
 * A single polite live region says "Link copied", so screen readers hear it
 * without losing their place. Plain JavaScript, no dependencies.
 */
(function () {
  "use strict";

  var HEADINGS = ".md-content .md-typeset h2[id]";
  var QUESTION_META = "p.qmeta";
  var SHOWN_FOR_MS = 2000;
  var status = null;
  var hideTimer = 0;

  function answerUrl(id) {
    var url = new URL(window.location.href);
    url.hash = id;
    return url.href;
  }

  /* The Clipboard API needs a secure context and the page's permission;
     where it is missing or refused (some file:// pages, older browsers),
     copy from a selected, off-screen textarea instead. */
  function copyWithSelection(text) {
    var focused = document.activeElement;
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "copy-link__scratch";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    area.remove();
    if (focused && focused.focus) {
      focused.focus();
    }
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyWithSelection(text);
      });
    }
    return copyWithSelection(text);
  }

  function statusRegion() {
    if (!status || !document.body.contains(status)) {
      status = document.createElement("div");
      status.className = "copy-link-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    return status;
  }

  function announce(message) {
    var region = statusRegion();
    window.clearTimeout(hideTimer);
    region.textContent = message;
    region.classList.add("copy-link-status--visible");
    hideTimer = window.setTimeout(function () {
      region.classList.remove("copy-link-status--visible");
      region.textContent = "";
    }, SHOWN_FOR_MS);
  }

  function addButton(heading) {
    if (heading.querySelector(".copy-link")) {
      return;
    }
    /* The live region exists before anything is said in it: screen readers
       may miss words put into a region in the same moment it appears. */
    statusRegion();
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.title = "Copy link to this answer";
    button.setAttribute("aria-label", "Copy link to this answer");
    button.addEventListener("click", function () {
      writeClipboard(answerUrl(heading.id)).then(
        function () {
          announce("Link copied");
        },
        function () {
          announce("Could not copy the link: use the ¶ link next to the question");
        }
      );
    });
    heading.appendChild(button);
  }

  function addButtons() {
    var headings = document.querySelectorAll(HEADINGS);
    for (var i = 0; i < headings.length; i++) {
      var next = headings[i].nextElementSibling;
      if (next && next.matches(QUESTION_META)) {
        addButton(headings[i]);
      }
    }
  }

  /* Material re-renders the content on instant navigation and announces
     each new document through document$; without it, run once. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(addButtons);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addButtons);
  } else {
    addButtons();
  }
})();
