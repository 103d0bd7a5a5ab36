"""Kandidaten: people looking for a job, matched to the plan's jobs or with jobs carved around them.

With a workspace open, the workspace's candidates are loaded into the table once, and
*In de werkruimte opslaan* stores the table there (HR sees them through its link);
without one they stay in this browser session. Either way they never reach a supplier:
the plan other pages share carries no person; which job was made for whom is kept
apart, for this page alone. Erasing a person (right to erasure) deletes them from the
session and, with a workspace open, from the database for good. Nothing about a
person is logged.
"""

import json

import pandas as pd
import streamlit as st

from bundler.domain import DAYS, DEMANDS
from bundler.io.task_sheets import SheetError
from bundler.people.adjustments import job_adjustments
from bundler.people.candidates import CandidateFile, parse_candidate_file
from bundler.people.carve import CarveConfig, carve
from bundler.people.match import match
from bundler.people.partnership import markdown as sheet_markdown
from bundler.people.partnership import plan_zip, sheet_files, sheet_of
from bundler.people.privacy import forget, strip_candidates, with_candidates
from bundler.people.sheets import (
    COLUMNS,
    candidates_xlsx,
    check_rows,
    merge_rows,
    read_candidates_xlsx,
    template_xlsx,
    to_rows,
)
from bundler.timetable import blocks
from bundler.ui import workspace
from bundler.ui.charts import DAY_LABELS, week_chart
from bundler.ui.session import DATA, current_check, tr
from bundler.validation import InputError

EXAMPLE = DATA / "candidates.json"
LEVELS = ["low", "medium", "high"]


def rows() -> list[dict]:
    if "people_rows" not in st.session_state:
        st.session_state["people_rows"] = []
        st.session_state["people_version"] = 0
    return st.session_state["people_rows"]


def set_rows(new: list[dict]) -> None:
    st.session_state["people_rows"] = new
    st.session_state["people_version"] = st.session_state.get("people_version", 0) + 1
    st.session_state.pop("people_match", None)


def labels() -> dict[str, str]:
    """Which job of the current plan was made for whom: only for the plan this page handed out."""
    kept = st.session_state.get("people_labels")
    if not kept or kept.get("plan") is not st.session_state.get("plan"):
        return {}
    return kept["labels"]


def load_from_workspace() -> None:
    """Once per opened workspace: its stored candidates become the table (unless it stores none)."""
    source = st.session_state.get("workspace_id") if workspace.is_open() else None
    if st.session_state.get("people_from") == source:
        return
    st.session_state["people_from"] = source
    if source is None:
        return
    try:
        stored = workspace.repository().candidates(source)
    except Exception:  # noqa: BLE001 - a database that went away; the message names no person
        st.error(tr("De kandidaten van de werkruimte zijn nu niet te laden.",
                    "The workspace's candidates cannot be loaded now."))
        return
    if stored.candidates:
        set_rows(to_rows(stored))
        st.session_state.pop("people_labels", None)
        st.session_state.pop("people_carved", None)


def stored_file() -> CandidateFile | None:
    """The open workspace's candidates as stored now (None without a workspace or database)."""
    if not workspace.is_open():
        return None
    try:
        return workspace.repository().candidates(st.session_state["workspace_id"])
    except Exception:  # noqa: BLE001
        return None


def day_name(day: str) -> str:
    return DAY_LABELS[st.session_state["lang"]][DAYS.index(day)]


st.title(tr("Kandidaten", "Candidates"))
if workspace.is_open():
    st.caption(tr("Mensen die werk zoeken, beschreven met wat ze kunnen en nodig hebben, nooit met een diagnose. "
                  "Opgeslagen in de werkruimte zien HR en de facilitair manager ze; leveranciers nooit.",
                  "People looking for work, described by what they can do and need, never by a diagnosis. "
                  "Saved in the workspace, HR and the facility manager see them; suppliers never do."))
else:
    st.caption(tr("Mensen die werk zoeken, beschreven met wat ze kunnen en nodig hebben, nooit met een diagnose. "
                  "Zonder open werkruimte staan kandidaten alleen in deze sessie; leveranciers zien ze nooit.",
                  "People looking for work, described by what they can do and need, never by a diagnosis. "
                  "Without an open workspace, candidates stay in this session only; suppliers never see them."))
