/*
 * The link of each answer: the permalink after every question heading (the
 * "¶" of Material's toc extension, drawn as a link icon by guide.css) becomes
 * the answer's permanent short link, <site>/q/<id>/, and a click copies it
 * instead of following it. Its title and the confirmation say that this is
 * the link to share. A question heading is an h2 with an id directly followed
 * by the question's <p class="qmeta">, as the normaliser renders it; the old
 * anchors (#<id> on the topic page) keep working as before.
 *
 * Online, the short link is on the site being read (the public site, or a
 * local preview); in the offline copy, a file:// address is no link to send,
 * so it is the public site's, named by <meta name="guide:site-url">.
 * A single polite live region says "Link copied", so screen readers hear it
 * without losing their place. Plain JavaScript, no dependencies.
 */
(function () {
  "use strict";

  var HEADINGS = ".md-content .md-typeset h2[id]";
  var QUESTION_META = "p.qmeta";
  var SHOWN_FOR_MS = 2500;
  var SCRIPT = document.currentScript;
  var status = null;
  var hideTimer = 0;

  function siteRoot() {
    var root = window.__md_scope
      ? new URL(window.__md_scope.href)
      : new URL("../../", SCRIPT ? SCRIPT.src : location.href);
    if (/^https?:$/.test(root.protocol)) {
      return root;
    }
    var meta = document.querySelector("meta[name='guide:site-url']");
    return meta && meta.content ? new URL(meta.content) : root;
  }

  function shortLink(id) {
    return new URL("q/" + encodeURIComponent(id) + "/", siteRoot()).href;
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

  function announce(message, detail) {
    var region = statusRegion();
    window.clearTimeout(hideTimer);
    region.textContent = message;
    if (detail) {
      var line = document.createElement("span");
      line.className = "copy-link-status__url";
      line.textContent = detail;
      region.appendChild(line);
    }
    region.classList.add("copy-link-status--visible");
    hideTimer = window.setTimeout(function () {
      region.classList.remove("copy-link-status--visible");
      region.textContent = "";
    }, SHOWN_FOR_MS);
  }

  function setUp(heading) {
    var link = heading.querySelector("a.headerlink");
    if (!link || link.classList.contains("copy-link")) {
      return;
    }
    /* The live region exists before anything is said in it: screen readers
       may miss words put into a region in the same moment it appears. */
    statusRegion();
    var url = shortLink(heading.id);
    link.classList.add("copy-link");
    link.href = url;
    link.title = "Copy the link to share: " + url;
    link.setAttribute("aria-label", "Copy link to this answer");
    link.addEventListener("click", function (event) {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button > 0) {
        return; /* opening it in a new tab or window is for the browser */
      }
      event.preventDefault();
      event.stopPropagation(); /* not Material's instant navigation either */
      writeClipboard(url).then(
        function () {
          announce("Link copied", url);
        },
        function () {
          announce("Could not copy: right-click the link icon to copy this link", url);
        }
      );
    });
  }

  function setUpAll() {
    var headings = document.querySelectorAll(HEADINGS);
    for (var i = 0; i < headings.length; i++) {
      var next = headings[i].nextElementSibling;
      if (next && next.matches(QUESTION_META)) {
        setUp(headings[i]);
      }
    }
  }

  /* Material re-renders the content on instant navigation and announces
     each new document through document$; without it, run once. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
