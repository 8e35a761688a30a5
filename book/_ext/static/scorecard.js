/* Claims scorecard: filter by status, chapter and figure, search the text, sort any column.
 *
 * The table (#register) is plain HTML and reads without JavaScript. This script hands it to
 * simple-datatables (npm, served from _static/vendor, never a CDN), keeps every row's stable
 * anchor (id="claim-G12") and adds three exact-match filters. Written for this book; the table
 * logic itself is the library's.
 */
(function () {
  "use strict";

  function textOf(cell) {
    if (!cell) return "";
    if (cell.text !== undefined) return String(cell.text).trim();
    return String(cell.data === undefined ? "" : cell.data).trim();
  }

  // The library lower-cases the query and may strip diacritics and punctuation before calling
  // searchMethod; compare both sides in the same normal form.
  function normal(s) {
    return String(s).normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase()
      .replace(/[.,/#!$%^&*;:{}=\-_`~()]/g, "").replace(/\s+/g, " ").trim();
  }

  function init() {
    var table = document.getElementById("register");
    if (!table || !window.simpleDatatables) return;
    var headings = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      return th.textContent.trim();
    });
    var filterColumns = ["status", "ch.", "figure"];
    var options = {};
    filterColumns.forEach(function (name) {
      var seen = {};
      Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
        var value = tr.cells[headings.indexOf(name)].textContent.trim();
        seen[value] = true;
      });
      options[name] = Object.keys(seen).sort(function (a, b) {
        return a.localeCompare(b, undefined, { numeric: true });
      });
    });

    var dt = new window.simpleDatatables.DataTable(table, {
      paging: false,
      searchable: true,
      sortable: true,
      fixedHeight: false,
      columns: [{ select: headings.map(function (_, i) { return i; }), type: "html" }],
      labels: { placeholder: "Search the register…", noRows: "No entries", noResults: "No entry matches" },
      searchMethod: function (terms, cell, row, column, source) {
        var text = normal(textOf(cell));
        if (source === "filters") {
          return terms.some(function (t) { return text === normal(t); });
        }
        return terms.some(function (t) { return text.indexOf(normal(t)) >= 0; });
      },
      rowRender: function (row, tr) {
        var id = textOf(row.cells[0]);
        tr.attributes = tr.attributes || {};
        tr.attributes.id = "claim-" + id;
        return tr;
      },
    });

    var bar = document.createElement("div");
    bar.className = "register-filters";
    var selects = {};
    filterColumns.forEach(function (name) {
      var label = document.createElement("label");
      label.textContent = (name === "ch." ? "chapter" : name) + " ";
      var select = document.createElement("select");
      select.setAttribute("data-filter", name);
      var all = document.createElement("option");
      all.value = "";
      all.textContent = "all";
      select.appendChild(all);
      options[name].forEach(function (value) {
        var opt = document.createElement("option");
        opt.value = value;
        opt.textContent = value;
        select.appendChild(opt);
      });
      select.addEventListener("change", apply);
      label.appendChild(select);
      bar.appendChild(label);
      selects[name] = select;
    });
    var count = document.createElement("span");
    count.className = "register-count";
    bar.appendChild(count);
    dt.wrapperDOM.insertBefore(bar, dt.wrapperDOM.firstChild);

    function visibleRows() {
      return dt.dom.tBodies[0] ? dt.dom.tBodies[0].rows.length : 0;
    }
    function showCount() {
      count.textContent = visibleRows() + " of " + dt.data.data.length + " entries shown";
    }
    function apply() {
      var queries = filterColumns
        .filter(function (name) { return selects[name].value; })
        .map(function (name) {
          return { terms: [selects[name].value], columns: [headings.indexOf(name)] };
        });
      dt.multiSearch(queries, "filters");
      showCount();
    }
    dt.on("datatable.search", showCount);
    dt.on("datatable.sort", showCount);
    showCount();

    // The rows were re-rendered: bring the targeted entry back into view.
    if (window.location.hash) {
      var target = document.getElementById(window.location.hash.slice(1));
      if (target) target.scrollIntoView();
    }
    window.registerTable = dt;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