rows()
load_from_workspace()
check = current_check()
task_file = check.task_file

left, right = st.columns(2)
if left.button(tr("Voorbeeldkandidaten laden", "Load the example candidates"), width="stretch", key="people_example"):
    set_rows(to_rows(CandidateFile.model_validate(json.loads(EXAMPLE.read_text(encoding="utf-8")))))
    st.session_state.pop("people_labels", None)
if right.button(tr("Leeg beginnen", "Start empty"), width="stretch", key="people_empty"):
    set_rows([])
    st.session_state.pop("people_labels", None)

LABELS = {"id": "id", "alias": tr("schuilnaam", "alias"), "available": tr("beschikbaar", "available"),
          "min_week_hours": tr("min uur/week", "min h/week"), "max_week_hours": tr("max uur/week", "max h/week"),
          "max_day_hours": tr("max uur/dag", "max h/day"), "max_work_days": tr("max dagen", "max days"),
          "skills": tr("kan", "skills"), "learnable": tr("wil leren", "learnable"),
          "physical_load": tr("lichamelijk", "physical load"), "pace": tr("tempo", "pace"),
          "interruptions": tr("onderbrekingen", "interruptions"), "independence": tr("zelfstandigheid", "independence"),
          "customer_contact": tr("klantcontact", "customer contact"), "reach": tr("bereik", "reach"),
          "note": tr("notitie (HR)", "note (HR)")}
config = {c: LABELS[c] for c in COLUMNS}
config["available"] = st.column_config.TextColumn(
    LABELS["available"], width="medium",
    help=tr("Bijv. 'ma-vr 09:00-15:00' of 'ma/wo 08:00-12:00; vr 13:00-17:00'. Leeg = altijd.",
            "E.g. 'ma-vr 09:00-15:00' or 'ma/wo 08:00-12:00; vr 13:00-17:00'. Empty = any time."))
config.update({d: st.column_config.SelectboxColumn(
    LABELS[d], options=LEVELS, help=tr("Het hoogste niveau dat iemand aankan; leeg = geen grens.",
                                       "The highest level a person can take; empty = no limit.")) for d in DEMANDS})
config["note"] = st.column_config.TextColumn(LABELS["note"], help=tr(
    "Alleen voor HR en de manager; nooit voor leveranciers. Geen medische gegevens.",
    "For HR and the manager only; never for suppliers. No medical details."))
key = f"people_editor_{st.session_state['people_version']}"
base = pd.DataFrame(rows(), columns=list(COLUMNS), index=pd.RangeIndex(1, len(rows()) + 1))
edited = st.data_editor(base, key=key, num_rows="dynamic", width="stretch", column_config=config)
st.session_state["people_rows"] = edited.astype(object).where(edited.notna(), None).to_dict("records")

people, problems = check_rows(rows(), task_file)
for problem in problems:
    st.error(problem)
if people is not None:
    st.success(tr(f"{len(people.candidates)} kandidaten, alles in orde.",
                  f"{len(people.candidates)} candidates, all fine."))

if workspace.is_open():
    stored = stored_file()
    same = stored is not None and people is not None and stored.to_json_dict() == people.to_json_dict()
    left, right = st.columns([1, 2])
    if left.button(tr("In de werkruimte opslaan", "Save in the workspace"), key="people_save", type="primary",
                   disabled=people is None or same):
        try:
            saved = workspace.repository().save_candidates(st.session_state["workspace_id"], people,
                                                           by=workspace.who())
        except InputError as error:
            for problem in error.problems:
                st.error(problem)
        except Exception:  # noqa: BLE001 - the message names no person
            st.error(tr("Niet opgeslagen: de werkruimte is nu niet bereikbaar.",
                        "Not saved: the workspace cannot be reached now."))
        else:
            st.session_state["people_saved"] = len(saved.candidates)
            st.rerun()
    if "people_saved" in st.session_state:
        n = st.session_state.pop("people_saved")
        right.success(tr(f"{n} kandidaten opgeslagen in de werkruimte.", f"{n} candidates saved in the workspace."))
    elif same:
        right.caption(tr("Opgeslagen in de werkruimte.", "Saved in the workspace."))
    elif stored is not None:
        right.caption(tr(f"Niet opgeslagen wijzigingen (de werkruimte heeft {len(stored.candidates)} kandidaten).",
                         f"Unsaved changes (the workspace holds {len(stored.candidates)} candidates)."))

