/* Programme dashboard: the programme selector submits on change, and the by-city chart
   (Chart.js) reads its data from the page's JSON block. A static file, so that the
   Content-Security-Policy needs no inline script (decision 0008). */
(function () {
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  var canvas = document.getElementById("city-chart");
  var source = document.getElementById("city-chart-data");
  if (!canvas || !source || !window.Chart) return;
  var data = JSON.parse(source.textContent);
  new window.Chart(canvas, {
    type: "bar",
    data: {labels: data.labels, datasets: [
      {label: canvas.dataset.labelGoal, data: data.target, backgroundColor: "#cfe2ff"},
      {label: canvas.dataset.labelActual, data: data.actual, backgroundColor: "#2f81f7"}]},
    options: {responsive: true, animation: false, scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
  });
})();
