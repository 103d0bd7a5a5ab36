"""Vacancies page: a competency-based vacancy draft per job, to preview and download."""

import re

import streamlit as st

from bundler.ui.session import tr
from bundler.vacancies import (
    build_draft,
    load_catalogue,
    markdown,
    plan_files,
    zip_bytes,
)
from bundler.vacancies.files import FORMATS, draft_files, file_name

st.title(tr("Vacatures", "Vacancies"))
plan, task_file = st.session_state.get("plan"), st.session_state.get("plan_file")
if plan is None or not plan.jobs:
    st.info(tr("Nog geen plan met banen: ga naar Oplossen. Daarna staat hier per baan een vacaturetekst.",
               "No plan with jobs yet: go to Solve. Then you find a vacancy draft per job here."))
    st.stop()

st.caption(tr("Per baan een concept-vacature, gemaakt van de taken, vaardigheden (met ESCO-verwijzing), het rooster "
              "en de plaatsen. Nederlands op taalniveau B1, of Engels. Vul de [haakjes] in en lees het na.",
              "A draft vacancy per job, made from its tasks, skills (with ESCO reference), rota and places. "
              "Dutch at language level B1, or English. Fill in the [brackets] and read it through."))
names = {s.id: s.name or s.id for s in task_file.suppliers}
jobs = {j.id: j for j in plan.jobs}
left, right = st.columns([3, 2])
job_id = left.selectbox(tr("Baan", "Job"), list(jobs), key="vacancy_job",
                        format_func=lambda j: f"{j}: {jobs[j].hours:g} u, {' + '.join(names[s] for s in jobs[j].suppliers)}")
if "vacancy_lang" not in st.session_state:
    st.session_state["vacancy_lang"] = st.session_state["lang"]
lang = right.radio(tr("Taal van de vacature", "Language of the vacancy"), ["nl", "en"], key="vacancy_lang",
                   horizontal=True, format_func=lambda code: {"nl": "Nederlands (B1)", "en": "English"}[code])

catalogue = load_catalogue()
draft = build_draft(task_file, plan, job_id, lang, catalogue)
files = draft_files(draft)
buttons = st.columns(4)
for column, fmt, label in zip(buttons, FORMATS, ("Markdown", "Word (DOCX)", "JSON-LD")):
    name = file_name(job_id, lang, fmt)
    column.download_button(label, files[name], name, FORMATS[fmt], key=f"vacancy_{fmt}", icon=":material/download:")
buttons[3].download_button(tr("Alle vacatures (zip)", "All vacancies (zip)"),
                           lambda: zip_bytes(plan_files(task_file, plan, catalogue=catalogue)), "vacatures.zip",
                           "application/zip", key="vacancy_zip", icon=":material/folder_zip:")
st.divider()
with st.container(border=True):
    # Two heading levels down, so the draft's title does not outshout the page's.
    st.markdown(re.sub(r"^(#+) ", r"##\1 ", markdown(draft), flags=re.MULTILINE))