with st.expander(tr("Importeren en exporteren", "Import and export")):
    upload = st.file_uploader(tr("Kandidaten (Excel of JSON)", "Candidates (Excel or JSON)"), type=["xlsx", "json"],
                              key="people_upload")
    if upload is not None and st.session_state.get("people_imported") != (upload.name, upload.size):
        try:
            content = upload.getvalue()
            if upload.name.lower().endswith(".json"):
                imported = to_rows(parse_candidate_file(json.loads(content.decode("utf-8-sig")), task_file))
            else:
                imported = read_candidates_xlsx(content, upload.name)
        except (SheetError, InputError) as error:
            for problem in error.problems:
                st.error(f"{upload.name}: {problem}" if not problem.startswith(upload.name) else problem)
        except (ValueError, UnicodeDecodeError) as error:
            st.error(tr(f"{upload.name}: geen geldig JSON-bestand ({type(error).__name__})",
                        f"{upload.name}: not a valid JSON file ({type(error).__name__})"))
        else:
            merged, replaced, added = merge_rows(rows(), imported)
            set_rows(merged)
            st.session_state["people_imported"] = (upload.name, upload.size)
            st.success(tr(f"{upload.name}: {added} kandidaten toegevoegd, {replaced} vervangen.",
                          f"{upload.name}: {added} candidates added, {replaced} replaced."))
            st.rerun()
    a, b, c = st.columns(3)
    a.download_button(tr("Sjabloon Excel", "Template Excel"), template_xlsx(), "kandidaten-sjabloon.xlsx",
                      key="people_template")
    if people is not None:
        b.download_button(tr("Alle kandidaten (JSON)", "All candidates (JSON)"),
                          json.dumps(people.to_json_dict(), indent=2, ensure_ascii=False), "kandidaten.json",
                          "application/json", key="people_export_json")
        c.download_button(tr("Alle kandidaten (Excel)", "All candidates (Excel)"), candidates_xlsx(people),
                          "kandidaten.xlsx", key="people_export_xlsx")

ids = [str(r.get("id")) for r in rows() if r.get("id")]
if ids:
    with st.expander(tr("Eén kandidaat: gegevens downloaden of verwijderen",
                        "One candidate: download or delete")):
        chosen = st.selectbox(tr("Kandidaat", "Candidate"), ids, key="people_one")
        in_store = workspace.is_open() and chosen in (stored_file() or CandidateFile()).by_id()
        one = people.only(chosen).to_json_dict() if people is not None else None
        a, b = st.columns(2)
        if in_store:  # what the workspace holds about the person
            one = workspace.repository().export_candidate(st.session_state["workspace_id"], chosen)
        if one is not None:
            a.download_button(tr(f"Gegevens van {chosen} (JSON)", f"Data of {chosen} (JSON)"),
                              json.dumps(one, indent=2, ensure_ascii=False), f"{chosen}.json",
                              "application/json", key="people_one_export")
        if b.button(tr("Verwijderen (recht op vergetelheid)", "Delete (right to erasure)"), key="people_erase",
                    type="secondary", help=tr(f"Verwijdert {chosen} uit deze sessie en, met een open werkruimte, "
                                              "voorgoed uit de database.",
                                              f"Deletes {chosen} from this session and, with a workspace open, "
                                              "from the database for good.")):
            if workspace.is_open():
                try:
                    workspace.repository().delete_candidate(st.session_state["workspace_id"], chosen)
                except Exception:  # noqa: BLE001 - the message names no person
                    st.error(tr("Niet verwijderd: de werkruimte is nu niet bereikbaar. Probeer het opnieuw.",
                                "Not deleted: the workspace cannot be reached now. Try again."))
                    st.stop()
            set_rows([r for r in rows() if str(r.get("id")) != chosen])
            if labels():
                st.session_state["people_labels"]["labels"] = forget(labels(), chosen)
            st.session_state.pop("people_carved", None)
            st.session_state["people_erased"] = chosen
            st.rerun()
