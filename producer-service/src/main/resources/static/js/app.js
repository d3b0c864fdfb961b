/*
 * Stockroom UI behaviour. The CSP forbids inline scripts and handlers, so everything is attached here from data-*
 * attributes the templates render. The pages work without JavaScript (plain forms, PRG); this file adds live status.
 */
(function () {
  "use strict";

  /** Upper bound on status polls for one command (about two minutes with the back-off below). */
  var COMMAND_POLLS_MAX = 60;
  var TERMINAL = { APPLIED: true, REJECTED: true };

  function $all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function text(el, value) {
    if (el) { el.textContent = value == null ? "" : String(value); }
  }

  function setBadge(el, status) {
    if (!el) { return; }
    var keep = el.className.split(/\s+/).filter(function (c) { return c && !/^badge-(?!lg$)/.test(c); });
    el.className = keep.concat(["badge-" + String(status).toLowerCase()]).join(" ");
    el.textContent = String(status).charAt(0) + String(status).slice(1).toLowerCase().replace(/_/g, " ");
  }

  /* ---------- Navigation on small screens ---------- */
  function initNavToggle() {
    var toggle = document.querySelector("[data-nav-toggle]");
    var bar = document.querySelector(".topbar");
    if (!toggle || !bar) { return; }
    toggle.addEventListener("click", function () {
      var open = bar.classList.toggle("is-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  /* ---------- Forms: confirmation, busy state, auto-submit filters ---------- */
  function initForms() {
    $all("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
    $all("form").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (event.defaultPrevented) { return; }
        $all("button[type=submit], button:not([type])", form).forEach(function (button) {
          button.classList.add("is-busy");
          button.setAttribute("aria-busy", "true");
          // Disable after the submit has been dispatched so the button's own name/value is still sent.
          window.setTimeout(function () { button.disabled = true; }, 0);
        });
      });
    });
    $all("[data-autosubmit]").forEach(function (input) {
      input.addEventListener("change", function () {
        if (input.form) { input.form.requestSubmit ? input.form.requestSubmit() : input.form.submit(); }
      });
    });
    $all("[data-dismiss]").forEach(function (button) {
      button.addEventListener("click", function () {
        var target = button.closest(button.getAttribute("data-dismiss"));
        if (target) { target.remove(); }
      });
    });
  }

  /* ---------- Admin commands: pending → applied / rejected, without a reload ---------- */
  function renderCommand(el, command) {
    var status = command.status || "PENDING";
    el.classList.remove("is-applied", "is-rejected");
    if (status === "APPLIED") { el.classList.add("is-applied"); }
    if (status === "REJECTED") { el.classList.add("is-rejected"); }
    el.setAttribute("data-command-status", status);
    setBadge(el.querySelector("[data-command-badge]"), status);
    var reason = el.querySelector("[data-command-reason]");
    if (status === "REJECTED") {
      text(reason, (command.reasonCode ? command.reasonCode + ": " : "") + (command.detail || "refused"));
    } else if (status === "APPLIED") {
      text(reason, command.detail || "The change has been applied.");
    } else {
      text(reason, "Waiting for the service to apply it…");
    }
  }

  function pollCommand(el) {
    var id = el.getAttribute("data-command-id");
    var attempts = 0;
    function tick() {
      attempts += 1;
      fetch("/ui/admin/commands/" + encodeURIComponent(id), {
        headers: { "Accept": "application/json" },
        credentials: "same-origin"
      }).then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      }).then(function (command) {
        renderCommand(el, command);
        if (!TERMINAL[command.status] && attempts < COMMAND_POLLS_MAX) {
          window.setTimeout(tick, Math.min(500 * attempts, 3000));
        } else if (command.status === "APPLIED") {
          var link = el.querySelector("[data-refresh-link]");
          if (link) { link.hidden = false; }
        }
      }).catch(function () {
        if (attempts < COMMAND_POLLS_MAX) { window.setTimeout(tick, 3000); }
      });
    }
    tick();
  }

  function initCommands() {
    $all("[data-command-id]").forEach(pollCommand);
  }

  /* ---------- Orders: status changes pushed by server-sent events ---------- */
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /** The server's time format (UTC), so pushed entries read like rendered ones. */
  function formatUtc(iso) {
    var d = new Date(iso);
    if (!iso || isNaN(d.getTime())) { return iso ? String(iso) : ""; }
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate()) + " "
      + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()) + ":" + pad(d.getUTCSeconds()) + " UTC";
  }

  /** Applies {orderId, status, version, at, detail} to every element showing that order. */
  function applyOrderUpdate(update) {
    $all("[data-order-id]").forEach(function (el) {
      if (el.getAttribute("data-order-id") !== update.orderId) { return; }
      var version = parseInt(el.getAttribute("data-version") || "-1", 10);
      if (typeof update.version === "number" && update.version <= version) { return; }
      if (typeof update.version === "number") { el.setAttribute("data-version", String(update.version)); }
      el.setAttribute("data-status", update.status);
      setBadge(el.querySelector("[data-order-status]"), update.status);
      var cancel = el.querySelector("[data-cancel-form]");
      if (cancel) { cancel.hidden = update.status !== "CONFIRMED"; }
      var hint = el.querySelector("[data-placed-hint]");
      if (hint) { hint.hidden = update.status !== "PLACED"; }
      var timeline = el.querySelector("[data-order-history]");
      if (timeline) {
        var li = document.createElement("li");
        var strong = document.createElement("strong");
        strong.textContent = update.status;
        li.appendChild(strong);
        if (update.detail) {
          var detail = document.createElement("div");
          detail.textContent = update.detail;
          li.appendChild(detail);
        }
        var when = document.createElement("div");
        when.className = "when";
        when.textContent = formatUtc(update.at);
        li.appendChild(when);
        timeline.appendChild(li);
      }
      var rejections = el.querySelector("[data-order-rejections]");
      if (rejections && update.status === "REJECTED" && update.detail) {
        var list = rejections.querySelector("ul");
        if (list && !list.children.length) {
          update.detail.split(", ").forEach(function (line) {
            var item = document.createElement("li");
            item.textContent = line;
            list.appendChild(item);
          });
        }
        rejections.hidden = false;
      }
    });
  }

  function initOrderStream() {
    var marker = document.querySelector("[data-order-stream]");
    if (!marker || !window.EventSource) { return; }
    var indicator = document.querySelector("[data-live-indicator]");
    var source = new EventSource(marker.getAttribute("data-order-stream"));
    source.addEventListener("open", function () {
      if (indicator) { indicator.classList.add("is-live"); text(indicator, "Live"); }
    });
    source.addEventListener("error", function () {
      if (indicator) { indicator.classList.remove("is-live"); text(indicator, "Reconnecting…"); }
    });
    source.addEventListener("order", function (event) {
      try { applyOrderUpdate(JSON.parse(event.data)); } catch (e) { /* a malformed event is ignored */ }
    });
    window.addEventListener("beforeunload", function () { source.close(); });
  }

  /* ---------- Cart: a fresh idempotency key per order attempt is rendered by the server ---------- */
  function initQuantityButtons() {
    $all("[data-step]").forEach(function (button) {
      button.addEventListener("click", function () {
        var input = document.getElementById(button.getAttribute("data-target"));
        if (!input) { return; }
        var next = (parseInt(input.value, 10) || 0) + parseInt(button.getAttribute("data-step"), 10);
        var min = parseInt(input.min || "1", 10);
        var max = parseInt(input.max || "1000", 10);
        input.value = String(Math.max(min, Math.min(max, next)));
      });
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
    $all("[data-accordion]").forEach(function (group) {
      var items = $all("details", group);
      items.forEach(function (item) {
        item.addEventListener("toggle", function () {
          if (!item.open) { return; }
          items.forEach(function (other) { if (other !== item) { other.open = false; } });
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initNavToggle();
    initAccordions();
    focusFirstInvalid();
    initForms();
    initCommands();
    initOrderStream();
    initQuantityButtons();
  });
}());
