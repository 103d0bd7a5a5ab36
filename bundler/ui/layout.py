"""Room for the content on a 1024x768 projector.

Streamlit's wide layout keeps about 5rem of empty margin each side of the page; beside
the sidebar that leaves a week chart some 560 pixels, too narrow for seven day columns
with readable labels. On screens up to 1200 pixels wide the margins shrink to 1.5rem.
The style is a fixed string: no user text goes into it.
"""

from __future__ import annotations

import streamlit as st

_STYLE = """<style>
@media (max-width: 1200px) {
  [data-testid="stMainBlockContainer"] { padding-left: 1.5rem; padding-right: 1.5rem; padding-top: 3rem; }
}
</style>"""


def compact_margins() -> None:
    st.html(_STYLE)
