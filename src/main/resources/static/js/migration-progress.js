// The migration page: each running batch's progress (owner/migration.html, rows with data-progress) read again from
// the API every 5 seconds, so the owner sees it move without reloading the page; the page works without it.
(function () {
  var script = document.currentScript;
  var text = script.getAttribute('data-text');
  var done = script.getAttribute('data-done');
  function say(p) {
    if (p.finished) {
      return done;
    }
    return text.replace('{0}', p.completed).replace('{1}', p.total).replace('{2}', p.failed);
  }
  function refresh() {
    var rows = document.querySelectorAll('tr[data-progress]');
    if (rows.length === 0) {
      return;
    }
    rows.forEach(function (row) {
      fetch(row.getAttribute('data-progress'), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (p) {
          if (!p) {
            return;
          }
          var cell = row.querySelector('.progress');
          var now = say(p);
          if (cell && cell.textContent !== now) {
            cell.textContent = now;
          }
          if (p.finished) {
            row.removeAttribute('data-progress');
          }
        })
        .catch(function () { /* the next round tries again */ });
    });
    setTimeout(refresh, 5000);
  }
  setTimeout(refresh, 5000);
})();
