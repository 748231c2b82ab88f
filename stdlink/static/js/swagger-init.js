// Starts Swagger UI from the settings the page carries (no inline script: CSP).
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("swagger-settings").textContent);
  config.dom_id = "#swagger-ui";
  config.presets = [SwaggerUIBundle.presets.apis];
  var csrf = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
  config.requestInterceptor = function (req) {
    if (csrf) { req.headers["X-CSRFToken"] = decodeURIComponent(csrf[1]); }
    return req;
  };
  window.ui = SwaggerUIBundle(config);
})();
