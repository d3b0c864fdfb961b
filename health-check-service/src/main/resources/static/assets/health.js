// Keeps the health page current from the server-sent event stream. No inline script and no innerHTML: every value
// is set with textContent, so nothing a monitored service reports can inject markup (and the CSP stays strict).
(function () {
  'use strict';

  var lastTransitionId = null;

  function time(iso) {
    if (!iso) { return '\u2014'; }
    var m = /^\d{4}-(\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
    return m ? m[1] + ' ' + m[2] : iso;
  }
  function count(value) { return value === null || value === undefined ? '\u2014' : String(value); }
  function rate(value) { return value === null || value === undefined ? '\u2014' : Number(value).toFixed(1); }
  function duration(iso) {
    var m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || '');
    if (!m) { return iso || '\u2014'; }
    var seconds = (Number(m[1] || 0) * 3600) + (Number(m[2] || 0) * 60) + Number(m[3] || 0);
    if (seconds < 60) { return seconds.toFixed(1) + ' s'; }
    if (seconds < 3600) { return Math.floor(seconds / 60) + ' min ' + Math.floor(seconds % 60) + ' s'; }
    return Math.floor(seconds / 3600) + ' h ' + Math.floor((seconds % 3600) / 60) + ' min';
  }
  function cell(row, text, className, tag) {
    var element = document.createElement(tag || 'td');
    element.textContent = text;
    if (className) { element.className = className; }
    row.appendChild(element);
    return element;
  }
  function badge(row, state) {
    var td = document.createElement('td');
    var span = document.createElement('span');
    span.className = 'state state-' + String(state).toLowerCase();
    span.textContent = state;
    td.appendChild(span);
    row.appendChild(td);
  }
  function replaceRows(tableId, rows, emptyText, columns) {
    var body = document.querySelector('#' + tableId + ' tbody');
    if (!body) { return; }
    while (body.firstChild) { body.removeChild(body.firstChild); }
    if (rows.length === 0) {
      var empty = document.createElement('tr');
      empty.className = 'empty';
      var td = cell(empty, emptyText);
      td.colSpan = columns;
      body.appendChild(empty);
      return;
    }
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function actuatorText(s) {
    if (!s.actuator) { return s.actuatorUrl ? '\u2014' : 'not polled'; }
    return s.actuator.responded ? s.actuator.status + ' \u00b7 ' + s.actuator.latencyMillis + ' ms' : 'no answer';
  }

  function renderServices(services) {
    var previous = {};
    document.querySelectorAll('#services tbody tr[data-service]').forEach(function (tr) {
      previous[tr.getAttribute('data-service')] = tr.getAttribute('data-state');
    });
    replaceRows('services', services.map(function (s) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-service', s.name);
      tr.setAttribute('data-state', s.state);
      if (previous[s.name] && previous[s.name] !== s.state) { tr.className = 'changed'; }
      var q = s.queueStats;
      cell(tr, s.name, null, 'th').scope = 'row';
      badge(tr, s.state);
      cell(tr, time(s.since), 'time');
      cell(tr, s.reason, 'reason');
      cell(tr, time(s.lastCheck), 'time');
      cell(tr, actuatorText(s));
      cell(tr, s.queue || '\u2014', 'queue');
      cell(tr, q ? count(q.ready) : '\u2014', 'num');
      cell(tr, q ? count(q.unacked) : '\u2014', 'num');
      cell(tr, q ? count(q.consumers) : '\u2014', 'num');
      cell(tr, q ? rate(q.publishRate) : '\u2014', 'num');
      cell(tr, q ? rate(q.deliverRate) : '\u2014', 'num');
      cell(tr, q ? count(q.deadLetters) : '\u2014', s.dlqGrowing ? 'num warn' : 'num');
      return tr;
    }), 'No services configured.', 13);
  }

  function renderTransitions(transitions) {
    replaceRows('transitions', transitions.map(function (t) {
      var tr = document.createElement('tr');
      cell(tr, time(t.at), 'time');
      cell(tr, t.service);
      badge(tr, t.from);
      badge(tr, t.to);
      cell(tr, t.reason, 'reason');
      return tr;
    }), 'No transitions yet.', 5);
  }

  function refreshDowntimes() {
    fetch('api/health/transitions?limit=200', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (history) {
        if (!history) { return; }
        var downtimes = history.downtimes.slice().reverse();
        replaceRows('downtimes', downtimes.map(function (d) {
          var tr = document.createElement('tr');
          cell(tr, d.service);
          cell(tr, time(d.start), 'time');
          cell(tr, d.end ? time(d.end) : 'still down', 'time');
          cell(tr, duration(d.duration), 'num');
          return tr;
        }), 'No downtime recorded.', 4);
      })
      .catch(function () { /* the next transition tries again */ });
  }

  function render(overview) {
    document.getElementById('queue-source').textContent = overview.queueSource === 'MANAGEMENT_API'
      ? 'RabbitMQ management API' : overview.queueSource === 'AMQP' ? 'AMQP passive declare' : 'unavailable';
    document.getElementById('queue-source-detail').textContent = overview.queueSourceDetail || '';
    document.getElementById('queues-observed').textContent = time(overview.queuesObservedAt);
    renderServices(overview.services);
    renderTransitions(overview.recentTransitions);
    var newest = overview.recentTransitions.length ? overview.recentTransitions[0].at : null;
    if (newest !== lastTransitionId) {
      if (lastTransitionId !== null) { refreshDowntimes(); }
      lastTransitionId = newest;
    }
  }

  function connect() {
    var live = document.getElementById('live');
    if (!window.EventSource) { live.textContent = 'not live (no EventSource)'; return; }
    var source = new EventSource('api/health/stream');
    source.addEventListener('health', function (event) {
      live.textContent = 'live';
      live.setAttribute('data-state', 'live');
      render(JSON.parse(event.data));
    });
    source.onerror = function () {
      live.textContent = 'reconnecting\u2026';
      live.setAttribute('data-state', 'lost');
    };
  }

  document.addEventListener('DOMContentLoaded', connect);
}());
