"""New report for someone, its receipt, and the entries of the signed-in account.

Not rate limited like the public form (a volunteer on a busy hotline enters many), but an
account that enters more than VOLUNTEER_FLAG_PER_HOUR in an hour is flagged to admins, once an
hour: an audit event and an email to each active admin (workers/volunteer_tasks.py).
"""

from __future__ import annotations

from datetime import timedelta

from babel import Locale
from flask import Response, abort, current_app, make_response, render_template, request
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select

from ..agencies import offered_agencies
from ..auth.permissions import ENTER_REPORTS, requires
from ..dispatch import enqueue_attachments, enqueue_report, send_by_name
from ..evidence.sealed import discard, seal_uploads
from ..evidence.uploads import accepts_evidence, received_files
from ..extensions import db
from ..models import AuditEvent, Report
from ..models.audit import audit
from ..public.agency_choice import showing_agencies
from ..public.keepsake import follow_up_address, urgent_hotline
from ..public.submission import accept
from ..staff.workflow import REPORTER_STATUS
from ..timeutil import utcnow
from . import bp
from .forms import CHANNELS, OTHER_LANGUAGE, VolunteerReportForm

FLAG_TASK = "flag_heavy_entry"
# Rendered by the loop of templates/volunteer/new.html in their own places, not in the list.
PLACED = {
    "csrf_token", "submission", "website", "files", "channel", "spoken_language", "script_read",
    "consent_review", "consent_referral", "consent_statistics", "script_language",
}  # fmt: skip


def language_names() -> dict[str, str]:
    """Each language we have, by its name in itself ("English", "español")."""
    languages = current_app.config["LANGUAGES"]
    return {code: Locale.parse(code).get_display_name(code) for code in languages}


def script_language() -> str:
    """The language the consent script is shown in: the one the person speaks, if we have it."""
    wanted = request.values.get("spoken") or request.values.get("spoken_language") or ""
    languages = current_app.config["LANGUAGES"]
    return wanted if wanted in languages else str(current_user.language or "en")


def consent_script(language: str) -> dict[str, str]:
    """What the volunteer reads aloud, in `language`, before asking each consent separately."""
    with force_locale(language):
        return {
            "intro": str(_l(
                "I will write down what happened so that our team can help. You do not have to "
                "give your name, and we never ask about immigration status. I will ask you three "
                "separate questions; you can say no to any of them."
            )),
            "review": str(_l("Do you agree that the staff of our organisation read your report?")),
            "referral": str(_l(
                "May we send your case to the DHS civil rights office, ICE's Office of "
                "Professional Responsibility or an attorney? Without this we send it to no one."
            )),
            "statistics": str(_l(
                "May we count your report, without anything that identifies you, in public "
                "statistics?"
            )),
            "receipt": str(_l(
                "You will get a receipt code. With it you can follow up on your report; "
                "nobody can find it without the code."
            )),
        }  # fmt: skip


def new_form(formdata: object = None) -> VolunteerReportForm:
    form = VolunteerReportForm() if formdata is None else VolunteerReportForm(formdata=formdata)
    form.set_agency_choices(offered_agencies())
    form.set_languages(language_names())
    return form


def render_new(form: VolunteerReportForm, status: int = 200, **context: object) -> Response:
    spoken = script_language()
    if not form.spoken_language.data:
        form.spoken_language.data = request.args.get("spoken") or spoken
    page = render_template(
        "volunteer/new.html",
        form=form,
        placed=PLACED,
        script=consent_script(spoken),
        script_language=spoken,
        interpreted=form.spoken_language.data == OTHER_LANGUAGE,
        **context,
    )
    response = make_response(page, status)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/new", methods=["GET", "POST"])
@accepts_evidence
@requires(ENTER_REPORTS)
def new_report() -> Response:
    if request.method == "GET":
        return render_new(new_form())
    form = new_form()
    if showing_agencies():  # the button under the state, without JavaScript: nothing is saved
        return render_new(form, files_left_behind=bool(received_files()), focus_agency=True)
    if not form.validate_on_submit():
        return render_new(form, 400, files_dropped=bool(received_files()))
    attachments, files = seal_uploads(received_files(), source="volunteer")
    extra = {
        "entered_by_id": current_user.id,
        "channel": form.channel.data,
        "spoken_language": form.spoken_language.data,
    }
    receipt, report_id = accept(form, extra=extra, attachments=attachments)
    if report_id is None:  # the same entry sent twice
        discard(attachments)
        files = []
    else:
        audit(
            "report.entered",
            actor=current_user,
            report_id=report_id,
            channel=form.channel.data,
            spoken_language=form.spoken_language.data,
        )
        db.session.commit()
        enqueue_report(report_id)
        enqueue_attachments([row.id for row in attachments])
        flag_heavy_entry()
    language = form.spoken_language.data
    language = language if language in current_app.config["LANGUAGES"] else current_user.language
    page = render_template(
        "volunteer/received.html",
        receipt=receipt,
        again=report_id is None,
        files=files,
        message=receipt_message(receipt, language or "en"),
    )
    response = make_response(page)
    response.headers["Cache-Control"] = "no-store"
    return response


def receipt_message(receipt: str, language: str) -> str:
    """A text the volunteer may send the person by SMS or WhatsApp, in their language."""
    hotline = urgent_hotline()
    with force_locale(language):
        return str(
            _l(
                "Your report receipt code: %(code)s. Keep it private. To follow up, open "
                "%(address)s and type the code. Urgent help: %(name)s %(phone)s.",
                code=receipt,
                address=follow_up_address(),
                name=hotline.name,
                phone=hotline.phone,
            )
        )


def flag_heavy_entry() -> None:
    """Flag this account to admins if it entered more reports in the last hour than the limit
    (once per hour: the audit log says whether it was flagged already)."""
    limit = current_app.config["VOLUNTEER_FLAG_PER_HOUR"]
    since = utcnow() - timedelta(hours=1)
    count = db.session.scalar(
        select(func.count(Report.id)).where(
            Report.entered_by_id == current_user.id, Report.created_at >= since
        )
    )
    if count <= limit:
        return
    flagged = db.session.scalar(
        select(AuditEvent.id).where(
            AuditEvent.action == "volunteer.flagged",
            AuditEvent.target_user_id == current_user.id,
            AuditEvent.at >= since,
        )
    )
    if flagged:
        return
    flag = audit("volunteer.flagged", target_user_id=current_user.id, count=count, limit=limit)
    db.session.commit()
    send_by_name(FLAG_TASK, flag.id)


def own_report(report_id: int) -> Report:
    report = db.session.get(Report, report_id)
    if report is None or report.entered_by_id != current_user.id:
        abort(404)
    return report


@bp.get("/mine")
@requires(ENTER_REPORTS)
def mine() -> str:
    """The reports this account entered, newest first (a volunteer sees only these)."""
    reports = db.session.scalars(
        select(Report)
        .where(Report.entered_by_id == current_user.id)
        .order_by(Report.created_at.desc())
        .limit(200)
    ).all()
    return render_template(
        "volunteer/mine.html", reports=reports, channels=CHANNELS, status=REPORTER_STATUS
    )


@bp.get("/reports/<int:report_id>")
@requires(ENTER_REPORTS)
def entered(report_id: int) -> str:
    """Where one of this account's entries stands, with the redacted text staff read."""
    report = own_report(report_id)
    return render_template(
        "volunteer/entered.html", report=report, channels=CHANNELS, status=REPORTER_STATUS
    )
