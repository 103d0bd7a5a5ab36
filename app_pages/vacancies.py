"""Vacancies page: the kick-off's vacancy settings (once), then a draft per job to preview and download."""

import re

import streamlit as st

from bundler.people.privacy import session_adjustments
from bundler.ui import workspace
from bundler.ui.session import tr
from bundler.vacancies import (
    CatalogueError,
    LocalText,
    VacancySettings,
    build_draft,
    load_catalogue,
    markdown,
    plan_drafts,
    zip_bytes,
)
from bundler.vacancies.files import FORMATS, draft_files, file_name
from bundler.vacancies.settings import store_settings, stored_settings

CONTRACTS = {None: ("nog niet bekend", "not known yet"), "fixed_term": ("tijdelijk", "fixed-term"),
             "permanent": ("vast", "permanent")}
YES_NO = {None: ("nog niet bekend", "not known yet"), True: ("ja", "yes"), False: ("nee", "no")}
COACHES = {None: ("in overleg (nog niet afgesproken)", "to be agreed (not arranged yet)"),
           "employer": ("de werkgever regelt een jobcoach", "the employer arranges a job coach"),
           "partnership": ("werkgever en partner regelen samen een jobcoach", "employer and partner arrange one together"),
           "public": ("via UWV of de gemeente", "through UWV or the municipality"),
           "none": ("geen jobcoach", "no job coach")}


def label(options: dict, key) -> str:
    return tr(*options[key])


def current_settings() -> VacancySettings:
    """The kick-off's settings: from the session, else (once per workspace) from the workspace's newest plan."""
    source = st.session_state.get("workspace_id") if workspace.is_open() else None
    if "vacancy_settings" not in st.session_state or st.session_state.get("vacancy_settings_from") != source:
        found = None
        if source:
            try:
                plan_ids = sorted((p.id for p in workspace.repository().plans(source)), reverse=True)
                found = stored_settings(workspace.repository(), plan_ids)
            except ValueError as error:
                st.warning(tr(f"De bewaarde vacaturegegevens zijn niet te lezen ({error}); vul ze opnieuw in.",
                              f"The stored vacancy settings cannot be read ({error}); please fill them in again."))
        st.session_state["vacancy_settings"] = found or st.session_state.get("vacancy_settings") or VacancySettings()
        st.session_state["vacancy_settings_from"] = source
    return st.session_state["vacancy_settings"]


def both_languages(title: str, text: LocalText, key: str) -> LocalText:
    """A free text in Dutch and English side by side; each draft shows its own or a placeholder."""
    nl, en = st.columns(2)
    return LocalText(nl=nl.text_area(f"{title} (NL)", text.nl, key=f"{key}_nl", height=80),
                     en=en.text_area(f"{title} (EN)", text.en, key=f"{key}_en", height=80))


def settings_form(settings: VacancySettings, caos: list[str]) -> VacancySettings | None:
    """The form HR fills in once per kick-off; the new settings when saved, else None."""
    with st.form("vacancy_settings_form"):
        a, b, c = st.columns(3)
        start = a.date_input(tr("Startdatum", "Start date"), settings.start_date, key="vs_start", format="DD-MM-YYYY")
        contract = b.selectbox(tr("Contract", "Contract"), list(CONTRACTS), list(CONTRACTS).index(settings.contract_type),
                               key="vs_contract", format_func=lambda k: label(CONTRACTS, k))
        months = c.number_input(tr("Maanden (tijdelijk contract; 0 = nog niet bekend)",
                                   "Months (fixed-term contract; 0 = not known yet)"),
                                0, 120, settings.contract_months or 0, key="vs_months")
        st.markdown(tr("**Loonschaal per cao** (van de werkgevers in dit plan)",
                       "**Pay scale per collective agreement** (of the employers in this plan)"))
        pay = {cao: st.text_input(cao, settings.pay_scale(cao), key=f"vs_pay_{n}",
                                  placeholder=tr("bijvoorbeeld loongroep 1A (€ 14,40 per uur)",
                                                 "for example loongroep 1A (€ 14.40 an hour)"))
               for n, cao in enumerate(caos)}
        a, b, c = st.columns(3)
        vog = a.radio(tr("VOG nodig?", "Certificate of conduct (VOG) needed?"), list(YES_NO),
                      list(YES_NO).index(settings.vog_required), key="vs_vog", format_func=lambda k: label(YES_NO, k))
        clothes = b.radio(tr("Werkkleding van werkgever en partner?", "Work clothes from employer and partner?"),
                          list(YES_NO), list(YES_NO).index(settings.work_clothes), key="vs_clothes",
                          format_func=lambda k: label(YES_NO, k))
        coach = c.radio(tr("Jobcoach", "Job coach"), list(COACHES), list(COACHES).index(settings.job_coach),
                        key="vs_coach", format_func=lambda k: label(COACHES, k))
        training = both_languages(tr("Inwerken en opleiding", "Induction and training"), settings.training, "vs_training")
        access = both_languages(tr("Toegankelijkheid van de werkplek", "Accessibility of the workplace"),
                                settings.accessibility, "vs_access")
        apply = both_languages(tr("Zo solliciteer je", "How to apply"), settings.how_to_apply, "vs_apply")
        a, b, c = st.columns(3)
        name = a.text_input(tr("Contactpersoon", "Contact person"), settings.contact_name, key="vs_name")
        phone = b.text_input(tr("Telefoon", "Phone"), settings.contact_phone, key="vs_phone")
        email = c.text_input(tr("E-mail", "E-mail"), settings.contact_email, key="vs_email")
        if not st.form_submit_button(tr("Gegevens bewaren", "Keep these settings"), key="vs_save"):
            return None
    kept = {k: v for k, v in settings.pay_scales.items() if k not in pay}
    return VacancySettings(
        start_date=start, contract_type=contract, contract_months=months or None,
        pay_scales={**kept, **{cao: text.strip() for cao, text in pay.items() if text.strip()}},
        vog_required=vog, work_clothes=clothes, training=training, accessibility=access, job_coach=coach,
        how_to_apply=apply, contact_name=name.strip(), contact_phone=phone.strip(), contact_email=email.strip())


