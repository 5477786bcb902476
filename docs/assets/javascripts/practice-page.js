/*
 * Practice page: the flash-card deck, a random question, the review list and
 * the reset. Only the Practice page runs this: practice.js loads it (with a
 * <script> element, which works from file:// too) when it finds the page's
 * slots, and hands it what both share as window.FIGPractice: the reader's
 * state, the page's controls and the helpers. Nothing is sent anywhere.
 */
(function () {
  "use strict";

  var api = window.FIGPractice;
  if (!api) {
    return;
  }
  var LABELS = api.LABELS;
  var el = api.el;
  var button = api.button;
  var announce = api.announce;
  var markOf = api.markOf;
  var setMark = api.setMark;
  var loadQuestions = api.loadQuestions;
  var loadData = api.loadData;
  var skipRevealOf = api.skipRevealOf;
  var answerOf = api.answerOf;
  var count = api.count;
  var plural = api.plural;
  var saveState = api.saveState;
  var render = api.render;
  var quizSwitch = api.quizSwitch;
  var progressBlock = api.progressBlock;

  /* The questions with their short answers, for the deck. */
  function loadQuestionsWithShorts() {
    return Promise.all([loadQuestions(), loadData("questions-short.js", "FIG_SHORT")]).then(function (loaded) {
      var all = loaded[0];
      var shorts = loaded[1] || {};
      (all || []).forEach(function (q) {
        q.short = q.short || (Object.prototype.hasOwnProperty.call(shorts, q.id) ? String(shorts[q.id]) : "");
      });
      return all;
    });
  }

  function confirmReset(count) {
    return count > 0 && window.confirm("Forget your marks for " + plural(count, "question", "questions") + "? This cannot be undone.");
  }

  /* ---- Practice page: the flash-card deck ----------------------------- */

  /* The short answers are Markdown of one line: code, bold, italics, links. */
  function inlineMarkdown(text) {
    var escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return escaped
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/\*([^*]+)\*/g, "<em>$1</em>")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
  }

  var pageCache = {};

  /* The full answer, read from its topic page. fetch() works online; from
     file:// it is refused, and the card links to the answer instead. */
  function fullAnswer(q) {
    var url = q.url.split("#")[0];
    if (!pageCache[url]) {
      pageCache[url] = fetch(url)
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.text();
        })
        .then(function (text) {
          return new DOMParser().parseFromString(text, "text/html");
        });
    }
    return pageCache[url].then(function (doc) {
      var heading = doc.getElementById(q.id);
      var meta = heading && heading.nextElementSibling;
      var answer = meta && meta.matches("p.qmeta") ? answerOf(meta) : null;
      if (!answer) {
        throw new Error("no answer");
      }
      var box = el("div", "deck-answer");
      Array.prototype.forEach.call(answer.children, function (node) {
        if (!node.matches(".short-answer, .answer-foot")) {
          box.appendChild(document.importNode(node, true));
        }
      });
      box.querySelectorAll("[href], [src]").forEach(function (link) {
        var name = link.hasAttribute("href") ? "href" : "src";
        link.setAttribute(name, new URL(link.getAttribute(name), url).href);
      });
      box.querySelectorAll("[id]").forEach(function (node) {
        node.removeAttribute("id"); /* the page may hold the same ids */
      });
      return box;
    });
  }

  function deckChoices(all) {
    var choices = [["all", "All questions", all]];
    choices.push(["essentials", "Essentials", all.filter(function (q) { return q.essential; })]);
    choices.push(["review", "My review list", all.filter(function (q) { return markOf(q.id, q.aliases) === "review"; })]);
    Object.keys(LABELS).forEach(function (level) {
      choices.push(["level:" + level, LABELS[level] + " questions", all.filter(function (q) { return q.difficulty === level; })]);
    });
    var topics = [];
    all.forEach(function (q) {
      if (topics.indexOf(q.page) === -1) {
        topics.push(q.page);
      }
    });
    topics.forEach(function (name) {
      var items = all.filter(function (q) { return q.page === name; });
      choices.push(["topic:" + name, items[0].topic || name, items]);
    });
    return choices;
  }

  function setUpDeck(slot) {
    slot.textContent = "";
    var deck = { slot: slot, cards: [], index: 0, counts: null, stage: 0 };
    api.page().deck = deck;

    var setup = el("div", "deck-setup");
    var label = el("label", "practice-random__label", "Deck");
    label.htmlFor = "deck-choice";
    var select = el("select", "practice-random__filter");
    select.id = "deck-choice";
    var shuffleLabel = el("label", "deck-shuffle");
    var shuffle = el("input");
    shuffle.type = "checkbox";
    shuffle.id = "deck-shuffle";
    shuffle.checked = true;
    shuffleLabel.appendChild(shuffle);
    shuffleLabel.appendChild(document.createTextNode(" Shuffle"));
    var start = button("Start the deck", "deck-start");
    var message = el("p", "deck-message");
    message.setAttribute("role", "status");
    setup.appendChild(label);
    setup.appendChild(select);
    setup.appendChild(shuffleLabel);
    setup.appendChild(start);
    slot.appendChild(setup);
    slot.appendChild(message);

    var card = el("section", "deck-card");
    card.setAttribute("aria-label", "Flash card");
    card.tabIndex = -1;
    card.hidden = true;
    var counter = el("p", "deck-counter");
    var meta = el("p", "deck-meta");
    var title = el("h3", "deck-question");
    var short = el("div", "deck-short");
    var full = el("div", "deck-full");
    var actions = el("div", "deck-actions");
    var reveal = button("Show the answer", "deck-reveal");
    var knew = button("I knew it", "deck-knew practice-mark practice-mark--known");
    var again = button("Review again", "deck-again practice-mark practice-mark--review");
    var next = button("Skip", "deck-next");
    [reveal, knew, again, next].forEach(function (b) {
      actions.appendChild(b);
    });
    var keys = el("p", "deck-keys");
    keys.innerHTML = "Keys: <kbd>Space</kbd> shows the answer · <kbd>1</kbd> or <kbd>K</kbd> I knew it · <kbd>2</kbd> or <kbd>R</kbd> review again · <kbd>→</kbd> skip";
    /* The buttons under the question, where they stay however long the answer. */
    [counter, meta, title, actions, short, full, keys].forEach(function (node) {
      card.appendChild(node);
    });
    slot.appendChild(card);

    var summary = el("section", "deck-summary");
    summary.setAttribute("aria-label", "Deck finished");
    summary.tabIndex = -1;
    summary.hidden = true;
    slot.appendChild(summary);

    deck.fill = function (all) {
      var current = select.value;
      select.textContent = "";
      var groups = {};
      deckChoices(all).forEach(function (choice) {
        var option = el("option", "", choice[1] + " (" + choice[2].length + ")");
        option.value = choice[0];
        var kind = choice[0].split(":")[0];
        var parent = select;
        if (kind === "level" || kind === "topic") {
          if (!groups[kind]) {
            groups[kind] = el("optgroup");
            groups[kind].label = kind === "level" ? "By difficulty" : "By topic";
            select.appendChild(groups[kind]);
          }
          parent = groups[kind];
        }
        parent.appendChild(option);
      });
      if (current) {
        select.value = current;
      }
      deck.choices = deckChoices(all);
    };

    function begin(items) {
      deck.cards = items.slice();
      if (shuffle.checked) {
        for (var i = deck.cards.length - 1; i > 0; i--) {
          var j = Math.floor(Math.random() * (i + 1));
          var swap = deck.cards[i];
          deck.cards[i] = deck.cards[j];
          deck.cards[j] = swap;
        }
      }
      deck.index = 0;
      deck.counts = { known: 0, review: 0, skipped: 0 };
      deck.reviewed = [];
      summary.hidden = true;
      card.hidden = false;
      show();
      card.focus();
    }

    /* The short answers load on the first start: a second press meanwhile does nothing. */
    var starting = false;
    start.addEventListener("click", function () {
      if (starting) {
        return;
      }
      starting = true;
      loadQuestionsWithShorts().then(function (all) {
        starting = false;
        if (!all) {
          message.textContent = "The list of questions could not be loaded.";
          return;
        }
        deck.fill(all);
        var chosen = deck.choices.filter(function (c) { return c[0] === select.value; })[0] || deck.choices[0];
        if (!chosen[2].length) {
          message.textContent = chosen[0] === "review" ? "Your review list is empty." : "This deck has no questions yet.";
          return;
        }
        message.textContent = "";
        begin(chosen[2]);
      });
    });

    function show() {
      var q = deck.cards[deck.index];
      deck.stage = 0;
      card.setAttribute("data-question", q.id);
      counter.textContent =
        "Card " + (deck.index + 1) + " of " + deck.cards.length + " · " + deck.counts.known + " known · " + deck.counts.review + " to review";
      meta.textContent = "";
      meta.appendChild(el("span", "deck-topic", q.topic));
      if (LABELS[q.difficulty]) {
        meta.appendChild(document.createTextNode(" "));
        meta.appendChild(el("span", "qmeta-difficulty qmeta-" + q.difficulty, LABELS[q.difficulty]));
      }
      title.innerHTML = inlineMarkdown(q.title);
      short.hidden = true;
      short.innerHTML = q.short ? "<strong>Short answer:</strong> " + inlineMarkdown(q.short) : "";
      full.hidden = true;
      full.textContent = "";
      reveal.hidden = false;
      reveal.textContent = q.short ? "Show the short answer" : "Show the answer";
      [knew, again].forEach(function (b) {
        b.setAttribute("aria-pressed", String(markOf(q.id, q.aliases) === (b === knew ? "known" : "review")));
      });
    }

    function showFull(q) {
      full.hidden = false;
      full.textContent = "";
      var link = el("a", "deck-link", "Open this answer on its page");
      link.href = q.url;
      link.addEventListener("click", function () {
        skipRevealOf(""); /* a link to an answer reveals it */
      });
      var loading = el("p", "deck-loading", "Loading the full answer…");
      full.appendChild(loading);
      fullAnswer(q).then(
        function (box) {
          if (deck.cards[deck.index] !== q) {
            return;
          }
          loading.remove();
          full.appendChild(box);
          full.appendChild(el("p", "deck-open")).appendChild(link);
        },
        function () {
          if (deck.cards[deck.index] !== q) {
            return;
          }
          loading.remove();
          link.textContent = "Read the full answer";
          full.appendChild(el("p", "deck-open")).appendChild(link);
        }
      );
    }

    function step() {
      var q = deck.cards[deck.index];
      if (deck.stage === 0 && q.short) {
        deck.stage = 1;
        short.hidden = false;
        reveal.textContent = "Show the full answer";
        announce("Short answer shown");
      } else if (deck.stage < 2) {
        deck.stage = 2;
        short.hidden = !q.short;
        showFull(q);
        reveal.hidden = true;
        card.focus();
        announce("Full answer shown");
      }
    }

    function advance() {
      deck.index += 1;
      if (deck.index < deck.cards.length) {
        show();
        card.focus();
        return;
      }
      finish();
    }

    function markCard(mark) {
      var q = deck.cards[deck.index];
      setMark(q.id, q.aliases, mark);
      deck.counts[mark] += 1;
      if (mark === "review") {
        deck.reviewed.push(q);
      }
      announce(mark === "known" ? "Marked as known" : "Added to your review list");
      advance();
      render();
    }

    function finish() {
      card.hidden = true;
      summary.hidden = false;
      summary.textContent = "";
      var c = deck.counts;
      summary.appendChild(el("h3", "deck-summary__title", "Deck finished"));
      summary.appendChild(
        el(
          "p",
          "deck-summary__text",
          plural(deck.cards.length, "card", "cards") + ": " + c.known + " known, " + c.review + " to review, " + c.skipped + " skipped."
        )
      );
      var row = el("div", "deck-actions");
      if (deck.reviewed.length) {
        var redo = button("Go through the " + plural(deck.reviewed.length, "card", "cards") + " to review", "deck-redo");
        redo.addEventListener("click", function () {
          begin(deck.reviewed);
        });
        row.appendChild(redo);
      }
      var other = button("Choose another deck", "deck-other");
      other.addEventListener("click", function () {
        summary.hidden = true;
        select.focus();
      });
      row.appendChild(other);
      summary.appendChild(row);
      summary.focus();
      announce("Deck finished");
    }

    reveal.addEventListener("click", step);
    knew.addEventListener("click", function () {
      markCard("known");
    });
    again.addEventListener("click", function () {
      markCard("review");
    });
    next.addEventListener("click", function () {
      deck.counts.skipped += 1;
      advance();
    });

    deck.onKey = function (event) {
      if (card.hidden || event.ctrlKey || event.metaKey || event.altKey || !document.body.contains(card)) {
        return;
      }
      var target = event.target;
      if (target.closest && target.closest("input, select, textarea, .md-search")) {
        return;
      }
      var key = event.key;
      if (key === " " || key === "Spacebar") {
        if (target.closest && target.closest("button, a")) {
          return; /* the focused control takes its own Space */
        }
        event.preventDefault();
        step();
      } else if (key === "1" || key === "k" || key === "K") {
        event.preventDefault();
        markCard("known");
      } else if (key === "2" || key === "r" || key === "R") {
        event.preventDefault();
        markCard("review");
      } else if (key === "ArrowRight") {
        event.preventDefault();
        next.click();
      }
    };
  }

  /* ---- Practice page: random question, review list, reset ------------- */

  function setUpRandom(slot) {
    slot.textContent = "";
    var label = el("label", "practice-random__label", "Pick from");
    label.htmlFor = "practice-random-filter";
    var select = el("select", "practice-random__filter");
    select.id = "practice-random-filter";
    [
      ["", "All questions"],
      ["beginner", "Beginner questions"],
      ["intermediate", "Intermediate questions"],
      ["advanced", "Advanced questions"],
      ["review", "My review list"]
    ].forEach(function (option) {
      var node = el("option", "", option[1]);
      node.value = option[0];
      select.appendChild(node);
    });
    var go = button("Random question", "practice-random__go");
    var message = el("p", "practice-random__message");
    message.setAttribute("role", "status");
    go.addEventListener("click", function () {
      loadQuestions().then(function (all) {
        var filter = select.value;
        var pool = (all || []).filter(function (q) {
          return !filter || (filter === "review" ? markOf(q.id, q.aliases) === "review" : q.difficulty === filter);
        });
        if (!pool.length) {
          message.textContent = !all
            ? "The list of questions could not be loaded."
            : filter === "review"
              ? "Your review list is empty."
              : "No questions match.";
          return;
        }
        var pick = pool[Math.floor(Math.random() * pool.length)];
        skipRevealOf(pick.id); /* land on the question, answer still hidden */
        window.location.href = pick.url;
      });
    });
    var row = el("div", "practice-random");
    row.appendChild(label);
    row.appendChild(select);
    row.appendChild(go);
    slot.appendChild(row);
    slot.appendChild(message);
  }

  function setUpReset(slot) {
    slot.textContent = "";
    api.page().reset = button("Reset progress", "practice-reset");
    api.page().reset.addEventListener("click", function () {
      loadQuestions().then(function (all) {
        var marked = count(all || []);
        var sum = all ? marked.known + marked.review : Object.keys(api.state().marks).length;
        if (confirmReset(sum)) {
          api.state().marks = {};
          saveState();
          render();
          announce("All progress reset");
        }
      });
    });
    slot.appendChild(api.page().reset);
  }

  function setUpPracticePage(slots) {
    if (slots.overview) {
      slots.overview.textContent = "";
      api.page().toggles.push(slots.overview.appendChild(quizSwitch()));
      api.page().overall = slots.overview.appendChild(progressBlock("Your progress"));
    }
    if (slots.deck) {
      setUpDeck(slots.deck);
    }
    if (slots.random) {
      setUpRandom(slots.random);
    }
    if (slots.review) {
      api.page().reviewSlot = slots.review;
    }
    if (slots.reset) {
      setUpReset(slots.reset);
    }
  }

  function renderReviewList(all) {
    var slot = api.page().reviewSlot;
    slot.textContent = "";
    var items = (all || []).filter(function (q) {
      return markOf(q.id, q.aliases) === "review";
    });
    if (!all) {
      slot.appendChild(el("p", "", "The list of questions could not be loaded."));
      return;
    }
    if (!items.length) {
      slot.appendChild(el("p", "practice-review-empty", "Nothing to review yet: press “Review again” under an answer or on a flash card and it is listed here."));
      return;
    }
    var list = el("ul", "practice-review-list");
    items.forEach(function (q) {
      var item = el("li");
      var link = el("a", "", q.title);
      link.href = q.url;
      item.appendChild(link);
      if (LABELS[q.difficulty]) {
        item.appendChild(document.createTextNode(" "));
        item.appendChild(el("span", "qmeta-difficulty qmeta-" + q.difficulty, LABELS[q.difficulty]));
      }
      if (q.topic) {
        item.appendChild(document.createTextNode(" "));
        item.appendChild(el("span", "practice-review-topic", q.topic));
      }
      list.appendChild(item);
    });
    slot.appendChild(list);
  }

  api.practicePage = { setUp: setUpPracticePage, renderReviewList: renderReviewList };
})();
