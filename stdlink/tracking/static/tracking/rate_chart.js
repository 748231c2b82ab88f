// Conversion-rate chart: reads its data from the json_script element (no inline script: CSP).
(function () {
  var el = document.getElementById("rate-chart-data");
  var canvas = document.getElementById("rate-chart");
  if (!el || !canvas || typeof Chart === "undefined") return;
  var data = JSON.parse(el.textContent);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: data.rateLabel, data: data.rates, backgroundColor: "#2f6fb3" },
        { label: data.targetLabel, data: data.labels.map(function () { return data.target; }),
          type: "line", borderColor: "#c0392b", pointRadius: 0, borderDash: [6, 4] }
      ]
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } }
    }
  });
})();
