package io.querylens.core.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The style sheet and the script the HTML report inlines, and the page's content security policy,
 * which lets the page load nothing from anywhere and run no script but this one (by its hash). The
 * script only adds sorting, filtering and opening rows: the page says everything without it.
 */
final class HtmlAssets {
  static final String CSS =
      """
      :root {
        --ink: #1d2433; --muted: #667085; --faint: #98a2b3; --line: #e4e7ec; --bg: #f4f6f9;
        --card: #fff; --execute: #2f6fdf; --fetch: #93bdf6; --process: #ee9a2f;
        --acquire: #9a7ae6; --connect: #c9b3f5; --hold: #3fa58f; --wasted: #d9473f;
      }
      * { box-sizing: border-box; }
      body {
        margin: 0; background: var(--bg); color: var(--ink);
        font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
          "DejaVu Sans", sans-serif;
      }
      main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 40px; }
      header.top {
        display: flex; align-items: baseline; justify-content: space-between; flex-wrap: wrap;
        gap: 6px 24px; padding-bottom: 6px;
      }
      h1 { font-size: 21px; margin: 0; letter-spacing: -0.01em; }
      h1 svg { vertical-align: -3px; margin-right: 6px; }
      .meta-line { color: var(--muted); }
      section {
        background: var(--card); border: 1px solid var(--line); border-radius: 10px;
        padding: 18px 22px 20px; margin-top: 16px;
      }
      h2 { font-size: 17px; margin: 0 0 4px; }
      h3 {
        margin: 20px 0 6px; color: var(--muted); text-transform: uppercase;
        letter-spacing: .05em; font-size: 12px;
      }
      .badge {
        display: inline-block; min-width: 22px; padding: 0 7px; border-radius: 999px;
        background: #eef1f6; color: var(--muted); font-size: 12px; font-weight: 600;
        text-align: center; vertical-align: 2px;
      }
      .lead, .muted, .note, .none { color: var(--muted); }
      .lead { margin: 0 0 12px; }
      .none { font-style: italic; }
      code, .id {
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
        font-size: 12.5px;
      }
      code.sql, td.sql code { white-space: pre-wrap; word-break: break-word; }
      .id { color: var(--faint); font-size: 11px; }
      a { color: inherit; }
      a.shape-link { text-decoration: none; }
      a.shape-link:hover code { text-decoration: underline; }

      .cards { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 12px; margin: 12px 0 14px; }
      .card { border: 1px solid var(--line); border-top: 3px solid #c3c9d4; border-radius: 8px; padding: 8px 12px 10px; }
      .card.database { border-top-color: var(--execute); }
      .card.application { border-top-color: var(--process); }
      .card.connection { border-top-color: var(--acquire); }
      .card.wasted { border-top-color: var(--wasted); }
      .card .label { font-size: 11.5px; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
      .card .figure { font-size: 23px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.3; }
      .card .share { font-size: 13px; font-weight: 500; color: var(--muted); margin-left: 8px; }
      .card .detail { font-size: 12px; color: var(--muted); }

      svg.bar { width: 100%; display: block; border-radius: 3px; }
      svg.bar .track { fill: #edf0f4; }
      svg.bar .execute { fill: var(--execute); }
      svg.bar .fetch { fill: var(--fetch); }
      svg.bar .process { fill: var(--process); }
      svg.bar .acquire { fill: var(--acquire); }
      svg.bar .connect { fill: var(--connect); }
      .overall svg.bar { border-radius: 5px; }

      table { border-collapse: collapse; width: 100%; }
      th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
      th { font-size: 12px; color: var(--muted); font-weight: 600; white-space: nowrap; }
      th button { all: unset; }
      .js th[data-sort] button { cursor: pointer; }
      .js th[data-sort] button:hover { color: var(--ink); }
      .js th[data-sort] button:focus-visible { outline: 2px solid var(--execute); }
      th[aria-sort] { color: var(--ink); }
      th[aria-sort=ascending] button::after { content: " \\25B2"; font-size: 9px; }
      th[aria-sort=descending] button::after { content: " \\25BC"; font-size: 9px; }
      .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      td.zero { color: var(--faint); }
      tr.groups th { border-bottom: 0; padding-bottom: 0; }
      th.group { text-align: center; border-bottom: 1px solid var(--line); }
      td.barcol, th.barcol { width: 20%; min-width: 160px; vertical-align: middle; }
      ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 8px 0 0; padding: 0; font-size: 12.5px; color: var(--muted); }
      ul.legend b { color: var(--ink); font-weight: 600; font-variant-numeric: tabular-nums; }
      #units td.name { font-weight: 550; }

      ol.findings { list-style: none; padding: 0; margin: 0; display: grid; gap: 12px; }
      .finding { border: 1px solid var(--line); border-left: 4px solid #98a2b3; border-radius: 8px; padding: 10px 16px 12px; }
      .finding .head { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
      .finding .rank { color: var(--faint); font-weight: 700; }
      .finding .wasted b { font-size: 18px; font-variant-numeric: tabular-nums; }
      .finding .counts { color: var(--muted); margin-left: auto; }
      .finding .explanation { margin: 6px 0 0; }
      .finding .head b.explanation { font-weight: 600; margin: 0; }
      .finding dl { display: grid; grid-template-columns: 84px minmax(0, 1fr); gap: 3px 14px; margin: 8px 0 0; }
      .finding dt { color: var(--muted); font-size: 11.5px; text-transform: uppercase; letter-spacing: .04em; padding-top: 1px; }
      .finding dd { margin: 0; }
      .finding dd .id, .finding .rows { margin-left: 10px; }
      .finding .rows { color: var(--muted); }
      .finding .hint { color: #344054; }
      .kind { display: inline-block; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 650; background: #eef1f6; color: #344054; }
      .k-n-plus-one { background: #fde7e6; color: #b42318; }
      .k-duplicate { background: #fdefd9; color: #a15c07; }
      .k-chatty-writes { background: #efe9fd; color: #5b3cc4; }
      .k-unbounded-result { background: #def5ef; color: #0f7660; }
      .finding[data-kind=n-plus-one] { border-left-color: #e2554c; }
      .finding[data-kind=duplicate] { border-left-color: #e8a03b; }
      .finding[data-kind=chatty-writes] { border-left-color: #8b6be0; }
      .finding[data-kind=unbounded-result] { border-left-color: #2f9e86; }
      .k-slow-in-database { background: #fde7e6; color: #b42318; }
      .k-network-bound { background: #e4edfb; color: #1f4fa8; }
      .k-full-scan { background: #fdefd9; color: #a15c07; }
      .finding[data-kind=slow-in-database] { border-left-color: #e2554c; }
      .finding[data-kind=network-bound] { border-left-color: #2f6fdf; }
      .finding[data-kind=full-scan] { border-left-color: #e8a03b; }
      ul.server-stats { margin: 0 0 12px; padding-left: 18px; }
      td.server.none { font-style: italic; white-space: nowrap; }

      .filters:not([hidden]) { display: flex; gap: 8px; margin-bottom: 10px; align-items: center; flex-wrap: wrap; }
      input[type=search], select { font: inherit; border: 1px solid #d0d5dd; border-radius: 6px; background: #fff; color: var(--ink); }
      input[type=search] { flex: 0 1 360px; padding: 5px 10px; }
      select { padding: 5px 8px; }
      table.shapes td.sql { min-width: 300px; }
      table.shapes td.sql code {
        display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden;
      }
      table.shapes tbody.open td.sql code { display: block; }
      table.shapes tbody.shape { border-bottom: 1px solid var(--line); }
      table.shapes tr.main td { border-bottom: 0; }
      .js table.shapes tr.main { cursor: pointer; }
      .js table.shapes tr.main:hover { background: #f7f9fc; }
      .meta { margin-top: 2px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      .op { font-size: 10.5px; font-weight: 700; color: #475467; background: #f0f2f5; padding: 0 6px; border-radius: 4px; letter-spacing: .03em; }
      .op.ddl { color: #8a5a12; background: #fdf0e1; }
      td.share { width: 110px; }
      td.share svg.bar { margin: 5px 0 1px; }
      td.share .pct { font-size: 11px; color: var(--muted); }
      button.toggle { display: none; }
      .js button.toggle {
        display: inline-block; float: left; width: 18px; height: 18px; margin: 1px 6px 0 -2px; padding: 0;
        border: 0; background: none; color: var(--faint); cursor: pointer; font-size: 11px;
      }
      .js button.toggle::before { content: "\\25B6"; }
      .js tbody.open button.toggle::before { content: "\\25BC"; }
      .js tbody.shape:not(.open) tr.dist { display: none; }
      tr.dist > td { background: #fafbfd; padding: 10px 14px 14px 34px; }
      .dist-body { display: flex; gap: 28px; flex-wrap: wrap; align-items: flex-start; }
      .charts { display: flex; gap: 28px; flex-wrap: wrap; }
      table.dist { width: auto; }
      table.dist th, table.dist td { padding: 3px 10px; }
      table.dist tbody th { color: var(--ink); }
      dl.facts { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 10px 0 0 10px; font-size: 12.5px; }
      dl.facts dt { color: var(--muted); }
      dl.facts dd { margin: 0; }

      figure.chart { margin: 0; }
      figure.chart figcaption { font-size: 12px; color: var(--muted); display: flex; gap: 14px; margin-bottom: 2px; }
      figure.chart .t { font-weight: 600; }
      .key::before { content: ""; display: inline-block; width: 12px; height: 3px; border-radius: 2px; vertical-align: middle; margin-right: 5px; background: var(--swatch); }
      ul.legend .key::before { width: 10px; height: 10px; border-radius: 3px; vertical-align: -1px; }
      .key.execute { --swatch: var(--execute); }
      .key.fetch { --swatch: var(--fetch); }
      .key.process { --swatch: var(--process); }
      .key.acquire { --swatch: var(--acquire); }
      .key.connect { --swatch: var(--connect); }
      .key.hold { --swatch: var(--hold); }
      figure.chart .key.fetch { --swatch: #5b95e0; }
      svg.curve polyline { fill: none; stroke-width: 2; stroke-linejoin: round; }
      svg.curve polyline.execute { stroke: var(--execute); }
      svg.curve polyline.fetch { stroke: #5b95e0; stroke-dasharray: 5 3; }
      svg.curve polyline.process { stroke: var(--process); }
      svg.curve polyline.acquire { stroke: var(--acquire); }
      svg.curve polyline.connect { stroke: var(--connect); }
      svg.curve polyline.hold { stroke: var(--hold); }
      svg.curve .grid { stroke: #e9edf2; stroke-width: 1; }
      svg.curve text { font-size: 10px; fill: var(--faint); }
      svg.curve .ylabel { text-anchor: end; dominant-baseline: middle; }
      svg.curve .xlabel { text-anchor: middle; }

      #notes ul { margin: 6px 0 0; padding-left: 20px; }
      #notes li { margin: 2px 0; }
      footer { color: var(--faint); font-size: 12px; margin-top: 16px; text-align: center; }
      @media (max-width: 900px) { .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
      @media print { body { background: #fff; } section { break-inside: avoid-page; } }
      """;

