// Applies the theme the user chose (kept in this browser) before the page paints; without a choice the
// system's preference applies through the stylesheet.
(function () {
  try {
    var theme = window.localStorage.getItem("vigil-theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.setAttribute("data-theme", theme);
    }
  } catch (e) {
    // storage may be off; the system preference applies
  }
})();
