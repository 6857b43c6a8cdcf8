"""The bundled help (F1) and the About box with the third-party licences."""
