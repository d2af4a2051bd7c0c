"""The fixed words of a summary, one table per staff language.

Adding a staff language means adding one entry to PHRASES (and, for a new narrative language, its
cue words in `cues.py`); no code changes. Labels that come with a report (categories, urgency,
help wanted, evidence, role) are already translated by the caller and are used as given.
"""

PHRASES: dict[str, dict] = {
    "en": {
        "locale": "en",  # dates are written by Babel in this locale
        "affected": "Affected",
        "minor": "a minor",
        "when": "When",
        "approximate": "approximate",
        "at_time": "at",
        "where": "Where",
        "county": "{} County",
        "agency": "Agency",
        "agency_other": "another agency, not on the 287(g) list",
        "agency_unknown": "unknown",
        "agreement_former": "former 287(g) agency, agreement ended",
        "agreement_pending": "287(g) agreement pending",
        "models": "287(g): {}",
        "what": "What happened",
        "custody": "In custody now",
        "facility": "facility: {}",
        "transfer": "transfer to ICE expected: {}",
        "urgent": "URGENT",
        "not_urgent": "Urgent",
        "asks_for": "Asks for",
        "evidence": "Evidence available",
        "not_given": "not given",
        "yes": "yes",
        "no": "no",
        "unknown": "unknown",
        "from_narrative": "From the narrative ({language}, machine-extracted):",
        "from_llm": "Narrative summary (written by a language model from the redacted {language}"
        " narrative, machine-generated):",
        "no_narrative": "No narrative given.",
        "models_names": {
            "JEM": "Jail Enforcement Model",
            "TFM": "Task Force Model",
            "WSO": "Warrant Service Officer model",
        },
        "languages": {"en": "English", "es": "Spanish"},
        "llm_instruction": (
            "You summarize civil-rights complaints about 287(g) immigration policing for the"
            " staff of a legal-aid organisation. Write two or three plain sentences in English"
            " that say what happened according to the narrative: who acted (agency, officers),"
            " what they did, where and when. Use only the text you are given; do not guess or"
            " add names, numbers or facts. Keep placeholders such as [PERSON 1] exactly as they"
            " are. Answer with the summary only."
        ),
        "llm_facts": "Facts from the form:",
        "llm_narrative": "Redacted narrative ({language}):",
    },
    "es": {
        "locale": "es",  # dates are written by Babel in this locale
        "affected": "Persona afectada",
        "minor": "menor de edad",
        "when": "Cuándo",
        "approximate": "aproximado",
        "at_time": "a las",
        "where": "Dónde",
        "county": "condado de {}",
        "agency": "Agencia",
        "agency_other": "otra agencia, fuera de la lista 287(g)",
        "agency_unknown": "desconocida",
        "agreement_former": "antigua agencia 287(g), acuerdo terminado",
        "agreement_pending": "acuerdo 287(g) pendiente",
        "models": "287(g): {}",
        "what": "Qué pasó",
        "custody": "Detenida ahora",
        "facility": "centro: {}",
        "transfer": "traslado a ICE previsto: {}",
        "urgent": "URGENTE",
        "not_urgent": "Urgente",
        "asks_for": "Pide",
        "evidence": "Pruebas disponibles",
        "not_given": "no indicado",
        "yes": "sí",
        "no": "no",
        "unknown": "no se sabe",
        "from_narrative": "Del relato ({language}, extracción automática):",
        "from_llm": "Resumen del relato (escrito por un modelo de lenguaje a partir del relato"
        " anonimizado en {language}, generado automáticamente):",
        "no_narrative": "No se dio ningún relato.",
        "models_names": {
            "JEM": "Modelo de Control en Cárceles (Jail Enforcement Model)",
            "TFM": "Modelo de Grupo de Trabajo (Task Force Model)",
            "WSO": "Modelo de Agente de Órdenes (Warrant Service Officer)",
        },
        "languages": {"en": "inglés", "es": "español"},
        "llm_instruction": (
            "Resumes denuncias de derechos civiles sobre la aplicación de leyes migratorias bajo"
            " 287(g) para el personal de una organización de ayuda legal. Escribe dos o tres"
            " oraciones sencillas en español que digan qué pasó según el relato: quién actuó"
            " (agencia, agentes), qué hicieron, dónde y cuándo. Usa solo el texto que se te da;"
            " no inventes ni añadas nombres, números ni hechos. Conserva tal cual los marcadores"
            " como [PERSON 1]. Responde solo con el resumen."
        ),
        "llm_facts": "Datos del formulario:",
        "llm_narrative": "Relato anonimizado ({language}):",
    },
}

DEFAULT_STAFF_LANGUAGE = "en"


def phrases_for(staff_language: str | None) -> dict:
    """The phrase table for `staff_language`, falling back to English for unknown languages."""
    base = (staff_language or DEFAULT_STAFF_LANGUAGE).lower().split("-")[0].split("_")[0]
    return PHRASES.get(base, PHRASES[DEFAULT_STAFF_LANGUAGE])
