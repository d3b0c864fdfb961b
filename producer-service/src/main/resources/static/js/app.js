/*
 * Stockroom UI behaviour. The CSP forbids inline scripts and handlers, so everything hangs off data-* attributes the
 * templates render, through listeners on the document (so content swapped in later behaves the same). The pages work
 * without JavaScript (plain forms, post/redirect/get); this file adds live status, in-place updates and local times.
 *
 * Live updates: a page names what it shows (orders, commands, SKUs); the server's stream starts with their current
 * state and then pushes changes, so nothing that happened while the page loaded is missed. When something changed,
 * the page's regions ([data-region]) are fetched again and swapped in place, so no screen stays stale.
 */
(function () {
  "use strict";

  var STATUS_LABELS = { PLACED: "Placed", CONFIRMED: "Confirmed", REJECTED: "Rejected", CANCELLED: "Cancelled",
    FULFILLED: "Fulfilled" };
  /** Attempts to fetch a region that reflects a pushed change (the stored view may lag the event by a moment). */
  var REFRESH_ATTEMPTS_MAX = 12;

  function $all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function text(el, value) {
    if (el) { el.textContent = value == null ? "" : String(value); }
  }

  function setBadge(el, status, label) {
    if (!el) { return; }
    var keep = el.className.split(/\s+/).filter(function (c) { return c && !/^badge-(?!lg$)/.test(c); });
    el.className = keep.concat(["badge-" + String(status).toLowerCase()]).join(" ");
    el.textContent = label || STATUS_LABELS[status] || status;
  }

  /* ---------- Times in the reader's own time zone ---------- */
  var timeFormat = (window.Intl && Intl.DateTimeFormat) ? new Intl.DateTimeFormat(undefined, {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
  }) : null;

  function localTimes(root) {
    if (!timeFormat) { return; }
    $all("time[data-local][datetime]", root).forEach(function (el) {
      var at = new Date(el.getAttribute("datetime"));
      if (isNaN(at.getTime())) { return; }
      if (!el.title) { el.title = el.textContent; }
      el.textContent = timeFormat.format(at);
    });
    $all("[data-timezone]", root).forEach(function (input) {
      if (!input.value) { input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; }
    });
  }

  /* ---------- Navigation on small screens ---------- */
  function initNavToggle() {
    document.addEventListener("click", function (event) {
      var more = event.target.closest("[data-filters-toggle]");
      if (more) {
        var shown = more.closest("form").classList.toggle("show-all");
        more.setAttribute("aria-expanded", shown ? "true" : "false");
        text(more, shown ? "Fewer filters" : "More filters");
        return;
      }
      var toggle = event.target.closest("[data-nav-toggle]");
      if (!toggle) { return; }
      var bar = toggle.closest(".topbar");
      var open = bar.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  /* ---------- Forms: confirmation, busy state, auto-submit, in-place submission ---------- */
  function busy(form, on) {
    $all("button[type=submit], button:not([type])", form).forEach(function (button) {
      button.classList.toggle("is-busy", on);
      if (on) {
        button.setAttribute("aria-busy", "true");
        // Disable after the submit has been dispatched so the button's own name/value is still sent.
        window.setTimeout(function () { button.disabled = true; }, 0);
      } else {
        button.removeAttribute("aria-busy");
        button.disabled = false;
      }
    });
  }

  function initForms() {
    document.addEventListener("submit", function (event) {
      var form = event.target;
      var submitter = event.submitter;
      var question = (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
      if (question && !window.confirm(question)) {
        event.preventDefault();
        return;
      }
      if (form.hasAttribute("data-ajax") && window.fetch && window.DOMParser) {
        event.preventDefault();
        submitInPlace(form, submitter);
        return;
      }
      // A download leaves the page where it is: its buttons stay usable.
      if (!(submitter && submitter.hasAttribute("data-download"))) { busy(form, true); }
    });
    document.addEventListener("change", function (event) {
      var input = event.target;
      if (input.hasAttribute && input.hasAttribute("data-autosubmit") && input.form) {
        if (input.form.requestSubmit) { input.form.requestSubmit(); } else { input.form.submit(); }
      }
      if (input.matches && (input.matches("[data-select]") || input.matches("[data-select-all]"))) {
        selectionChanged(input);
      }
    });
  }

  /** Posts a form and swaps the regions it names from the page it leads to, keeping scroll and focus. */
  function submitInPlace(form, submitter) {
    var data = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    busy(form, true);
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin",
      headers: { "Accept": "text/html" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.text();
      })
      .then(function (html) {
        var names = form.getAttribute("data-ajax").split(",");
        swapRegions(new DOMParser().parseFromString(html, "text/html"), names);
        busy(form, false);
        if (names.indexOf("flash") >= 0) { toastIfHidden(); }
      })
      .catch(function () { busy(form, false); form.removeAttribute("data-ajax"); form.submit(); });
  }

  /** A message shown at the top of a long page the reader has scrolled down is also shown at the bottom. */
  function toastIfHidden() {
    var flash = document.querySelector("[data-region=flash] .alert");
    var toasts = document.querySelector("[data-toasts]");
    if (!flash || !toasts || flash.getBoundingClientRect().bottom > 0) { return; }
    var toast = flash.cloneNode(true);
    toast.removeAttribute("role");
    toasts.appendChild(toast);
    window.setTimeout(function () { toast.remove(); }, 5000);
  }

  /* ---------- Regions: fetch the page again and swap what changed ---------- */
  function swapRegions(doc, names) {
    names.forEach(function (name) {
      $all("[data-region='" + name + "']").forEach(function (current) {
        var fresh = doc.querySelector("[data-region='" + name + "']");
        if (!fresh) { return; }
        var node = document.importNode(fresh, true);
        current.replaceWith(node);
        localTimes(node);
      });
    });
    Object.keys(latestOrders).forEach(function (id) { applyOrder(latestOrders[id]); });
    follow();
  }

  var refreshing = null;
  var refreshAgain = false;

  /**
   * Fetches this page again and swaps its live regions (not the flash messages). {@code until(doc)} may ask to try
   * again a little later, for a change the server's stored view has not reached yet.
   */
  function refreshRegions(until, attempt) {
    if (refreshing) { refreshAgain = true; return; }
    attempt = attempt || 1;
    refreshing = fetch(window.location.href, { credentials: "same-origin",
      headers: { "Accept": "text/html", "X-Stockroom-Refresh": "1" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        refreshing = null;
        if (html == null) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        if (until && !until(doc) && attempt < REFRESH_ATTEMPTS_MAX) {
          window.setTimeout(function () { refreshRegions(until, attempt + 1); }, Math.min(100 * attempt, 800));
          return;
        }
        var names = $all("[data-region]:not([data-region-manual])").filter(function (el) {
          // Never pull a region away from someone typing in it; the next change refreshes it.
          return !el.contains(document.activeElement) || document.activeElement === document.body;
        }).map(function (el) { return el.getAttribute("data-region"); });
        swapRegions(doc, names);
        if (refreshAgain) { refreshAgain = false; refreshRegions(); }
      })
      .catch(function () { refreshing = null; });
  }

  var stockRefreshTimer = null;
  function refreshSoon() {
    window.clearTimeout(stockRefreshTimer);
    stockRefreshTimer = window.setTimeout(function () { refreshRegions(); }, 250);
  }

  /* ---------- Live streams ---------- */
  var streams = {};

  function openStream(name, url, listeners) {
    var current = streams[name];
    if (current && current.url === url) { return; }
    if (current) { current.source.close(); delete streams[name]; }
    if (!url) { return; }
    var source = new EventSource(url);
    var indicator = document.querySelector("[data-live-indicator]");
    source.addEventListener("open", function () {
      if (indicator) { indicator.classList.add("is-live"); text(indicator, "Live"); }
    });
    source.addEventListener("error", function () {
      if (indicator) { indicator.classList.remove("is-live"); text(indicator, "Reconnecting…"); }
    });
    Object.keys(listeners).forEach(function (event) {
      source.addEventListener(event, function (message) {
        var data;
        try { data = JSON.parse(message.data); } catch (e) { return; }
        listeners[event](data);
      });
    });
    streams[name] = { url: url, source: source };
  }

  function ids(selector, attribute) {
    var seen = {};
    return $all(selector).map(function (el) { return el.getAttribute(attribute); })
      .filter(function (id) { if (!id || seen[id]) { return false; } seen[id] = true; return true; })
      .slice(0, 100);
  }

  /** (Re)opens the streams for what the page shows now; unchanged streams stay as they are. */
  function follow() {
    if (!window.EventSource) { return; }
    var orderIds = document.querySelector("[data-live-orders]") ? ids("[data-order-id]", "data-order-id") : [];
    openStream("orders", orderIds.length ? "/ui/orders/stream?ids=" + encodeURIComponent(orderIds.join(",")) : null,
      { order: orderUpdate });
    var commandIds = ids("[data-command-id][data-command-status=PENDING]", "data-command-id");
    openStream("commands", commandIds.length
      ? "/ui/commands/stream?ids=" + encodeURIComponent(commandIds.join(",")) : null, { outcome: outcome });
    var skus = [];
    stockVersions = {};
    $all("[data-live-skus]").forEach(function (el) {
      el.getAttribute("data-live-skus").split(",").forEach(function (pair) {
        var sku = pair.split("=")[0];
        if (!sku) { return; }
        if (skus.indexOf(sku) < 0) { skus.push(sku); }
        if (pair.indexOf("=") > 0) { stockVersions[sku] = parseInt(pair.split("=")[1], 10); }
      });
    });
    openStream("stock", skus.length ? "/ui/stock/stream?skus=" + encodeURIComponent(skus.slice(0, 100).join(","))
      : null, { stock: refreshSoon, "stock-state": stockState });
  }

  /** The stock version each SKU had when the page (or a region) was rendered. */
  var stockVersions = {};

  /** {sku, version} sent when the stream opens: refresh if the page was rendered before the latest change. */
  function stockState(state) {
    if (typeof stockVersions[state.sku] === "number" && stockVersions[state.sku] < state.version) { refreshSoon(); }
  }

  /** The newest update seen per order, applied again to regions swapped in from a view that lagged behind. */
  var latestOrders = {};

  /** {orderId, status, version, at, detail}: move every element showing that order on, newest version wins. */
  function orderUpdate(update) {
    var latest = latestOrders[update.orderId];
    if (!latest || latest.version < update.version) { latestOrders[update.orderId] = update; }
    if (applyOrder(update)) {
      refreshRegions(function (doc) {
        var fresh = doc.querySelector("[data-order-id='" + update.orderId + "']");
        return !fresh || parseInt(fresh.getAttribute("data-version") || "-1", 10) >= update.version;
      });
    }
  }

  function applyOrder(update) {
    var changed = false;
    $all("[data-order-id]").forEach(function (el) {
      if (el.getAttribute("data-order-id") !== update.orderId) { return; }
      var version = parseInt(el.getAttribute("data-version") || "-1", 10);
      if (typeof update.version !== "number" || update.version <= version) { return; }
      changed = true;
      el.setAttribute("data-version", String(update.version));
      el.setAttribute("data-status", update.status);
      setBadge(el.querySelector("[data-order-status]"), update.status);
      var hint = el.querySelector("[data-placed-hint]");
      if (hint) { hint.hidden = true; }
      $all("[data-cancel-form], [data-order-actions]", el).forEach(function (actions) {
        actions.hidden = update.status !== "CONFIRMED";
      });
    });
    return changed;
  }

  /** {commandId, status, label, message}: a pending banner turns applied or refused, in words. */
  function outcome(result) {
    var finished = false;
    $all("[data-command-id]").forEach(function (el) {
      if (el.getAttribute("data-command-id") !== result.commandId
          || el.getAttribute("data-command-status") !== "PENDING") { return; }
      finished = true;
      el.setAttribute("data-command-status", result.status);
      el.classList.toggle("is-applied", result.status === "APPLIED");
      el.classList.toggle("is-rejected", result.status === "REJECTED");
      setBadge(el.querySelector("[data-command-badge]"), result.status === "REJECTED" ? "rejected" : "applied",
        result.label);
      text(el.querySelector("[data-command-message]"), result.message);
      if (result.reasonCode) { el.setAttribute("data-reason-code", result.reasonCode); }
    });
    if (finished && document.querySelector("[data-refresh-on-outcome]")) { refreshRegions(); }
  }

  /* ---------- Bulk selection ---------- */
  function selectionChanged(input) {
    var table = input.closest("table");
    if (input.matches("[data-select-all]") && table) {
      $all("[data-select]", table).forEach(function (box) { box.checked = input.checked; });
    }
    var selected = $all("[data-select]:checked").length;
    $all("[data-bulk]").forEach(function (bar) {
      text(bar.querySelector("[data-bulk-count]"), selected === 0 ? "None selected" : selected + " selected");
      $all("[data-bulk-action]", bar).forEach(function (button) { button.disabled = selected === 0; });
      bar.classList.toggle("has-selection", selected > 0);
    });
  }

  /* ---------- Forms shown again with errors: take the user to the first field to fix ---------- */
  function focusFirstInvalid() {
    var invalid = document.querySelector(".is-invalid");
    if (!invalid) { return; }
    var details = invalid.closest("details");
    if (details) { details.open = true; }
    invalid.focus({ preventScroll: true });
    invalid.scrollIntoView({ block: "center" });
  }

  /* ---------- Accordions: one open action at a time ---------- */
  function initAccordions() {
    document.addEventListener("toggle", function (event) {
      var item = event.target;
      if (!item.open || !item.parentElement || !item.parentElement.closest("[data-accordion]")) { return; }
      $all("details", item.closest("[data-accordion]")).forEach(function (other) {
        if (other !== item) { other.open = false; }
      });
    }, true);
  }

  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    // Filters in use stay in view on a phone.
    $all("form.filters").forEach(function (form) {
      if ($all(".filter-extra input, .filter-extra select", form).some(function (field) {
        return field.value && !(field.name === "sort" && field.value === "name");
      })) {
        form.classList.add("show-all");
        $all("[data-filters-toggle]", form).forEach(function (toggle) {
          toggle.setAttribute("aria-expanded", "true");
          text(toggle, "Fewer filters");
        });
      }
    });
    initNavToggle();
    initAccordions();
    initForms();
    localTimes(document);
    focusFirstInvalid();
    follow();
    window.addEventListener("pagehide", function () {
      Object.keys(streams).forEach(function (name) { streams[name].source.close(); });
    });
  });
}());
