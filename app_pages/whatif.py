"""What-if: a few variants of the rules side by side."""

import pandas as pd
import streamlit as st

from bundler.ui.charts import variants_chart
from bundler.ui.session import current_check, tr
from bundler.words import number, status_text
from bundler.whatif import PRESETS, RULE_COLUMNS, run_variants, variant_from_row

MAX_VARIANTS = 6  # each variant is a solve of its own: a handful keeps the wait short

st.title(tr("Wat als...?", "What if...?"))
check = current_check()
if check.task_file is None:
    st.warning(tr("Eerst de problemen op de pagina Taken oplossen.", "First fix the problems on the Tasks page."))
    st.stop()

HEADERS = {
    "label": tr("Variant", "Variant"),
    "min_job_hours": tr("Min. uren per week", "Min. hours a week"),
    "max_suppliers_per_job": tr("Max. leveranciers", "Max. suppliers"),
    "max_gap_minutes": tr("Max. wachttijd (min)", "Max. wait (min)"),
    "max_work_days": tr("Max. werkdagen", "Max. working days"),
    "min_rest_hours": tr("Rust tussen werkdagen (u)", "Rest between working days (h)"),
    "min_weekly_rest_hours": tr("Weekrust (u)", "Weekly rest (h)"),
    "min_break_minutes": tr("Pauze (min)", "Break (min)"),
    "changeover_minutes": tr("Wisseltijd (min)", "Changeover (min)"),
    "start_step_minutes": tr("Startraster (min)", "Start grid (min)"),
    "hygiene_order": tr("Hygiënevolgorde", "Hygiene order"),
    "spread_flexible_slots": tr("Flexibel op aparte dagen", "Flexible on separate days"),
}
SWITCHES = ("hygiene_order", "spread_flexible_slots")
YES, NO = tr("ja", "yes"), tr("nee", "no")


def _row(label: str) -> dict:
    """A preset as a table row: yes/no rules as words, the rest as numbers, unset rules blank."""
    rules = PRESETS[label]
    return {"label": label, **{c: (YES if rules[c] else NO) if c in SWITCHES and c in rules else rules.get(c)
                               for c in RULE_COLUMNS}}


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Number columns as numbers (blank = NaN) and yes/no columns as text, so the editor offers the right input."""
    numbers = [c for c in RULE_COLUMNS if c not in SWITCHES]
    return frame.astype({**{c: "float64" for c in numbers}, **{c: object for c in SWITCHES}})


def _add_preset() -> None:
    """Append the chosen preset to the table as edited so far; the editor starts afresh from it."""
    edited = st.session_state.get("whatif_table", st.session_state["whatif_base"])
    st.session_state["whatif_base"] = _typed(pd.concat(
        [edited, pd.DataFrame([_row(st.session_state["whatif_preset"])], columns=edited.columns)], ignore_index=True))
    st.session_state["whatif_version"] = st.session_state.get("whatif_version", 0) + 1


st.caption(tr(f"Elke rij is een variant; lege cellen nemen de huidige regel. Hoogstens {MAX_VARIANTS} varianten.",
              f"Each row is a variant; empty cells keep the current rule. At most {MAX_VARIANTS} variants."))
if "whatif_base" not in st.session_state:
    st.session_state["whatif_base"] = _typed(pd.DataFrame([_row(label) for label in list(PRESETS)[:4]],
                                                          columns=["label", *RULE_COLUMNS]))
config = {c: st.column_config.NumberColumn(HEADERS[c]) for c in RULE_COLUMNS if c not in SWITCHES}
config.update({c: st.column_config.SelectboxColumn(HEADERS[c], options=[YES, NO]) for c in SWITCHES})
config["label"] = st.column_config.TextColumn(HEADERS["label"])
table = st.data_editor(st.session_state["whatif_base"], num_rows="dynamic", width="stretch", column_config=config,
                       key=f"whatif_editor_{st.session_state.get('whatif_version', 0)}")
st.session_state["whatif_table"] = table
left, right = st.columns([3, 1])
left.selectbox(tr("Kant-en-klare variant", "Ready-made variant"), list(PRESETS), key="whatif_preset")
right.button(tr("Variant toevoegen", "Add variant"), on_click=_add_preset, key="whatif_add")
seconds = st.slider(tr("Seconden per variant", "Seconds per variant"), 2, 60, 5, key="whatif_seconds")
if st.button(tr("Varianten doorrekenen", "Run the variants"), type="primary", key="run_whatif"):
    variants = [variant_from_row(row, n) for n, row in enumerate(table.to_dict("records")[:MAX_VARIANTS], start=1)]
    with st.spinner(tr("Bezig met rekenen...", "Solving...")):
        st.session_state["whatif"] = run_variants(check.task_file, variants, seconds_each=seconds)

outcomes = st.session_state.get("whatif")
if outcomes:
    lang = st.session_state["lang"]
    rows = [{tr("Variant", "Variant"): o.variant.label,
             tr("Banen", "Jobs"): o.plan.kpis.jobs if o.plan else None,
             tr("Uren in banen", "Hours in jobs"): number(o.plan.kpis.bundled_hours, lang) if o.plan else None,
             tr("Hoe goed", "How good"): status_text(o.plan, lang) if o.plan else tr("kan niet: ", "impossible: ")
             + o.problem} for o in outcomes]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.altair_chart(variants_chart(outcomes, lang), width="stretch")
