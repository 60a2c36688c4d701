// Sets the theme before the page paints: the one the user chose (kept in this browser), or else the
// system's preference.
(function () {
  var theme = null;
  try {
    theme = window.localStorage.getItem("vigil-theme");
  } catch (e) {
    // storage may be off; the system preference applies
  }
  if (theme !== "light" && theme !== "dark") {
    theme = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  document.documentElement.setAttribute("data-theme", theme);
})();
