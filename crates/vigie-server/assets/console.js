// vigie console: keyboard shortcuts and live countdowns. Progressive: every action is a plain
// form that works without this script; the script only adds keys and ticking deadlines.
(function () {
  "use strict";
  var rows = function () { return Array.prototype.slice.call(document.querySelectorAll("tr.case-row[data-url]")); };
  var selected = -1;
  function select(i) {
    var list = rows();
    if (!list.length) return;
    selected = Math.max(0, Math.min(list.length - 1, i));
    list.forEach(function (r, k) { r.classList.toggle("selected", k === selected); });
    list[selected].focus();
  }
  function current() { var list = rows(); return selected >= 0 ? list[selected] : null; }
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" && t.type !== "radio" && t.type !== "checkbox" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  var go = false;
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "Escape" && typing(e)) { e.target.blur(); return; }
    if (typing(e)) return;
    var k = e.key;
    if (go) {
      go = false;
      var dest = { q: "/console/queues", a: "/console/appeals", d: "/console/dashboard", l: "/console/audit", p: "/console/policy" }[k];
      if (dest) { window.location.href = dest; e.preventDefault(); }
      return;
    }
    if (k === "g") { go = true; return; }
    if (k === "?") { var d = document.querySelector("details.keys"); if (d) { d.open = !d.open; } e.preventDefault(); return; }
    if (k === "j") { select(selected + 1); e.preventDefault(); return; }
    if (k === "k") { select(selected < 0 ? 0 : selected - 1); e.preventDefault(); return; }
    if (k === "Enter" || k === "o") {
      var row = current() || (document.activeElement && document.activeElement.closest && document.activeElement.closest("tr.case-row[data-url]"));
      if (row && document.activeElement.tagName !== "BUTTON" && document.activeElement.tagName !== "A") { window.location.href = row.getAttribute("data-url"); e.preventDefault(); }
      return;
    }
    if (k === "c") {
      var row2 = current();
      var form = row2 ? row2.querySelector("form.claim") : document.getElementById("claim-form");
      if (form) { form.submit(); e.preventDefault(); }
      return;
    }
    if (k === "e") { var er = document.getElementById("escalate-reason"); if (er) { er.focus(); e.preventDefault(); } return; }
    if (k === "x") { var rf = document.getElementById("release-form"); if (rf) { rf.submit(); e.preventDefault(); } return; }
    var radio = document.querySelector('#decide-form input[type=radio][data-key="' + k + '"]');
    if (radio) {
      radio.checked = true;
      var target = radio.value === "suspend_account" ? document.getElementById("suspend_days") : document.getElementById("reason_code");
      if (target) target.focus();
      e.preventDefault();
    }
  });
  function fmt(ms) {
    var s = Math.floor(Math.abs(ms) / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    var t = d > 0 ? d + " d " + h + " h" : h > 0 ? h + " h " + (m < 10 ? "0" : "") + m + " min" : m > 0 ? m + " min" : s + " s";
    return ms < 0 ? "overdue by " + t : "in " + t;
  }
  // Countdowns tick against the server's clock: the page says what "now" was when rendered.
  var holder = document.querySelector("[data-now]");
  var serverNow = holder ? Number(holder.getAttribute("data-now")) : Date.now();
  var loaded = Date.now();
  function tick() {
    var now = serverNow + (Date.now() - loaded);
    document.querySelectorAll(".countdown[data-deadline]").forEach(function (el) {
      var left = Number(el.getAttribute("data-deadline")) - now;
      var prefix = el.textContent.indexOf("deadline") === 0 ? "deadline " : "";
      el.textContent = prefix + fmt(left);
      el.classList.toggle("overdue", left < 0);
    });
  }
  if (document.querySelector(".countdown[data-deadline]")) { setInterval(tick, 15000); }
})();
