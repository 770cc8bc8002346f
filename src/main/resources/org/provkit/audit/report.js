// provkit audit --html: the page's one script (the Content-Security-Policy allows it by its SHA-256 hash).
// Sorting (a click on a column head; numbers by value, the rest by text, each bundle group on its own),
// filtering (rows that hold the words typed; groups without a match hide, groups with one open), opening or
// closing every group, and opening the group a link leads to. Without it the page shows everything, unsorted.
// When ready it marks the page with the milliseconds since navigation (data-ready), which the Chromium check reads.
(function () {
  'use strict';
  function value(row, i) {
    var cell = row.cells[i];
    if (!cell) { return ''; }
    var v = cell.getAttribute('data-v');
    return v !== null ? v : cell.textContent.trim();
  }
  function sort(table, i, head) {
    var ascending = head.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
    head.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var numeric = head.classList.contains('num');
    Array.prototype.forEach.call(table.tBodies, function (body) {
      var rows = Array.prototype.slice.call(body.rows);
      var keys = rows.map(function (r) { var v = value(r, i); return numeric ? (parseFloat(v) || 0) : v; });
      var order = rows.map(function (r, k) { return k; });
      order.sort(function (a, b) {
        var c = numeric ? keys[a] - keys[b] : keys[a].localeCompare(keys[b], undefined, {numeric: true, sensitivity: 'base'});
        return (ascending ? c : -c) || a - b;
      });
      var fragment = document.createDocumentFragment();
      order.forEach(function (k) { fragment.appendChild(rows[k]); });
      body.appendChild(fragment);
    });
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (head, i) {
      head.tabIndex = 0;
      head.title = 'Sort by this column';
      head.addEventListener('click', function () { sort(table, i, head); });
      head.addEventListener('keydown', function (e) { if (e.key === 'Enter') { sort(table, i, head); } });
    });
  });
  document.querySelectorAll('input[data-filter]').forEach(function (input) {
    var section = document.getElementById(input.getAttribute('data-filter'));
    var severity = section.querySelector('select[data-severity]');
    var rows = Array.prototype.slice.call(section.querySelectorAll('tbody tr'));
    var texts = null;
    var timer = null;
    function apply() {
      if (texts === null) { texts = rows.map(function (r) { return r.textContent.toLowerCase(); }); }
      var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      var level = severity ? severity.value : '';
      var shown = 0;
      rows.forEach(function (row, k) {
        var match = (!level || row.getAttribute('data-s') === level)
            && words.every(function (w) { return texts[k].indexOf(w) >= 0; });
        row.hidden = !match;
        if (match) { shown++; }
      });
      section.querySelectorAll('details').forEach(function (group) {
        var any = group.querySelector('tbody tr:not([hidden])') !== null;
        group.hidden = !any;
        if (any && words.length) { group.open = true; }
      });
      section.querySelector('.count').textContent =
          words.length || level ? shown + ' of ' + rows.length + ' shown' : '';
    }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
    if (severity) { severity.addEventListener('change', apply); }
  });
  document.querySelectorAll('button[data-open], button[data-close]').forEach(function (button) {
    var open = button.hasAttribute('data-open');
    var section = document.getElementById(button.getAttribute(open ? 'data-open' : 'data-close'));
    button.addEventListener('click', function () {
      section.querySelectorAll('details').forEach(function (group) { group.open = open; });
    });
  });
  function openTarget() {
    var target = location.hash ? document.getElementById(location.hash.substring(1)) : null;
    if (target && target.tagName === 'DETAILS') { target.open = true; }
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  document.querySelectorAll('.tools').forEach(function (tools) { tools.hidden = false; });
  document.documentElement.setAttribute('data-ready', String(Math.round(performance.now())));
})();