def keep(settings: VacancySettings) -> str:
    """Keep the settings in the session and, with a workspace and stored plan open, in the workspace."""
    st.session_state["vacancy_settings"] = settings
    plan_id = workspace.current_plan_id()
    if plan_id is None:
        return tr("Bewaard voor deze sessie. Open een werkruimte om ze voor iedereen te bewaren.",
                  "Kept for this session. Open a workspace to keep them for everyone.")
    store_settings(workspace.repository(), plan_id, settings, by=workspace.who())
    return tr("Bewaard in de werkruimte, voor alle vacatures van deze kick-off.",
              "Kept in the workspace, for every vacancy of this kick-off.")


st.title(tr("Vacatures", "Vacancies"))
plan, task_file = st.session_state.get("plan"), st.session_state.get("plan_file")
if plan is None or not plan.jobs:
    st.info(tr("Nog geen plan met banen: ga naar Oplossen. Daarna staat hier per baan een vacaturetekst.",
               "No plan with jobs yet: go to Solve. Then you find a vacancy draft per job here."))
    st.stop()
try:
    catalogue = load_catalogue()
except CatalogueError as error:
    st.error(tr(f"De vaardighedenlijst ontbreekt, dus er zijn geen vacatures te maken: {error}",
                f"The skills catalogue is missing, so no vacancies can be drafted: {error}"))
    st.stop()

st.caption(tr("Per baan een concept-vacature, gemaakt van de taken, vaardigheden, het rooster en de plaatsen. "
              "Nederlands op taalniveau B1, of Engels. ESCO-verwijzingen staan in de JSON-LD. "
              "Vul eerst hieronder één keer de gegevens voor alle vacatures in; wat leeg blijft, staat als "
              "[in te vullen: ...] in de tekst.",
              "A draft vacancy per job, made from its tasks, skills, rota and places. Dutch at language level B1, "
              "or English. ESCO references are in the JSON-LD. First fill in the settings for all vacancies below, "
              "once; what stays empty shows as [to fill in: ...] in the text."))
settings = current_settings()
suppliers = task_file.supplier_by_id()
employer_caos = list(dict.fromkeys(suppliers[j.employer].cao for j in plan.jobs if suppliers[j.employer].cao))
with st.expander(tr("Gegevens voor alle vacatures (één keer invullen)", "Settings for all vacancies (fill in once)"),
                 expanded=bool(settings.missing(employer_caos))):
    new = settings_form(settings, employer_caos)
    if new is not None:
        st.success(keep(new))
        settings = new

names = {s.id: s.name or s.id for s in task_file.suppliers}
jobs = {j.id: j for j in plan.jobs}
left, right = st.columns([3, 2])
job_id = left.selectbox(tr("Baan", "Job"), list(jobs), key="vacancy_job",
                        format_func=lambda j: f"{j}: {jobs[j].hours:g} u, {' + '.join(names[s] for s in jobs[j].suppliers)}")
if "vacancy_lang" not in st.session_state:
    st.session_state["vacancy_lang"] = st.session_state["lang"]
lang = right.radio(tr("Taal van de vacature", "Language of the vacancy"), ["nl", "en"], key="vacancy_lang",
                   horizontal=True, format_func=lambda code: {"nl": "Nederlands (B1)", "en": "English"}[code])

def adjusted(job, language: str) -> str:
    """A job carved around a person on *Kandidaten*: what is adjusted, never for whom."""
    return ", ".join(session_adjustments(st.session_state, task_file, job.id, language))


draft = build_draft(task_file, plan, job_id, lang, catalogue, settings, adjusted(jobs[job_id], lang))
files = draft_files(draft)
buttons = st.columns(4)
for column, fmt, text in zip(buttons, FORMATS, ("Markdown", "Word (DOCX)", "JSON-LD")):
    name = file_name(job_id, lang, fmt)
    column.download_button(text, files[name], name, FORMATS[fmt], key=f"vacancy_{fmt}", icon=":material/download:")
buttons[3].download_button(
    tr("Alle vacatures (zip)", "All vacancies (zip)"),
    lambda: zip_bytes({n: c for d in plan_drafts(task_file, plan, catalogue=catalogue, settings=settings,
                                                 adjustments=adjusted)
                       for n, c in draft_files(d).items()}),
    "vacatures.zip", "application/zip", key="vacancy_zip", icon=":material/folder_zip:")
if draft.notes:
    with st.expander(tr(f"Let op voor HR: {len(draft.notes)} punt(en) bij deze vacature",
                        f"For HR: {len(draft.notes)} point(s) on this vacancy")):
        for note in draft.notes:
            st.warning(note.text(st.session_state["lang"]))
st.divider()
with st.container(border=True):
    # Two heading levels down, so the draft's title does not outshout the page's.
    st.markdown(re.sub(r"^(#+) ", r"##\1 ", markdown(draft), flags=re.MULTILINE))
