"""The fixed words of a digest email, one table per recipient language.

Adding a language means adding one entry to PHRASES; no code changes. Labels that come with the
data (categories, agencies, queues) are already translated (or proper names) when they arrive.
"""

PHRASES: dict[str, dict] = {
    "en": {
        "locale": "en",  # dates are written by Babel in this locale
        "subject": "{period_title} digest, {dates}: {total} new reports",
        "subject_empty": "{period_title} digest, {dates}: no new reports",
        "period_title": {"daily": "Daily", "weekly": "Weekly"},
        "heading": "{period_title} digest of reports",
        "period_line": "Reports received {dates} (UTC).",
        "scope_all": "Queues: all the queues you may see.",
        "scope_some": "Queues: {queues}.",
        "empty": "No new reports arrived in this period.",
        "new_reports": "New reports",
        "new_total": "{total} new reports ({change} from the previous period).",
        "by_queue": "New reports by queue",
        "queue": "Queue",
        "reports": "Reports",
        "needs_attention": "Needs attention now",
        "urgent_unassigned": "Urgent reports not yet assigned",
        "overdue": "Reports past their first-response deadline",
        "top_agencies": "Top agencies",
        "top_categories": "Top incident categories",
        "agency": "Agency",
        "category": "Category",
        "agency_unknown": "Unknown or other agency",
        "this_period": "This period",
        "change": "Change",
        "none": "none",
        "up": "up",
        "down": "down",
        "same": "no change",
        "new": "new",
        "chart_title": "New reports by queue",
        "chart_alt": "Bar chart of new reports by queue; the same figures are in the table.",
        "summaries": "Anonymized summaries (an administrator turned these on)",
        "summary_of": "Report #{id} ({queue})",
        "open_queue": "Open the queue",
        "open_report": "Open report #{id}",
        "login_note": "Links open the staff site; you will be asked to sign in.",
        "privacy_note": (
            "Email is not a safe channel: this digest carries counts and links only, never "
            "narratives, names or officer details."
        ),
        "privacy_note_summaries": (
            "Email is not a safe channel: the summaries below are built only from redacted "
            "text, with officer identifiers removed."
        ),
        "settings": "Change or stop these emails",
        "dates_range": "{first} to {last}",
    },
    "es": {
        "locale": "es",  # dates are written by Babel in this locale
        "subject": "Resumen {period_title}, {dates}: {total} reportes nuevos",
        "subject_empty": "Resumen {period_title}, {dates}: ningún reporte nuevo",
        "period_title": {"daily": "diario", "weekly": "semanal"},
        "heading": "Resumen {period_title} de reportes",
        "period_line": "Reportes recibidos {dates} (UTC).",
        "scope_all": "Colas: todas las colas que usted puede ver.",
        "scope_some": "Colas: {queues}.",
        "empty": "No llegó ningún reporte nuevo en este periodo.",
        "new_reports": "Reportes nuevos",
        "new_total": "{total} reportes nuevos ({change} respecto al periodo anterior).",
        "by_queue": "Reportes nuevos por cola",
        "queue": "Cola",
        "reports": "Reportes",
        "needs_attention": "Requiere atención ahora",
        "urgent_unassigned": "Reportes urgentes aún sin asignar",
        "overdue": "Reportes con el plazo de primera respuesta vencido",
        "top_agencies": "Agencias con más reportes",
        "top_categories": "Categorías de incidente más frecuentes",
        "agency": "Agencia",
        "category": "Categoría",
        "agency_unknown": "Agencia desconocida u otra",
        "this_period": "Este periodo",
        "change": "Cambio",
        "none": "ninguna",
        "up": "sube",
        "down": "baja",
        "same": "sin cambio",
        "new": "nuevo",
        "chart_title": "Reportes nuevos por cola",
        "chart_alt": (
            "Gráfico de barras de reportes nuevos por cola; las cifras están en la tabla."
        ),
        "summaries": "Resúmenes anonimizados (activados por un administrador)",
        "summary_of": "Reporte n.º {id} ({queue})",
        "open_queue": "Abrir la cola",
        "open_report": "Abrir el reporte n.º {id}",
        "login_note": "Los enlaces abren el sitio del personal; se le pedirá iniciar sesión.",
        "privacy_note": (
            "El correo electrónico no es un canal seguro: este resumen contiene solo cifras y "
            "enlaces, nunca relatos, nombres ni datos de agentes."
        ),
        "privacy_note_summaries": (
            "El correo electrónico no es un canal seguro: los resúmenes siguientes se hacen solo "
            "con texto censurado y sin datos que identifiquen a agentes."
        ),
        "settings": "Cambiar o dejar de recibir estos correos",
        "dates_range": "del {first} al {last}",
    },
}

LANGUAGES = tuple(PHRASES)


def phrases_for(language: str | None) -> dict:
    """The table for `language`, English when there is none for it."""
    return PHRASES.get((language or "en").lower()[:2], PHRASES["en"])
