"""bundler workbench: `streamlit run app.py`. Pages are thin; the work happens in `bundler`."""

import streamlit as st

from bundler.ui.layout import compact_margins
from bundler.ui.manager_key import manager_allowed
from bundler.ui.session import init, tr
from bundler.ui.workspace import adopt_finished_solve
from bundler.ui.workspace import sidebar as workspace_sidebar

st.set_page_config(page_title="bundler - combinatiebanen", page_icon=":material/extension:", layout="wide")
compact_margins()
init()
adopt_finished_solve()
with st.sidebar:
    st.radio("Taal / Language", ["nl", "en"], key="lang", horizontal=True,
             format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code])

if "token" in st.query_params:  # a supplier's or HR's link: their own view, nothing else
    st.navigation([st.Page("app_pages/guest.py", title="bundler", icon=":material/handshake:", url_path="link",
                           default=True)], position="hidden").run()
    st.stop()
if not manager_allowed():
    st.stop()
with st.sidebar:
    workspace_sidebar()

pages = [
    st.Page("app_pages/tasks.py", title=tr("Taken", "Tasks"), icon=":material/assignment:", url_path="taken", default=True),
    st.Page("app_pages/rules.py", title=tr("Regels", "Rules"), icon=":material/rule:", url_path="regels"),
    st.Page("app_pages/solve.py", title=tr("Oplossen", "Solve"), icon=":material/play_arrow:", url_path="oplossen"),
    st.Page("app_pages/schedules.py", title=tr("Roosters", "Schedules"), icon=":material/calendar_month:", url_path="roosters"),
    st.Page("app_pages/supplier.py", title=tr("Leverancier", "Supplier"), icon=":material/handshake:", url_path="leverancier"),
    st.Page("app_pages/whatif.py", title=tr("Wat als", "What-if"), icon=":material/compare_arrows:", url_path="wat-als"),
    st.Page("app_pages/vacancies.py", title=tr("Vacatures", "Vacancies"), icon=":material/work:", url_path="vacatures"),
    st.Page("app_pages/candidates.py", title=tr("Kandidaten", "Candidates"), icon=":material/diversity_3:", url_path="kandidaten"),
    st.Page("app_pages/exports.py", title=tr("Exporteren", "Export"), icon=":material/download:", url_path="exporteren"),
    st.Page("app_pages/workspace.py", title=tr("Werkruimte", "Workspace"), icon=":material/group:", url_path="werkruimte"),
]
st.navigation(pages).run()
