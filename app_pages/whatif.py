"""What-if: a few variants of the rules side by side."""

import pandas as pd
import streamlit as st

from bundler.background import BackgroundVariants
from bundler.ui.charts import variants_chart
from bundler.ui.session import current_check, tr
from bundler.ui.text import md
from bundler.whatif import PRESETS, RULE_COLUMNS, variant_from_row
from bundler.words import number, status_text

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
running = st.session_state.get("whatif_run")
if st.button(tr("Varianten doorrekenen", "Run the variants"), type="primary", key="run_whatif",
             disabled=running is not None and not running.done):
    variants = [variant_from_row(row, n) for n, row in enumerate(table.to_dict("records")[:MAX_VARIANTS], start=1)]
    st.session_state["whatif_run"] = BackgroundVariants(check.task_file, variants, seconds_each=seconds)
    st.session_state["whatif"] = None


@st.fragment(run_every=0.5)
def progress() -> None:
    """Which variant is being solved, how long it has taken; the results once all are done."""
    run = st.session_state.get("whatif_run")
    if run is None or st.session_state.get("whatif") is not None:
        return
    if not run.done:
        share = min((run.number - 1 + min(run.elapsed / max(run.seconds_each * max(run.number, 1), 1e-9), 1))
                    / run.total, 1.0) if run.number else 0.0
        st.progress(share, text=tr(f"Variant {run.number} van {run.total}: {run.label} · {run.elapsed:.0f} s",
                                   f"Variant {run.number} of {run.total}: {run.label} · {run.elapsed:.0f} s"))
        if st.button(tr("Stop (de varianten tot nu toe bewaren)", "Stop (keep the variants so far)"),
                     key="stop_whatif"):
            run.stop()
        return
    if run.error:
        st.error(tr(f"Het doorrekenen ging mis: {md(run.error)}", f"Running the variants failed: {md(run.error)}"))
        return
    st.session_state["whatif"] = run.outcomes
    st.rerun(scope="app")


progress()
outcomes = st.session_state.get("whatif")
if outcomes:
    lang = st.session_state["lang"]
    rows = []
    for o in outcomes:
        if o.plan is not None:
            how = status_text(o.plan, lang)
        elif o.problem == "stopped":
            how = tr("niet doorgerekend (gestopt)", "not run (stopped)")
        else:
            how = tr("kan niet: ", "impossible: ") + o.problem
        rows.append({tr("Variant", "Variant"): o.variant.label,
                     tr("Banen", "Jobs"): o.plan.kpis.jobs if o.plan else None,
                     tr("Uren in banen", "Hours in jobs"): number(o.plan.kpis.bundled_hours, lang) if o.plan else None,
                     tr("Hoe goed", "How good"): how})
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    for o in outcomes:
        if o.notes:
            st.caption(f"**{md(o.variant.label)}**: " + "; ".join(md(nl if lang == "nl" else en) for nl, en in o.notes))
    st.altair_chart(variants_chart(outcomes, lang), width="stretch")
