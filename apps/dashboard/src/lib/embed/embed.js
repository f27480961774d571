// Observatoire embed helper: resizes every Observatoire iframe on the page to the height its chart
// reports by postMessage. Without this script the iframe keeps its fallback height attribute.
// Served as text by routes/embed.js/+server.ts, in other sites' pages: plain ES5, no module.
(function () {
  /** @type {Window & { __observatoireEmbed?: boolean }} */
  var host = window;
  if (host.__observatoireEmbed) return;
  host.__observatoireEmbed = true;
  host.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'observatoire:resize' || typeof data.height !== 'number') return;
    var frames = /** @type {NodeListOf<HTMLIFrameElement>} */ (
      document.querySelectorAll('iframe[data-observatoire-embed]')
    );
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(100, Math.min(5000, Math.ceil(data.height))) + 'px';
      }
    }
  });
})();
