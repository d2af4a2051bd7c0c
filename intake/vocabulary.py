"""The words of the domain, as stable codes (stored, exported, used by routing rules).

Labels are translated in the form; the codes never change once reports carry them.
See docs/domain.md for where each comes from.
"""

from flask_babel import lazy_gettext as _l

CATEGORIES: dict[str, object] = {
    "profiling": _l("Racial or ethnic profiling"),
    "traffic_stop": _l("Pretextual or prolonged traffic stop"),
    "status_questioning": _l("Questioned about immigration status or birthplace"),
    "unlawful_detention": _l("Unlawful or prolonged detention"),
    "detainer_hold": _l("Held on an ICE detainer past release"),
    "transfer_to_ice": _l("Transferred to ICE"),
    "citizen_detained": _l("Detained despite a claim of U.S. citizenship"),
    "language_access": _l("Denied an interpreter or language access"),
    "denied_counsel": _l("Denied a lawyer, a phone call or consular access"),
    "coerced_signature": _l("Coerced to sign documents"),
    "excessive_force": _l("Excessive force or physical abuse"),
    "medical_care": _l("Denied medical care or medication"),
    "family_separation": _l("Family separation or a child left without a caregiver"),
    "retaliation": _l("Retaliation for filming, complaining or organising"),
    "property_seized": _l("Property, phone or documents seized"),
    "home_entry": _l("Home entry without a judicial warrant"),
    "jail_conditions": _l("Inhumane jail conditions"),
    "other": _l("Something else"),
}

# Urgency signals a reporter can tick on the form (docs/domain.md, "Urgency signals").
URGENT_SIGNALS: dict[str, object] = {
    "in_custody_now": _l("Someone is in custody right now"),
    "transfer_imminent": _l(
        "A detainer clock is running, or a transfer or removal is about to happen"
    ),
    "medical_emergency": _l("A medical emergency, or medication is being denied"),
    "minor_involved": _l("A child is involved or was left alone"),
    "injured": _l("Someone was injured by force"),
    "citizenship_claim": _l("The person says they are a U.S. citizen"),
    "survivor": _l("The person is a survivor of violence or trafficking"),
}

AFFECTED_ROLES: dict[str, object] = {
    "self": _l("Me"),
    "family": _l("A family member"),
    "friend": _l("A friend or neighbour"),
    "witness": _l("Someone I saw (I am a witness)"),
    "client": _l("Someone I assist (I am an advocate or lawyer)"),
}

EVIDENCE: dict[str, object] = {
    "video": _l("Video"),
    "photos": _l("Photos"),
    "documents": _l("Documents (tickets, papers from the jail, receipts)"),
    "witnesses": _l("Other witnesses"),
}

HELP_WANTED: dict[str, object] = {
    "legal_help": _l("Help from a lawyer"),
    "find_person": _l("Help finding out where someone is held"),
    "file_complaint": _l("Help filing an official complaint"),
    "just_record": _l("I only want this on record"),
}

CONTACT_METHODS: dict[str, object] = {
    "phone": _l("Phone call"),
    "text": _l("Text message"),
    "email": _l("Email"),
    "organisation": _l("Through an organisation I trust"),
}

# 287(g) models as ICE names them in its spreadsheet.
MODELS = {
    "Jail Enforcement Model": "JEM",
    "Task Force Model": "TFM",
    "Warrant Service Officer": "WSO",
}

US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "PR": "Puerto Rico",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
    "MP": "Northern Mariana Islands",
    "AS": "American Samoa",
}
