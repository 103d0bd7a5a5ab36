"""An import's report on the page: what came in, and every refused row with its place."""

from __future__ import annotations

import streamlit as st

from bundler.io.report import ImportReport
from bundler.ui.text import md

SHOWN_REFUSALS = 25
"""More than this fit no screen; the rest are counted."""


def show_report(report: ImportReport | None) -> None:
    if report is None:
        return
    lang = st.session_state.get("lang", "nl")
    (st.success if report.changed else st.warning)(md(report.summary(lang)))
    for refusal in report.refused[:SHOWN_REFUSALS]:
        st.error(md(refusal.text(lang)))
    hidden = len(report.refused) - SHOWN_REFUSALS
    if hidden > 0:
        st.caption(f"... en nog {hidden} geweigerde rijen" if lang == "nl" else f"... and {hidden} more refused rows")
