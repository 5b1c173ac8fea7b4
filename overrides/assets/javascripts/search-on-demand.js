/* Search on demand (see overrides/main.html).

 Material's bundle fetches the whole search index (search/search_index.json, the largest
 file of the site) and starts its search worker on every page, before anyone asks to
 search. This script runs just before the bundle. It holds back that one request and the
 worker until the reader shows intent: focusing or pointing at the search field, clicking
 the search button, pressing one of Material's shortcuts ("/", "s", "f"), or arriving
 with ?q= (a search link) or ?h= (highlighting after a search). Then both go ahead, and
 search works as before. On file:// (the offline copy) Material itself waits for the
 reader to open search, so this steps aside.

 It touches nothing but that one request (XMLHttpRequest to search/search_index.json)
 and the worker whose script is workers/search.*.js. */
(function () {
  if (location.protocol === "file:") return;
  // Also wanted if the reader already reached for search before this script arrived (the
  // inline shortcut handler in overrides/main.html opens it and focuses the field).
  var toggle = document.getElementById("__search"), active = document.activeElement;
  var wanted = /[?&][qh]=/.test(location.search) || !!(toggle && toggle.checked) ||
    !!(active && active.closest && active.closest(".md-search")), waiting = [];
  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  function when(run) { if (wanted) run(); else waiting.push(run); }
  var X = XMLHttpRequest.prototype, open = X.open, send = X.send;
  X.open = function (method, url) {
    this.__deferSearch = /\/search\/search_index\.json(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  X.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.__deferSearch || wanted) return send.apply(xhr, args);
    when(function () { try { send.apply(xhr, args); } catch (e) {} });
  };
  var Real = window.Worker;
  if (Real) {
    var Lazy = function (url, options) {
      if (wanted || !/\/workers\/search\.[^\/]*\.js/.test(String(url))) return new Real(url, options);
      var real = null, listeners = [], queue = [];
      function start() {
        if (real) return;
        real = new Real(url, options);
        listeners.forEach(function (l) { real.addEventListener.apply(real, l); });
        queue.splice(0).forEach(function (m) { real.postMessage.apply(real, m); });
      }
      this.addEventListener = function () {
        listeners.push(arguments);
        if (real) real.addEventListener.apply(real, arguments);
      };
      this.removeEventListener = function (type, fn) {
        listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
        if (real) real.removeEventListener.apply(real, arguments);
      };
      this.dispatchEvent = function (ev) { return real ? real.dispatchEvent(ev) : true; };
      this.postMessage = function () {
        if (real) real.postMessage.apply(real, arguments);
        else { queue.push(arguments); start(); }
      };
      this.terminate = function () { if (real) real.terminate(); };
      when(start);
    };
    Lazy.prototype = Real.prototype;
    window.Worker = Lazy;
  }
  function intent(ev) {
    var t = ev.target;
    if (t && t.closest && t.closest('.md-search, label[for="__search"]')) want();
  }
  document.addEventListener("focusin", intent, true);
  document.addEventListener("pointerover", intent, true);
  document.addEventListener("click", intent, true);
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.id === "__search" && ev.target.checked) want();
  }, true);
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || !/^[\/sf]$/.test(ev.key)) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    want();
  }, true);
})();

