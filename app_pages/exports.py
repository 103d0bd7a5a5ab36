"""Exports: the plan as JSON and as an Excel workbook, and per-supplier extracts."""

import json

import streamlit as st

from bundler.file_names import safe_file_stem
from bundler.io.plan_sheets import plan_xlsx, supplier_extract
from bundler.ui.session import current_check, tr
from bundler.ui.text import md

st.title(tr("Exporteren", "Export"))
check = current_check()
if check.task_file is not None:
    st.download_button(tr("Takenbestand (JSON)", "Task file (JSON)"),
                       json.dumps(check.task_file.to_json_dict(), indent=2, ensure_ascii=False), "taken.json",
                       "application/json")
plan, task_file = st.session_state.get("plan"), st.session_state.get("plan_file")
if plan is None:
    st.info(tr("Nog geen plan: ga naar Oplossen.", "No plan yet: go to Solve."))
    st.stop()
a, b = st.columns(2)
a.download_button(tr("Plan (JSON)", "Plan (JSON)"), json.dumps(plan.to_json_dict(), indent=2, ensure_ascii=False),
                  "plan.json", "application/json", key="plan_json")
b.download_button(tr("Plan met roosters (Excel)", "Plan with rotas (Excel)"), plan_xlsx(task_file, plan), "plan.xlsx",
                  key="plan_xlsx")
st.subheader(tr("Per leverancier", "Per supplier"))
for supplier in task_file.suppliers:
    extract = supplier_extract(task_file, plan, supplier.id)
    st.download_button(f"{md(supplier.name or supplier.id)}: {len(extract['jobs'])} {tr('banen', 'jobs')}",
                       json.dumps(extract, indent=2, ensure_ascii=False), f"plan-{safe_file_stem(supplier.id)}.json",
                       "application/json", key=f"extract_{supplier.id}")
