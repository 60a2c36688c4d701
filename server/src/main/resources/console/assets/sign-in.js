// Signs in through the API's own login (POST /api/session), which sets the session cookie, then opens
// the page the user asked for.
(function () {
  "use strict";
  var form = document.getElementById("sign-in-form");
  if (!form) {
    return;
  }
  var error = document.getElementById("sign-in-error");

  function fail(message) {
    error.textContent = message;
    error.hidden = false;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    error.hidden = true;
    var username = form.elements.username.value.trim();
    var password = form.elements.password.value;
    if (!username || !password) {
      fail("Enter your user name and password.");
      return;
    }
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    fetch("/api/session", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ username: username, password: password })
    }).then(function (response) {
      if (response.status === 201) {
        window.location.assign(form.getAttribute("data-return-to"));
        return null;
      }
      return response.json().then(function (body) {
        fail(body && body.error && body.error.message ? body.error.message : "Signing in failed (" + response.status + ").");
      }, function () {
        fail("Signing in failed (" + response.status + ").");
      });
    }, function () {
      fail("The server cannot be reached. Check that Vigil is running, then try again.");
    }).finally(function () {
      button.disabled = false;
    });
  });
})();