  static final String SCRIPT =
      """
      (function () {
        'use strict';
        var doc = document;
        doc.documentElement.classList.add('js');
        var each = function (list, f) { Array.prototype.forEach.call(list, f); };

        // Sorting: a header's button sorts its table; shapes move with their distribution rows.
        function items(table) {
          return table.tBodies.length > 1 ? Array.prototype.slice.call(table.tBodies)
              : Array.prototype.slice.call(table.tBodies[0].rows);
        }
        function key(item, index) {
          var cell = (item.rows ? item.rows[0] : item).cells[index];
          var v = cell.getAttribute('data-value');
          return v === null ? cell.textContent.trim().toLowerCase() : Number(v);
        }
        function headers(table) {
          var rows = table.tHead.rows;
          return rows[rows.length - 1].cells;
        }
        function sort(table, index, descending) {
          var list = items(table);
          list.sort(function (a, b) {
            var x = key(a, index), y = key(b, index);
            return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
          });
          each(list, function (item) { item.parentNode.appendChild(item); });
          each(headers(table), function (th) { th.removeAttribute('aria-sort'); });
          headers(table)[index].setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        }
        each(doc.querySelectorAll('table.sortable'), function (table) {
          each(headers(table), function (th, index) {
            if (!th.hasAttribute('data-sort')) return;
            th.querySelector('button').addEventListener('click', function () {
              var now = th.getAttribute('aria-sort');
              var descending = now ? now === 'ascending' : th.getAttribute('data-sort') === 'num';
              sort(table, index, descending);
              save();
            });
          });
        });

        // Opening a shape's distributions.
        function open(tbody, on) {
          tbody.classList.toggle('open', on);
          tbody.querySelector('button.toggle').setAttribute('aria-expanded', String(on));
        }
        each(doc.querySelectorAll('tbody.shape'), function (tbody) {
          tbody.rows[0].addEventListener('click', function (event) {
            if (event.target.closest('a')) return;
            open(tbody, !tbody.classList.contains('open'));
          });
        });

        // Filtering shapes by text, operation and finding kind.
        var shapes = doc.getElementById('shapes');
        var text = doc.getElementById('shape-filter');
        var op = doc.getElementById('op-filter');
        var kind = doc.getElementById('kind-filter');
        function filter() {
          if (!shapes) return;
          var q = text.value.trim().toLowerCase(), shown = 0;
          each(shapes.tBodies, function (tbody) {
            var kinds = ' ' + tbody.getAttribute('data-kinds') + ' ';
            var ok = (!q || tbody.rows[0].cells[1].textContent.toLowerCase().indexOf(q) >= 0)
                && (!op.value || tbody.getAttribute('data-op') === op.value)
                && (!kind.value || (kind.value === '*' ? kinds.trim() !== ''
                    : kinds.indexOf(' ' + kind.value + ' ') >= 0));
            tbody.hidden = !ok;
            if (ok) shown++;
          });
          doc.getElementById('shape-count').textContent =
              shown + ' of ' + shapes.tBodies.length + ' shapes';
          doc.getElementById('no-match').hidden = shown > 0;
        }
        if (shapes) {
          doc.querySelector('.filters').hidden = false;
          [text, op, kind].forEach(function (input) {
            input.addEventListener('input', function () { filter(); save(); });
          });
        }

        // The view in the address: #sort=shapes:count:desc&q=orders&op=SELECT&kind=n-plus-one
        // (&open=<shape id> opens a shape); a plain #shape-<id> opens that shape and goes there.
        function save() {
          var parts = [];
          each(doc.querySelectorAll('table.sortable'), function (table) {
            each(headers(table), function (th) {
              var dir = th.getAttribute('aria-sort');
              if (dir) {
                parts.push('sort=' + encodeURIComponent(table.id + ':' + th.textContent.trim()
                    + ':' + (dir === 'ascending' ? 'asc' : 'desc')));
              }
            });
          });
          if (shapes) {
            if (text.value) parts.push('q=' + encodeURIComponent(text.value));
            if (op.value) parts.push('op=' + encodeURIComponent(op.value));
            if (kind.value) parts.push('kind=' + encodeURIComponent(kind.value));
          }
          var here = location.pathname + location.search;
          try { history.replaceState(null, '', here + (parts.length ? '#' + parts.join('&') : '')); }
          catch (e) { /* a browser that refuses it keeps the old address */ }
        }
        function restore() {
          var hash = location.hash.slice(1);
          if (hash.indexOf('=') < 0) {
            var target = hash && doc.getElementById(decodeURIComponent(hash));
            if (target && target.classList.contains('shape')) open(target, true);
            return;
          }
          hash.split('&').forEach(function (part) {
            var eq = part.indexOf('='), name = part.slice(0, eq);
            var value = decodeURIComponent(part.slice(eq + 1));
            if (name === 'sort') {
              var bits = value.split(':'), table = doc.getElementById(bits[0]);
              if (!table || !table.classList.contains('sortable')) return;
              each(headers(table), function (th, index) {
                if (th.hasAttribute('data-sort') && th.textContent.trim() === bits[1]) {
                  sort(table, index, bits[2] !== 'asc');
                }
              });
            } else if (name === 'open') {
              var shape = doc.getElementById('shape-' + value);
              if (shape) open(shape, true);
            } else if (shapes && name === 'q') {
              text.value = value;
            } else if (shapes && name === 'op') {
              op.value = value;
            } else if (shapes && name === 'kind') {
              kind.value = value;
            }
          });
        }
        restore();
        filter();
        window.addEventListener('hashchange', function () { restore(); filter(); });
      })();
      """;

  /** The content security policy: nothing from anywhere, styles inline, this script only. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-"
          + sha256(SCRIPT)
          + "'";

  private HtmlAssets() {}

  private static String sha256(String text) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
