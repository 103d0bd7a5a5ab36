"""What-if: a few variants of the rules side by side."""

import pandas as pd
import streamlit as st

from bundler.ui.session import current_check, tr
from bundler.whatif import Variant, run_variants

st.title(tr("Wat als...?", "What if...?"))
check = current_check()
if check.task_file is None:
    st.warning(tr("Eerst de problemen op de pagina Taken oplossen.", "First fix the problems on the Tasks page."))
    st.stop()

st.caption(tr("Elke rij is een variant; lege cellen nemen de huidige regel.",
              "Each row is a variant; empty cells keep the current rule."))
if "whatif_base" not in st.session_state:
    st.session_state["whatif_base"] = pd.DataFrame([
        {"label": "min 16 u", "min_job_hours": 16.0, "max_suppliers_per_job": 2.0},
        {"label": "min 20 u", "min_job_hours": 20.0, "max_suppliers_per_job": 2.0},
        {"label": "min 24 u", "min_job_hours": 24.0, "max_suppliers_per_job": 2.0},
        {"label": "min 20 u, 3 leveranciers", "min_job_hours": 20.0, "max_suppliers_per_job": 3.0},
    ], columns=["label", "min_job_hours", "max_suppliers_per_job", "max_gap_minutes"])
table = st.data_editor(st.session_state["whatif_base"], num_rows="dynamic", width="stretch", key="whatif_editor")
seconds = st.slider(tr("Seconden per variant", "Seconds per variant"), 2, 60, 5, key="whatif_seconds")
if st.button(tr("Varianten doorrekenen", "Run the variants"), type="primary", key="run_whatif"):
    variants = []
    for row in table.to_dict("records")[:4]:
        rules = {k: (int(v) if k != "min_job_hours" else float(v)) for k, v in row.items()
                 if k != "label" and v is not None and v == v}
        variants.append(Variant(str(row.get("label") or f"variant {len(variants) + 1}"), rules))
    with st.spinner(tr("Bezig met rekenen...", "Solving...")):
        st.session_state["whatif"] = run_variants(check.task_file, variants, seconds_each=seconds)

outcomes = st.session_state.get("whatif")
if outcomes:
    frame = pd.DataFrame([o.row() for o in outcomes])
    st.dataframe(frame.rename(columns={"variant": tr("Variant", "Variant"), "jobs": tr("Banen", "Jobs"),
                                       "bound": tr("Bovengrens", "Bound"), "hours": tr("Uren", "Hours")}),
                 hide_index=True, width="stretch")
    st.bar_chart(frame.set_index("variant")[["jobs", "bound"]], stack=False)
