/* The review page (meetings/review.html), enhanced; everything also works with plain forms.
   - an item's link scrolls the source to its mark and flashes it; a mark scrolls to its item;
   - a selection in the source offers "add as directive / petition / difficulty": the offsets of the
     selection in the cleaned text are counted from the data-start of the text segments
     (<span class="seg" data-start="N">), never found by searching the text;
   - a unit found by the search box joins the directive's chips; edited directives say "not saved";
   - the source keeps its scroll position across htmx swaps; folded on a phone, open on a desktop. */
(function () {
  "use strict";

  var wide = window.matchMedia("(min-width: 62rem)");
  var reduced = window.matchMedia("(prefers-reduced-motion: reduce)");
  var sourceOpenedByUser = null; // on a phone: what the user chose, kept across swaps
  var savedScroll = null;

  function $(id) { return document.getElementById(id); }

  // the element of an event (a text node or the document has no closest())
  function elementOf(event) {
    var t = event.target;
    return t && t.nodeType === Node.ELEMENT_NODE ? t : (t && t.parentElement) || document.documentElement;
  }

  function syncSourcePanel() {
    var panel = $("source-panel");
    if (!panel) return;
    panel.open = wide.matches ? true : (sourceOpenedByUser === true);
  }

  function flash(el) {
    el.classList.remove("is-flashing");
    void el.offsetWidth; // restart the animation
    el.classList.add("is-flashing");
    window.setTimeout(function () { el.classList.remove("is-flashing"); }, 1700);
  }

  function scrollToEl(el) {
    el.scrollIntoView({ block: "center", behavior: reduced.matches ? "auto" : "smooth" });
  }

  // the item (card or list entry) of a mark: m-directives-3 / m-deadline-3 → directive-3; m-petitions-1 → item-petitions-1
  function itemOf(markId) {
    var m = /^m-([a-z_]+)-(\d+)$/.exec(markId);
    if (!m) return null;
    if (m[1] === "directives" || m[1] === "deadline") return $("directive-" + m[2]);
    return $("item-" + m[1] + "-" + m[2]);
  }

  // ---- offsets of a selection, from the segments' data-start
  function segmentOf(node) {
    var el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    return el ? el.closest(".seg") : null;
  }

  function codePoints(text) { return Array.from(text).length; }

  function offsetAt(root, node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      var seg = segmentOf(node);
      if (!seg) return null;
      // the text node is the segment's only child; offsets count code points like Python
      return Number(seg.dataset.start) + codePoints(node.data.slice(0, offset));
    }
    // a boundary between elements: the first segment at or after it
    var point = document.createRange();
    point.setStart(node, offset);
    var segs = root.querySelectorAll(".seg");
    for (var i = 0; i < segs.length; i++) {
      if (point.comparePoint(segs[i], 0) >= 0) return Number(segs[i].dataset.start);
    }
    return Number(root.dataset.length);
  }

  function selectionOffsets() {
    var root = $("source-text");
    var sel = window.getSelection();
    if (!root || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var range = sel.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
    var start = offsetAt(root, range.startContainer, range.startOffset);
    var end = offsetAt(root, range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start: start, end: end, text: sel.toString(), rect: range.getBoundingClientRect() };
  }

  function hideBar() {
    var bar = $("selection-bar");
    if (bar) bar.hidden = true;
  }

  function showBar() {
    var bar = $("selection-bar");
    var found = selectionOffsets();
    if (!bar || !found || !found.text.trim()) { hideBar(); return; }
    bar.hidden = false;
    var width = bar.offsetWidth;
    var left = Math.min(Math.max(8, found.rect.left), window.innerWidth - width - 8);
    var top = found.rect.bottom + 8;
    if (top + bar.offsetHeight > window.innerHeight - 8) top = Math.max(8, found.rect.top - bar.offsetHeight - 8);
    bar.style.left = left + "px";
    bar.style.top = top + "px";
  }

  function addSelection(kind) {
    var found = selectionOffsets();
    var form = $("add-form");
    if (!found || !form) return;
    $("a-kind").value = kind;
    $("a-start").value = String(found.start);
    $("a-end").value = String(found.end);
    $("a-fragment").value = found.text;
    hideBar();
    window.getSelection().removeAllRanges();
    form.requestSubmit();
  }

  // ---- clicks
  document.addEventListener("click", function (event) {
    var target = elementOf(event);
    var link = target.closest("a[data-mark]");
    if (link) {
      var mark = $(link.dataset.mark);
      if (mark) {
        event.preventDefault();
        var panel = $("source-panel");
        if (panel && !panel.open) { panel.open = true; sourceOpenedByUser = true; }
        scrollToEl(mark);
        flash(mark);
      }
      return;
    }
    var toSource = target.closest("a[data-open-source]");
    if (toSource) {
      var sourcePanel = $("source-panel");
      if (sourcePanel) { sourcePanel.open = true; sourceOpenedByUser = true; }
      return;
    }
    var add = target.closest("[data-add-kind]");
    if (add) { addSelection(add.dataset.addKind); return; }
    var markEl = target.closest("#source-text mark[id]");
    if (markEl && window.getSelection().isCollapsed) {
      var item = itemOf(markEl.id);
      if (item) { scrollToEl(item); flash(item); }
    }
  });

  // keep the selection when pressing the toolbar's buttons
  document.addEventListener("mousedown", function (event) {
    if (elementOf(event).closest("#selection-bar")) event.preventDefault();
  });

  document.addEventListener("mouseup", function (event) {
    if (elementOf(event).closest("#selection-bar")) return;
    window.setTimeout(showBar, 0);
  });
  document.addEventListener("keyup", function (event) {
    if (event.shiftKey || event.key === "Shift") window.setTimeout(showBar, 0);
    if (event.key === "Escape") hideBar();
  });
  document.addEventListener("touchend", function () { window.setTimeout(showBar, 250); });
  document.addEventListener("selectionchange", function () {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed) hideBar();
  });
  // the bar follows its selection when the page or the source scrolls
  window.addEventListener("scroll", function () {
    var bar = $("selection-bar");
    if (bar && !bar.hidden) showBar();
  }, true);

  // ---- the source panel: open on a desktop, folded on a phone unless the user opened it
  document.addEventListener("toggle", function (event) {
    if (event.target.id === "source-panel" && !wide.matches) sourceOpenedByUser = event.target.open;
  }, true);
  wide.addEventListener("change", syncSourcePanel);

  // ---- directives: a found unit joins the chips; unsaved edits are flagged
  document.addEventListener("change", function (event) {
    var box = elementOf(event);
    if (box.matches(".unit-results input[type=checkbox]") && box.checked) {
      var card = box.closest(".directive-card");
      var chips = card && card.querySelector(".unit-chips");
      if (chips) {
        var empty = chips.querySelector(".chips-empty");
        if (empty) empty.remove();
        chips.appendChild(box.closest("label"));
      }
    }
  });
  function markDirty(event) {
    var el = elementOf(event);
    var card = el.closest(".directive-card");
    if (card && !el.matches("[data-unit-search]") && el.closest(".directive-form")) card.classList.add("is-dirty");
  }
  document.addEventListener("input", markDirty);
  document.addEventListener("change", markDirty);
  // Enter in the search box searches; it does not save the directive
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && elementOf(event).matches("[data-unit-search]")) event.preventDefault();
  });

  // ---- htmx: keep the source where it was; drop results already among the chips
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "workspace") {
      var scroller = $("source-scroll");
      savedScroll = scroller ? scroller.scrollTop : null;
    }
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (target && target.classList && target.classList.contains("unit-results")) {
      var card = target.closest(".directive-card");
      var have = {};
      card.querySelectorAll(".unit-chips input").forEach(function (i) { have[i.value] = true; });
      target.querySelectorAll("input").forEach(function (i) { if (have[i.value]) i.closest("label").remove(); });
    }
  });
  document.addEventListener("htmx:afterSettle", function () {
    syncSourcePanel();
    var scroller = $("source-scroll");
    if (scroller && savedScroll !== null) { scroller.scrollTop = savedScroll; savedScroll = null; }
  });

  document.addEventListener("DOMContentLoaded", syncSourcePanel);
})();
