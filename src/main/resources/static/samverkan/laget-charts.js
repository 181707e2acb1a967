// Läget's charts (echarts, served by Samverkan from /webjars/echarts/...): each chart is drawn from the
// accessible table right under it (table[data-chart-for=<chart id>]: first column the quarter, one
// series per further column), so what a screen reader or a printout gets is exactly what the chart shows.
(function () {
  'use strict';
  function draw() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var table = document.querySelector('table[data-chart-for="' + element.id + '"]');
      if (!table) {
        return;
      }
      var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
      var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
        return Array.prototype.map.call(tr.children, function (cell) { return cell.textContent.trim(); });
      });
      var colours = ['#00457a', '#b5152b', '#1e6b2d', '#5c4700', '#5b2a86'];
      var series = headers.slice(1).map(function (name, i) {
        return {
          name: name, type: element.dataset.chart === 'line' ? 'line' : 'bar', itemStyle: { color: colours[i % colours.length] },
          data: rows.map(function (row) { return Number(row[i + 1]); })
        };
      });
      var chart = window.echarts.init(element, null, { renderer: 'svg' });
      chart.setOption({
        aria: { enabled: true },
        animation: false,
        textStyle: { color: '#222', fontFamily: '"Helvetica Neue", Helvetica, Arial, sans-serif' },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, textStyle: { color: '#222' } },
        grid: { left: 40, right: 16, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: rows.map(function (row) { return row[0]; }), axisLabel: { color: '#222' } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#222' } },
        series: series
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
