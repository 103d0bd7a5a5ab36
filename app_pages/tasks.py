"""Tasks page: load or start, edit the tables, open and save the kick-off, live validation."""

import json

import pandas as pd
import streamlit as st

from bundler.domain import DEMANDS
from bundler.file_names import safe_file_stem
from bundler.io.kickoff_book import kickoff_xlsx, template_kickoff_xlsx
from bundler.io.task_sheets import tasks_csv, template_csv
from bundler.left_over import own_reasons
from bundler.tables import columns
from bundler.ui.import_report import show_report
from bundler.ui.importing import KINDS, import_file
from bundler.ui.session import (
    current_check,
    load_example,
    problem,
    set_tables,
    start_empty,
    tables,
    tr,
)
from bundler.ui.text import md
from bundler.words import number

st.title(tr("Taken van de leveranciers", "The suppliers' tasks"))

left, middle, right = st.columns(3)
if left.button(tr("Voorbeeld kick-off laden", "Load the example kick-off"), width="stretch"):
    load_example("uu_kickoff")
if middle.button(tr("Kleine oefenset laden", "Load the small tutorial"), width="stretch"):
    load_example("tutorial")
if right.button(tr("Leeg beginnen", "Start empty"), width="stretch"):
    start_empty()

data = tables()
data.name = st.text_input(tr("Naam van de kick-off", "Name of the kick-off"), value=data.name)

SECTIONS = {
    "tasks": tr("Taken", "Tasks"),
    "suppliers": tr("Leveranciers", "Suppliers"),
    "locations": tr("Locaties", "Locations"),
    "travel": tr("Reistijden (min)", "Travel (min)"),
    "skills": tr("Vaardigheden", "Skills"),
}
LABELS = {
    "supplier": tr("leverancier", "supplier"), "title": tr("omschrijving", "title"), "location": tr("locatie", "location"),
    "slots": tr("tijden", "slots"), "skills": tr("vaardigheden", "skills"), "name": tr("naam", "name"),
    "sector": "sector", "cao": "cao", "site": tr("terrein", "site"), "from": tr("van", "from"), "to": tr("naar", "to"),
    "minutes": tr("minuten", "minutes"), "label": tr("omschrijving", "label"), "esco": "ESCO",
    "physical_load": tr("lichamelijk zwaar", "physical load"), "pace": tr("tempo", "pace"),
    "interruptions": tr("onderbrekingen", "interruptions"), "independence": tr("zelfstandigheid", "independence"),
    "customer_contact": tr("klantcontact", "customer contact"), "hygiene": tr("hygiëne", "hygiene"),
}
LEVELS = {"low": tr("laag", "low"), "medium": tr("gemiddeld", "medium"), "high": tr("hoog", "high")}
HYGIENE = {"dirty": tr("vuil", "dirty"), "clean": tr("schoon", "clean"), "food": tr("eten", "food"),
           "patient": tr("patiënt", "patient")}
HELP = {
    "slots": tr("Bijv. 'ma-vr 07:00-10:00' of 'di/do 08:00-16:00 2u flexibel'; meerdere met ;",
                "E.g. 'ma-vr 07:00-10:00' or 'di/do 08:00-16:00 2u flexibel'; several with ;"),
    "skills": tr("Ids van vaardigheden, gescheiden door komma's", "Skill ids, separated by commas"),
}

check = current_check()
version = st.session_state["tables_version"]
for section, tab in zip(SECTIONS, st.tabs(list(SECTIONS.values()))):
    with tab:
        key = f"editor_{section}_{version}"
        base_key = f"base_{section}"
        if key not in st.session_state or base_key not in st.session_state:
            # First show after a load or a page switch: start from everything typed so far.
            rows = data.rows[section]
            st.session_state[base_key] = pd.DataFrame(rows, columns=columns(data, section),
                                                      index=pd.RangeIndex(1, len(rows) + 1))
        base = st.session_state[base_key]
        config = {c: LABELS[c] for c in base.columns if c in LABELS}
        if section == "tasks":
            config.update({c: st.column_config.TextColumn(LABELS[c], help=HELP[c], width="large" if c == "slots" else None)
                           for c in HELP})
            config.update({c: st.column_config.SelectboxColumn(
                LABELS[c], options=["low", "medium", "high"], format_func=LEVELS.get,
                help=tr("Taakscreening (optioneel): laag, gemiddeld of hoog; leeg = onbekend",
                        "Task screening (optional): low, medium or high; empty = unknown")) for c in DEMANDS})
            config["hygiene"] = st.column_config.SelectboxColumn(
                LABELS["hygiene"], options=["dirty", "clean", "food", "patient"], format_func=HYGIENE.get,
                help=tr("Optioneel. Vuil werk: afval, vuil linnen, sanitair, eindschoonmaak; schoon: schoon "
                        "linnen of steriele spullen; eten: werk met eten; patiënt: werk bij patiënten. Op één dag "
                        "komt vuil werk nooit vóór de andere drie. Leeg = geen van deze.",
                        "Optional. dirty = waste, soiled linen, sanitary rooms, discharge cleaning; clean = clean "
                        "linen or sterile goods; food = work with food; patient = work near patients. On one day "
                        "dirty work never comes before the other three. Empty = none of these."))
        edited = st.data_editor(base, key=key, num_rows="dynamic", width="stretch", column_config=config,
                                hide_index=False)
        data.rows[section] = edited.astype(object).where(edited.notna(), None).to_dict("records")
        check = current_check()
        row_problems = {n: ps for (s, n), ps in check.by_row.items() if s == section}
        for row, problems in sorted(row_problems.items()):
            row_id = data.rows[section][row - 1].get("id") if row <= len(data.rows[section]) else ""
            for line in problems:
                st.error(tr(f"Rij {row} ({md(row_id)}): {md(problem(line))}", f"Row {row} ({md(row_id)}): {md(line)}"))