if "people_erased" in st.session_state:
    gone = st.session_state.pop("people_erased")
    where = tr(" en uit de werkruimte", " and from the workspace") if workspace.is_open() else ""
    st.success(tr(f"{gone} is verwijderd uit deze sessie{where}.", f"{gone} is deleted from this session{where}."))

if people is None or not people.candidates:
    st.stop()

# --- matching against the plan -------------------------------------------------------------------

plan, plan_file = st.session_state.get("plan"), st.session_state.get("plan_file")
st.header(tr("Koppelen aan het plan", "Match to the plan"))
if plan is None or not plan.jobs:
    st.info(tr("Nog geen plan met banen: ga naar Oplossen, of maak hieronder banen rond kandidaten.",
               "No plan with jobs yet: go to Solve, or carve jobs around candidates below."))
else:
    try:
        matched = match(plan_file, plan, parse_candidate_file(people.to_json_dict(), plan_file))
    except InputError as error:
        matched = None
        st.warning(tr("De kandidaten passen niet bij het takenbestand van het plan: ",
                      "The candidates do not match the plan's task file: ") + "; ".join(error.problems[:3]))
    if matched is not None:
        lang = st.session_state["lang"]
        names = {c.id: c.label for c in people.candidates}
        made_for = labels()
        st.metric(tr("Geplaatst", "Placed"), f"{len(matched.matches)} / {len(people.candidates)}")
        table = [{tr("Baan", "Job"): m.job, tr("Kandidaat", "Candidate"): names[m.candidate],
                  "score": m.score, tr("Te leren", "To learn"): ", ".join(m.to_learn),
                  tr("Gemaakt voor", "Made for"): made_for.get(m.job, ""),
                  tr("Waarom", "Why"): "; ".join(r.text(lang) for r in m.reasons)} for m in matched.matches]
        st.dataframe(pd.DataFrame(table), hide_index=True, width="stretch")
        if matched.matches:
            pick = st.selectbox(tr("Rooster van", "Rota of"), [m.job for m in matched.matches], key="people_rota",
                                format_func=lambda j: f"{j} · {names[next(m.candidate for m in matched.matches if m.job == j)]}")
            chosen_match = next(m for m in matched.matches if m.job == pick)
            rota, why = st.columns([3, 2])
            suppliers = {s.id: s.name or s.id for s in plan_file.suppliers}
            rota.altair_chart(week_chart(blocks(plan_file, plan, pick), suppliers, lang, height=360), width="stretch")
            why.markdown("\n".join(f"- {r.text(lang)}" for r in chosen_match.reasons))
        if matched.unmatched_candidates:
            st.subheader(tr("Niet geplaatst", "Not placed"))
            st.dataframe(pd.DataFrame([{tr("Kandidaat", "Candidate"): names[c], tr("Waarom", "Why"): t.text(lang)}
                                       for c, t in matched.unmatched_candidates]), hide_index=True, width="stretch")

# --- carving -----------------------------------------------------------------------------------------

st.header(tr("Banen maken rond kandidaten", "Carve jobs around candidates"))
if task_file is None:
    st.warning(tr("Los eerst de problemen in de taken op (pagina Taken).", "First fix the problems in the tasks (Tasks page)."))
    st.stop()
st.caption(tr("Uit de losse taken banen maken die aan elke regel voldoen én bij een kandidaat passen; daarna zoveel "
              "mogelijk andere banen. Kies één kandidaat (\"rond deze persoon\") of iedereen.",
              "Make jobs from the loose tasks that obey every rule and fit a candidate; then as many other jobs as "
              "possible. Pick one candidate (\"around this person\") or everyone."))
a, b, c = st.columns([2, 1, 1])
who = a.selectbox(tr("Rond wie?", "Around whom?"), ["*", *[p.id for p in people.candidates]], key="people_carve_who",
                  format_func=lambda k: tr("iedereen", "everyone") if k == "*" else
                  next(p.label for p in people.candidates if p.id == k))
seconds = b.number_input(tr("Seconden", "Seconds"), 2.0, 300.0, 20.0, 1.0, key="people_carve_seconds")
keep_plan = c.checkbox(tr("Huidige banen houden", "Keep current jobs"), key="people_carve_keep",
                       disabled=plan is None or plan_file is None or plan_file.tasks != task_file.tasks,
                       help=tr("De banen van het huidige plan blijven; alleen de losse taken worden gebruikt.",
                               "The current plan's jobs stay; only the loose tasks are used."))
