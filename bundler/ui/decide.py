"""Accept / reject widgets for one supplier's verdict on one job, kept in step with the store.

Several people may decide at once (a supplier through its link, the manager on the
supplier page). A verdict is written only when the person changes the widget; when
the stored verdict changed elsewhere, the widget shows the new one instead of writing
its old value back.
"""

from __future__ import annotations

from typing import Callable

import streamlit as st

from bundler.decisions import Decision
from bundler.ui.session import tr

VERDICTS = ["open", "accept", "reject"]


def decision_widgets(job: str, supplier: str, current: Decision | None, record: Callable[[str, str], None]) -> None:
    radio_key, reason_key, seen_key = f"decide_{job}_{supplier}", f"reason_{job}_{supplier}", f"seen_{job}_{supplier}"
    stored = (current.verdict, current.reason) if current else ("open", "")
    if st.session_state.get(seen_key) != stored or radio_key not in st.session_state \
            or reason_key not in st.session_state:
        st.session_state[radio_key], st.session_state[reason_key] = stored
        st.session_state[seen_key] = stored
    labels = {"open": tr("nog open", "open"), "accept": tr("akkoord", "accept"), "reject": tr("afwijzen", "reject")}
    choice = st.radio(tr("Besluit", "Decision"), VERDICTS, horizontal=True, key=radio_key, format_func=labels.get)
    reason = st.text_input(tr("Reden", "Reason"), key=reason_key).strip()
    if choice == "open" and stored[0] == "open":
        return  # a reason typed before choosing is kept in the widget, not stored
    if (choice, reason) != stored:
        record(choice, reason)
        st.session_state[seen_key] = (choice, reason) if choice != "open" else ("open", "")
