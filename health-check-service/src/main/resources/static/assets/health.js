// Keeps the health page current from the server-sent event stream. No inline script and no innerHTML: every value
// is set with textContent, so nothing a monitored service reports can inject markup (and the CSP stays strict).
(function () {
  'use strict';

  var lastTransitionId = null;

  // Times in the reader's own time zone, with the year; the server renders UTC for readers without JavaScript.
  var format = (window.Intl && Intl.DateTimeFormat) ? new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
    timeZoneName: 'short'
  }) : null;
  function time(iso) {
    if (!iso) { return '\u2014'; }
    var at = new Date(iso);
    return format && !isNaN(at.getTime()) ? format.format(at) : iso;
  }
  function timeCell(row, iso, label, before) {
    var td = document.createElement('td');
    if (label) { td.setAttribute('data-label', label); }
    if (before) { td.appendChild(document.createTextNode(before)); }
    var el = document.createElement('time');
    if (iso) { el.setAttribute('datetime', iso); }
    el.textContent = time(iso);
    td.appendChild(el);
    row.appendChild(td);
    return td;
  }
  function localizeAll() {
    document.querySelectorAll('time[datetime]').forEach(function (el) {
      var iso = el.getAttribute('datetime');
      if (iso) { el.title = el.textContent; el.textContent = time(iso); }
    });
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
  function cell(row, text, className, tag, label) {
    var element = document.createElement(tag || 'td');
    element.textContent = text;
    if (className) { element.className = className; }
    if (label) { element.setAttribute('data-label', label); }
    row.appendChild(element);
    return element;
  }
  function small(parent, text) {
    var div = document.createElement('div');
    div.className = 'small muted';
    div.textContent = text;
    parent.appendChild(div);
    return div;
  }
  function badge(row, state, label, since, checked) {
    var td = document.createElement('td');
    if (label) { td.setAttribute('data-label', label); }
    var span = document.createElement('span');
    span.className = 'state state-' + String(state).toLowerCase();
    span.textContent = state;
    td.appendChild(span);
    if (since) {
      var div = small(td, 'since ');
      var el = document.createElement('time');
      el.setAttribute('datetime', since);
      el.textContent = time(since);
      div.appendChild(el);
    }
    if (checked) {
      var last = small(td, 'checked ');
      var at = document.createElement('time');
      at.setAttribute('datetime', checked);
      at.textContent = time(checked);
      last.appendChild(at);
    }
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
    if (!s.actuator) { return s.actuatorUrl ? 'actuator not checked yet' : 'actuator not polled'; }
    return s.actuator.responded ? 'actuator ' + s.actuator.status + ' \u00b7 ' + s.actuator.latencyMillis + ' ms'
      : 'actuator does not answer';
  }
  function messages(q) {
    if (!q) { return '\u2014'; }
    var figures = q.ready + ' ready \u00b7 ' + count(q.unacked) + ' unacked';
    return q.publishRate == null && q.deliverRate == null ? figures
      : figures + ' \u00b7 ' + rate(q.publishRate) + '/s in \u00b7 ' + rate(q.deliverRate) + '/s out';
  }
  // A further consumed queue in one line, as PageFormats.alsoConsumed writes it.
  function alsoConsumedText(o) {
    var q = o.queueStats;
    if (!q) { return 'not read yet'; }
    if (!q.exists) { return 'does not exist'; }
    return (q.consumers === 1 ? '1 consumer' : q.consumers + ' consumers') + ' \u00b7 ' + q.ready + ' ready \u00b7 '
      + count(q.deadLetters) + (q.deadLetters === 1 ? ' dead letter' : ' dead letters')
      + (o.dlqGrowing ? ' (growing)' : '');
  }
  function troubled(o) {
    var q = o.queueStats;
    return !!q && (!q.exists || q.consumers === 0 || o.dlqGrowing);
  }
  function alsoConsumedList(parent, observations) {
    if (!observations || observations.length === 0) { return; }
    var list = document.createElement('ul');
    list.className = 'also small';
    list.setAttribute('aria-label', 'Also consumes');
    observations.forEach(function (o) {
      var item = document.createElement('li');
      if (troubled(o)) { item.className = 'warn'; }
      item.appendChild(document.createTextNode('also '));
      var name = document.createElement('span');
      name.className = 'queue';
      name.textContent = o.queue;
      item.appendChild(name);
      item.appendChild(document.createTextNode(': ' + alsoConsumedText(o)));
      list.appendChild(item);
    });
    parent.appendChild(list);
  }
  var COMPONENTS = { 'message-broker': 'Message broker (RabbitMQ)', 'database': 'Database (MongoDB)' };

  function renderInfrastructure(components) {
    replaceRows('infrastructure', (components || []).map(function (c) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-component', c.name);
      cell(tr, COMPONENTS[c.name] || c.name, null, 'th').scope = 'row';
      badge(tr, c.state, 'State', c.since);
      cell(tr, c.reason, 'reason', null, 'What was seen');
      timeCell(tr, c.lastCheck, 'Last check');
      return tr;
    }), 'No components.', 4);
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
      var name = cell(tr, '', null, 'th');
      name.scope = 'row';
      var strong = document.createElement('span');
      strong.textContent = s.name;
      name.appendChild(strong);
      small(name, actuatorText(s));
      badge(tr, s.state, 'State', s.since, s.lastCheck);
      cell(tr, s.reason, 'reason', null, 'Why');
      var queue = cell(tr, '', null, null, 'Queue');
      var qname = document.createElement('span');
      qname.className = 'queue';
      qname.textContent = s.queue || '\u2014';
      queue.appendChild(qname);
      if (q) { small(queue, q.consumers === 1 ? '1 consumer' : q.consumers + ' consumers'); }
      alsoConsumedList(queue, s.alsoConsumes);
      cell(tr, messages(q), null, null, 'Messages');
      cell(tr, q ? count(q.deadLetters) : '\u2014', s.dlqGrowing ? 'num warn' : 'num', null, 'Dead letters');
      return tr;
    }), 'No services configured.', 6);
  }

  function renderTransitions(transitions) {
    replaceRows('transitions', transitions.map(function (t) {
      var tr = document.createElement('tr');
      timeCell(tr, t.at, 'When');
      cell(tr, t.service, null, null, 'Service');
      badge(tr, t.from, 'From');
      badge(tr, t.to, 'To');
      cell(tr, t.reason, 'reason', null, 'Why');
      return tr;
    }), 'No changes yet.', 5);
  }

  function refreshDowntimes() {
    fetch('api/health/transitions?limit=200', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (history) {
        if (!history) { return; }
        var downtimes = history.downtimes.slice().reverse();
        replaceRows('downtimes', downtimes.map(function (d) {
          var tr = document.createElement('tr');
          cell(tr, d.service, null, null, 'Service');
          timeCell(tr, d.start, 'Down from');
          if (d.end) { timeCell(tr, d.end, 'Until'); } else { cell(tr, 'still down', null, null, 'Until'); }
          cell(tr, duration(d.duration), 'num', null, 'Duration');
          return tr;
        }), 'No downtime recorded.', 4);
      })
      .catch(function () { /* the next transition tries again */ });
  }

  function render(overview) {
    document.getElementById('queue-source').textContent = overview.queueSource === 'MANAGEMENT_API'
      ? 'RabbitMQ management API' : overview.queueSource === 'AMQP' ? 'AMQP passive declare' : 'unavailable';
    document.getElementById('queue-source-detail').textContent = overview.queueSourceDetail || '';
    var observed = document.getElementById('queues-observed');
    observed.setAttribute('datetime', overview.queuesObservedAt || '');
    observed.textContent = time(overview.queuesObservedAt);
    document.getElementById('summary').textContent = summary(overview);
    renderInfrastructure(overview.infrastructure);
    renderServices(overview.services);
    renderTransitions(overview.recentTransitions);
    var newest = overview.recentTransitions.length ? overview.recentTransitions[0].at : null;
    if (newest !== lastTransitionId) {
      if (lastTransitionId !== null) { refreshDowntimes(); }
      lastTransitionId = newest;
    }
  }

  function summary(overview) {
    var all = (overview.infrastructure || []).concat(overview.services);
    var counts = {};
    all.forEach(function (s) { counts[s.state] = (counts[s.state] || 0) + 1; });
    if (counts.UP === all.length) { return 'All ' + all.length + ' up'; }
    return ['DOWN', 'DEGRADED', 'UNKNOWN', 'UP'].filter(function (state) { return counts[state]; })
      .map(function (state) { return counts[state] + ' ' + state.toLowerCase(); }).join(' \u00b7 ');
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

  document.addEventListener('DOMContentLoaded', function () { localizeAll(); connect(); });
}());
