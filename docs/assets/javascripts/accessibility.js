/*
 * Material wraps the copy button of every code block in a <nav>, so a page
 * with ten examples has ten unnamed "navigation" landmarks, which drowns the
 * real ones (site navigation, table of contents) in a screen reader's list
 * of landmarks. They hold one button each and navigate nowhere: take away
 * their landmark role, keep the buttons. Material adds them after the page
 * loads (and again on instant navigation), hence the observer.
 */
(function () {
  "use strict";

  var NAV = "nav.md-code__nav:not([role])";

  function unlandmark(root) {
    var navs = root.querySelectorAll ? root.querySelectorAll(NAV) : [];
    for (var i = 0; i < navs.length; i++) {
      navs[i].setAttribute("role", "none");
    }
  }

  unlandmark(document);
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      for (var j = 0; j < records[i].addedNodes.length; j++) {
        var node = records[i].addedNodes[j];
        if (node.nodeType === 1) {
          if (node.matches(NAV)) {
            node.setAttribute("role", "none");
          }
          unlandmark(node);
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
})();
