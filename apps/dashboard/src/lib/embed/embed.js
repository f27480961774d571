// @ts-nocheck: a plain script for other sites' pages (served as text by routes/embed.js), not a module of the app.
// Observatoire embed helper: resizes every Observatoire iframe on the page to the height its chart
// reports by postMessage. Without this script the iframe keeps its fallback height attribute.
(function () {
  if (window.__observatoireEmbed) return;
  window.__observatoireEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'observatoire:resize' || typeof data.height !== 'number') return;
    var frames = document.querySelectorAll('iframe[data-observatoire-embed]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(100, Math.min(5000, Math.ceil(data.height))) + 'px';
      }
    }
  });
})();
