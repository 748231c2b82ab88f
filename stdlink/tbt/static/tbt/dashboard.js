// TBT dashboard charts (Chart.js served locally); data comes from a json_script block.
(function () {
  var el = document.getElementById("tbt-chart-data");
  if (!el || !window.Chart) return;
  var data = JSON.parse(el.textContent);
  function bar(id, d) {
    var canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: "bar",
      data: {labels: d.labels, datasets: [{data: d.values, backgroundColor: "#2f81f7"}]},
      options: {responsive: true, animation: false, plugins: {legend: {display: false}},
                scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
    });
  }
  bar("chart-members", data.members);
  bar("chart-months", data.months);
  bar("chart-hs", data.hs);
})();