if st.button(tr("Banen maken", "Carve jobs"), type="primary", key="people_carve"):
    keep = with_candidates(plan, labels()) if keep_plan and plan is not None else None
    with st.spinner(tr("Banen maken...", "Carving jobs...")):
        try:
            result = carve(task_file, people, keep, CarveConfig(time_limit=float(seconds)),
                           only=None if who == "*" else [who])
        except InputError as error:
            st.error("; ".join(error.problems[:5]))
        else:
            st.session_state["people_carved"] = {"result": result, "task_file": task_file, "who": who}
carved = st.session_state.get("people_carved")
if carved is not None and carved["task_file"] is task_file:
    result = carved["result"]
    lang = st.session_state["lang"]
    names = {c.id: c.label for c in people.candidates}
    k = result.plan.kpis
    m1, m2, m3 = st.columns(3)
    m1.metric(tr("Geplaatst", "Placed"), len(result.placed))
    m2.metric(tr("Banen", "Jobs"), k.jobs)
    m3.metric(tr("Uren gebundeld", "Hours bundled"), f"{k.bundled_hours:g}")
    jobs = {j.id: j for j in result.plan.jobs}
    st.dataframe(pd.DataFrame([{
        tr("Kandidaat", "Candidate"): names.get(c, c), tr("Baan", "Job"): j, tr("Uren", "Hours"): jobs[j].hours,
        tr("Dagen", "Days"): ", ".join(dict.fromkeys(day_name(e.day) for e in jobs[j].schedule)),
        tr("Aanpassingen", "Adjustments"): ", ".join(job_adjustments(task_file, jobs[j], people, lang))}
        for c, j in sorted(result.placed.items())]), hide_index=True, width="stretch")
    for u in result.unplaced:
        text = u.blockers.text(lang)
        if u.nearest is not None:
            text += "\n\n" + tr("**Wat zou helpen:** ", "**What would help:** ") + u.nearest.text(lang)
        st.warning(f"**{names.get(u.candidate, u.candidate)}**: {text}")
    if st.button(tr("Dit plan gebruiken", "Use this plan"), key="people_use_plan"):
        shared, made_for = strip_candidates(result.plan)
        st.session_state["plan"], st.session_state["plan_file"] = shared, task_file
        st.session_state["people_labels"] = {"plan": shared, "labels": made_for}
        st.success(tr("Het plan staat nu op Roosters, Leverancier en Vacatures, zonder namen van kandidaten.",
                      "The plan is now on Schedules, Supplier and Vacancies, without any candidate."))
        st.rerun()

# --- partnership sheets ----------------------------------------------------------------------------------

plan, plan_file = st.session_state.get("plan"), st.session_state.get("plan_file")
if plan is not None and plan.jobs:
    st.header(tr("Partnerschap per baan", "Partnership per job"))
    st.caption(tr("Voor het tweede gesprek: wie is werkgever (cao), detachering bij de partner, jobcoach, en hoe de baan "
                  "telt voor de banenafspraak en de social return van elke leverancier.",
                  "For the second meeting: who employs (CAO), secondment to the partner, job coach, and how the job "
                  "counts for the banenafspraak and each supplier's social return."))
    lang = st.session_state["lang"]
    shown = with_candidates(plan, labels())
    job_id = st.selectbox(tr("Baan", "Job"), [j.id for j in shown.jobs], key="people_sheet_job")
    sheet = sheet_of(plan_file, next(j for j in shown.jobs if j.id == job_id), people)
    st.markdown(sheet_markdown(sheet, lang))
    files = sheet_files(sheet, (lang,))
    cols = st.columns(len(files) + 1)
    for col, (name, content) in zip(cols, files.items(), strict=False):
        col.download_button(name, content, name, key=f"people_sheet_{name}")
    cols[-1].download_button(tr("Alle banen (zip)", "All jobs (zip)"), plan_zip(plan_file, shown, people),
                             "partnerschap.zip", "application/zip", key="people_sheet_zip")