empty = not any(any(v not in (None, "") for v in row.values()) for row in data.rows["tasks"])
if empty:  # an empty start: say what to do, not "file: there are no tasks"
    st.info(tr("Nog geen taken. Open hieronder een kick-off (JSON of Excel) of typ de taken in de tabel.",
               "No tasks yet. Open a kick-off below (JSON or Excel) or type the tasks into the table."))
for line in check.general:
    if not (empty and line.endswith("there are no tasks")):
        st.error(md(problem(line)))
if check.task_file is not None:
    tf = check.task_file
    hours = sum(t.hours for t in tf.tasks)
    st.success(tr(f"Alles in orde: {len(tf.tasks)} taken, {number(hours)} uur per week.",
                  f"All fine: {len(tf.tasks)} tasks, {number(hours, 'en')} hours a week."))
elif not empty:
    st.warning(tr(f"{len(check.problems)} probleem/problemen: los ze op voordat je oplost.",
                  f"{len(check.problems)} problem(s): fix them before solving."))
noted = {row: str(data.rows["tasks"][row - 1].get("id") or "") for (_, row) in check.notes
         if 0 < row <= len(data.rows["tasks"])}
why = own_reasons(check.task_file, list(noted.values()), st.session_state["lang"]) if check.task_file else {}
for (_, row), notes in sorted(check.notes.items()):
    task_id = noted.get(row)
    if task_id in why:  # the same reason the plan will give, in the reader's language
        st.warning(tr(f"Rij {row} ({md(task_id)}): deze taak past in geen enkele baan; {md(why[task_id])}.",
                      f"Row {row} ({md(task_id)}): no job can hold this task; {md(why[task_id])}."))
        continue
    for note in notes:
        st.warning(tr(f"Rij {row}: deze taak past in geen enkele baan. {md(problem(note))}",
                      f"Row {row}: no job can hold this task. {md(note)}") if row else md(problem(note)))

st.subheader(tr("Openen en opslaan", "Open and save"))
st.caption(tr("Een hele kick-off: het JSON-takenbestand of de Excel-werkmap (uitleg, regels, leveranciers, locaties, "
              "reistijden, vaardigheden en één takenblad per leverancier). Of alleen taken: een CSV-bestand zoals "
              "het sjabloon. Zelfde id vervangt, nieuwe id wordt toegevoegd.",
              "A whole kick-off: the JSON task file or the Excel workbook (instructions, rules, suppliers, locations, "
              "travel, skills and one task sheet per supplier). Or tasks only: CSV with columns id, supplier, "
              "title, location, skills, slots. Same id replaces, new id is added."))
replace = st.radio(tr("Wat gebeurt er met wat er nu staat?", "What happens to what is here now?"), ["merge", "replace"],
                   format_func={"merge": tr("Aanvullen: het bestand komt erbij", "Add: the file comes on top"),
                                "replace": tr("Vervangen: het bestand is de hele kick-off",
                                              "Replace: the file is the whole kick-off")}.get,
                   horizontal=True, key="import_mode") == "replace"
upload = st.file_uploader(tr("Kick-off of taken (JSON, Excel of CSV)", "Kick-off or tasks (JSON, Excel or CSV)"),
                          type=list(KINDS), key="task_upload")
if upload is not None and st.session_state.get("imported") != (upload.name, upload.size):
    st.session_state["imported"] = (upload.name, upload.size)
    new_tables, report = import_file(data, upload.getvalue(), upload.name, replace)
    st.session_state["import_report"] = report
    if report.changed:
        set_tables(new_tables)
        st.rerun()
show_report(st.session_state.get("import_report"))

c1, c2, c3 = st.columns(3)
c1.download_button(tr("Sjabloon kick-off (Excel)", "Kick-off template (Excel)"), template_kickoff_xlsx(),
                   "kick-off-sjabloon.xlsx", key="template_xlsx", width="stretch")
c2.download_button(tr("Kick-off opslaan (Excel)", "Save the kick-off (Excel)"), kickoff_xlsx(data),
                   f"{safe_file_stem(data.name or 'kick-off')}.xlsx", key="kickoff_xlsx", width="stretch")
c3.download_button(tr("Kick-off opslaan (JSON)", "Save the kick-off (JSON)"),
                   json.dumps(check.task_file.to_json_dict(), indent=2, ensure_ascii=False)
                   if check.task_file is not None else b"", f"{safe_file_stem(data.name or 'kick-off')}.json",
                   "application/json", key="kickoff_json", width="stretch", disabled=check.task_file is None,
                   help=None if check.task_file is not None else tr("Eerst de problemen oplossen.",
                                                                    "First fix the problems."))
c1, c2, _ = st.columns(3)
c1.download_button(tr("Sjabloon taken (CSV)", "Task template (CSV)"), template_csv(), "taken-sjabloon.csv", "text/csv",
                   key="template_csv", width="stretch")
c2.download_button(tr("Taken als CSV", "Tasks as CSV"), tasks_csv(data.rows["tasks"]), "taken.csv", "text/csv",
                   key="tasks_csv", width="stretch")
