/* debrief site search: no server, no fetch (blocked on file://). The index is classic scripts in search/,
   loaded on demand by adding <script> elements; each calls DEBRIEF_SEARCH.meta/tokens/passages.
   Tokens are folded as the builder folds them: NFKD, marks dropped, lower case, đ as d. Results are built
   with textContent only: nothing from a debrief is ever parsed as HTML. */
(function () {
  'use strict';
  var me = document.currentScript, root = (me && me.getAttribute('data-root')) || '';
  var S = window.DEBRIEF_SEARCH = {}, meta = null, tok = {}, pas = {}, got = {}, cbs = {};
  var own = Object.prototype.hasOwnProperty;
  function loaded(name) { got[name] = 1; var l = cbs[name] || []; cbs[name] = null; l.forEach(function (f) { f(); }); }
  function need(name, cb) {
    if (got[name]) { cb(); return; }
    if (cbs[name]) { cbs[name].push(cb); return; }
    cbs[name] = [cb];
    var s = document.createElement('script');
    s.src = root + 'search/' + name + '.js';
    s.onerror = function () { loaded(name); };
    document.head.appendChild(s);
  }
  S.meta = function (m) { meta = m; loaded('meta'); };
  S.tokens = function (k, t) { tok[k] = t; loaded('t' + k); };
  S.passages = function (k, p) { pas[k] = p; loaded('p' + k); };

  function fold(s) { return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd'); }
  function words(s) {
    var seen = {}, out = [];
    (fold(s).match(/[\p{L}\p{N}]+/gu) || []).forEach(function (w) {
      var n = Array.from(w).length;
      if (n >= 2 && n <= 40 && !own.call(seen, w)) { seen[w] = 1; out.push(w); }
    });
    return out;
  }
  function hash(w) {
    var b = new TextEncoder().encode(w), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h;
  }
  function intersect(lists) {
    lists.sort(function (a, b) { return a.length - b.length; });
    return lists[0].filter(function (d) {
      return lists.every(function (l) { return l.indexOf(d) >= 0; });
    });
  }
  S.find = function (q, done) {
    var ws = words(q);
    if (!ws.length) { done([], ws); return; }
    need('meta', function () {
      if (!meta) { done([], ws); return; }
      var left = ws.length, lists = [];
      ws.forEach(function (w, i) {
        var k = hash(w) % meta.shards;
        need('t' + k, function () {
          var t = tok[k];
          lists[i] = t && own.call(t, w) ? t[w] : [];
          if (--left === 0) {
            var docs = intersect(lists).filter(function (d) { return meta.docs[d]; });
            docs.sort(function (a, b) { var x = meta.docs[a][2], y = meta.docs[b][2]; return x < y ? 1 : x > y ? -1 : a - b; });
            done(docs, ws);
          }
        });
      });
    });
  };

  // The passage of a doc that holds the most of the words, cut around the first one, words marked.
  function snippet(d, ws, el, link) {
    var k = Math.floor(d / 64);
    need('p' + k, function () {
      var list = (pas[k] && own.call(pas[k], String(d))) ? pas[k][String(d)] : [], best = null, score = -1;
      list.forEach(function (p) {
        var f = fold(p[1]), n = ws.filter(function (w) { return f.indexOf(w) >= 0; }).length;
        if (n > score) { score = n; best = p; }
      });
      if (!best || score <= 0) return;
      link.href = root + meta.docs[d][0] + '#' + encodeURIComponent(best[0]);
      var parts = best[1].match(/[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+/gu) || [], at = 0, pos = 0;
      for (var i = 0; i < parts.length; i++) {
        if (ws.indexOf(fold(parts[i])) >= 0) { at = pos; break; }
        pos += parts[i].length;
      }
      var start = Math.max(0, at - 80), text = best[1], shown = 0;
      pos = 0;
      if (start > 0) el.appendChild(document.createTextNode('…'));
      parts.forEach(function (part) {
        var end = pos + part.length;
        if (end > start && shown < 240) {
          var piece = pos < start ? part.slice(start - pos) : part;
          if (ws.indexOf(fold(part)) >= 0) {
            var m = document.createElement('mark'); m.textContent = piece; el.appendChild(m);
          } else el.appendChild(document.createTextNode(piece));
          shown += piece.length;
        }
        pos = end;
      });
      if (shown >= 240 && pos < text.length) el.appendChild(document.createTextNode('…'));
    });
  }

  function show(q) {
    var list = document.getElementById('search-results'), status = document.getElementById('search-status');
    if (!list || !status) return;
    S.find(q, function (docs, ws) {
      while (list.firstChild) list.removeChild(list.firstChild);
      if (!ws.length) { status.textContent = ''; return; }
      status.textContent = docs.length ? status.getAttribute('data-some').replace('{n}', docs.length) : status.getAttribute('data-none');
      docs.slice(0, 100).forEach(function (d) {
        var m = meta.docs[d], li = document.createElement('li'), a = document.createElement('a');
        a.href = root + m[0]; a.textContent = m[1];
        var line = document.createElement('div'); line.className = 'meta-line';
        line.textContent = [m[2], m[3]].filter(Boolean).join(' · ');
        var p = document.createElement('p'); p.className = 'snippet';
        li.appendChild(a); li.appendChild(line); li.appendChild(p); list.appendChild(li);
        snippet(d, ws, p, a);
      });
    });
  }

  var input = document.getElementById('search-input');
  if (input) {
    var q = new URLSearchParams(location.search).get('q') || '', timer = null;
    input.value = q;
    if (q) show(q);
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { show(input.value); }, 150);
    });
  }
})();
