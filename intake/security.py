"""Response headers that keep pages self-contained and leave no trail behind a reporter."""

from __future__ import annotations

from flask import Flask, Response, request

# Everything is served by the app itself: no third-party script, style, font or image, and no
# inline script or style (so an injected one does not run).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

# Static files are addressed by a content hash (`static_url` in templating.py), so a phone can
# keep them for a year and a repeat visit costs one round trip: the page itself.
STATIC_CACHE = "public, max-age=31536000, immutable"


def init_security_headers(app: Flask) -> None:
    production = app.config.get("INTAKE_ENV") == "production"

    @app.after_request
    def security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if production:
            headers.setdefault("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
        if request.endpoint == "static" and request.args.get("v"):
            headers["Cache-Control"] = STATIC_CACHE
        elif response.mimetype == "text/html" and "Cache-Control" not in headers:
            # Pages may hold what a reporter typed or a receipt: never keep them in a shared
            # phone's cache or back-forward history. Views may set something else on purpose.
            headers["Cache-Control"] = "no-store"
        return response
