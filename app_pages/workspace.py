"""Workspace page (facility manager): create or open a shared kick-off, save versions, history, links."""

import pandas as pd
import streamlit as st

from bundler.store import StaleVersionError
from bundler.store.access import issue_link, links, revoke
from bundler.ui.session import current_check, tables, tr
from bundler.ui.text import md
from bundler.words import status_word
from bundler.ui.workspace import (
    close_workspace,
    create_workspace,
    default_base_url,
    is_open,
    load_version,
    open_workspace,
    replan,
    repository,
    save,
    stale_message,
    stored_decisions,
    who,
)

st.title(tr("Gedeelde werkruimte", "Shared workspace"))
try:
    repo = repository()
except Exception as error:  # a database URL that cannot be reached: say so, never a traceback
    st.error(tr(f"De database is niet bereikbaar: {md(error)}", f"The database cannot be reached: {md(error)}"))
    st.stop()
check = current_check()

if not is_open():
    st.write(tr("Een werkruimte bewaart de taken van deze kick-off met elke versie, de plannen en de besluiten "
                "van de leveranciers, en geeft elke leverancier en HR een eigen link.",
                "A workspace keeps this kick-off's tasks with every version, the plans and the suppliers' "
                "decisions, and gives each supplier and HR a link of their own."))
    st.subheader(tr("Nieuwe werkruimte", "New workspace"))
    name = st.text_input(tr("Naam", "Name"), value=tables().name, key="new_workspace_name")
    if st.button(tr("Werkruimte aanmaken met de huidige taken", "Create a workspace with the current tasks"),
                 type="primary", key="create_workspace", disabled=check.task_file is None):
        create_workspace(name, check.task_file)
        st.rerun()
    if check.task_file is None:
        st.caption(tr("Los eerst de problemen op de pagina Taken op.", "First fix the problems on the Tasks page."))
    existing = repo.workspaces()
    if existing:
        st.subheader(tr("Werkruimte openen", "Open a workspace"))
        names = {w.id: f"{w.name} ({w.id}, {w.created_at:%d-%m-%Y})" for w in existing}
        choice = st.selectbox(tr("Werkruimte", "Workspace"), list(names)[::-1], format_func=names.get,
                              key="open_choice")
        if st.button(tr("Openen", "Open"), key="open_workspace"):
            open_workspace(choice)
            st.rerun()
    st.stop()

workspace_id = st.session_state["workspace_id"]
workspace = repo.workspace(workspace_id)
latest = repo.latest_version(workspace_id)
mine = st.session_state["workspace_version"]
st.subheader(md(workspace.name))
st.caption(tr(f"Id {workspace.id} · je bewerkt versie {mine} · nieuwste versie {latest.number}",
              f"Id {workspace.id} · you are editing version {mine} · newest version {latest.number}"))
if latest.number != mine and "stale" not in st.session_state:
    st.warning(tr(f"{md(latest.saved_by)} heeft intussen versie {latest.number} opgeslagen.",
                  f"{md(latest.saved_by)} has saved version {latest.number} since."))

# --- save ---------------------------------------------------------------------------
note = st.text_input(tr("Wat is er veranderd? (mag leeg)", "What changed? (may be empty)"), key="save_note")
if st.button(tr("Taken opslaan als nieuwe versie", "Save the tasks as a new version"), type="primary",
             key="save_version", disabled=check.task_file is None):
    try:
        number = save(check.task_file, note)
        st.success(tr(f"Opgeslagen als versie {number}.", f"Saved as version {number}."))
    except StaleVersionError:
        pass  # shown below, with the ways out
if check.task_file is None:
    st.caption(tr("Los eerst de problemen op de pagina Taken op.", "First fix the problems on the Tasks page."))
stale = st.session_state.get("stale")
if stale is not None:
    st.error(stale_message(stale))
    left, right = st.columns(2)
    if left.button(tr("Laatste versie laden", "Reload latest"), key="reload_latest"):
        load_version(workspace_id, repo.latest_version(workspace_id))
        st.rerun()
    if right.button(tr("Toch opslaan bovenop de laatste versie", "Save anyway on top of the latest"),
                    key="save_anyway", disabled=check.task_file is None):
        number = save(check.task_file, note, force=True)
        st.rerun()

# --- history ------------------------------------------------------------------------
st.subheader(tr("Geschiedenis", "History"))
history = repo.history(workspace_id)
st.dataframe(pd.DataFrame([{tr("Versie", "Version"): v.number, tr("Door", "By"): v.saved_by,
                            tr("Wanneer (UTC)", "When (UTC)"): f"{v.saved_at:%Y-%m-%d %H:%M:%S}",
                            tr("Taken", "Tasks"): len(v.content.get("tasks", [])), tr("Notitie", "Note"): v.note}
                           for v in reversed(history)]), hide_index=True, width="stretch")
left, right = st.columns([2, 1])
back_to = left.selectbox(tr("Versie terugzetten", "Restore a version"), [v.number for v in reversed(history)],
                         key="restore_choice")
if right.button(tr("Terugzetten (als nieuwe versie)", "Restore (as a new version)"), key="restore_version"):
    try:
        restored = repo.restore(workspace_id, back_to, by=who(), expected_version=mine)
    except StaleVersionError as error:
        st.session_state["stale"] = error
        st.rerun()
    else:
        load_version(workspace_id, restored)
        st.rerun()

# --- links --------------------------------------------------------------------------
st.subheader(tr("Links voor leveranciers en HR", "Links for suppliers and HR"))
st.caption(tr("Elke link geeft alleen toegang tot het eigen deel. Een link is alleen direct na het aanmaken te zien; "
              "kwijt? Maak een nieuwe en trek de oude in.",
              "Each link opens only its own part. A link can be seen only right after it is made; lost one? "
              "Make a new one and revoke the old."))
base = st.text_input(tr("Adres van deze werkbank", "Address of this workbench"), value=default_base_url(),
                     key="base_url")
names = {s["id"]: s.get("name") or s["id"] for s in latest.content.get("suppliers", [])}
fresh = st.session_state.get("fresh_links", {})
for link in links(repo, workspace_id):
    who_for = names.get(link.supplier, link.supplier) if link.role == "supplier" else "HR"
    cols = st.columns([2, 5, 1])
    status = tr("actief", "active") if link.active else tr("ingetrokken", "revoked")
    cols[0].write(f"**{md(who_for)}** · {status}")
    if link.id in fresh and link.active:
        cols[1].code(f"{base.rstrip('/')}/?token={fresh[link.id]}", language=None, wrap_lines=True)
    else:
        cols[1].caption(tr(f"aangemaakt {link.created_at:%d-%m %H:%M} UTC", f"made {link.created_at:%d-%m %H:%M} UTC"))
    if link.active and cols[2].button(tr("Intrekken", "Revoke"), key=f"revoke_{link.id}"):
        revoke(repo, link.id)
        st.rerun()
left, right = st.columns([2, 1])
target = left.selectbox(tr("Nieuwe link voor", "New link for"), [*names, "hr"], key="new_link_for",
                        format_func=lambda k: "HR" if k == "hr" else names[k])
if right.button(tr("Link maken", "Make link"), key="make_link"):
    issued = issue_link(repo, workspace_id, "hr" if target == "hr" else "supplier", None if target == "hr" else target)
    st.session_state.setdefault("fresh_links", {})[issued.link.id] = issued.token
    st.rerun()

# --- plans and decisions ------------------------------------------------------------
st.subheader(tr("Plannen en besluiten", "Plans and decisions"))
stored_plans = repo.plans(workspace_id)
if not stored_plans:
    st.info(tr("Nog geen plan in deze werkruimte: los op op de pagina Oplossen.",
               "No plan in this workspace yet: solve on the Solve page."))
else:
    st.dataframe(pd.DataFrame([{"Plan": p.id, tr("Versie", "Version"): p.task_version,
                                "Status": status_word(p.status, st.session_state["lang"]),
                                tr("Banen", "Jobs"): p.jobs, tr("Uren", "Hours"): p.bundled_hours,
                                tr("Seconden", "Seconds"): p.seconds, tr("Door", "By"): p.created_by,
                                tr("Wanneer (UTC)", "When (UTC)"): f"{p.created_at:%Y-%m-%d %H:%M}"}
                               for p in reversed(stored_plans)]), hide_index=True, width="stretch")
    newest = stored_plans[-1]
    taken = repo.decisions(newest.id)
    st.button(tr("Besluiten verversen", "Refresh decisions"), key="refresh_decisions")
    if taken:
        st.dataframe(pd.DataFrame([{tr("Baan", "Job"): d.job,
                                    tr("Leverancier", "Supplier"): names.get(d.supplier, d.supplier),
                                    tr("Besluit", "Decision"): {"accept": tr("akkoord", "accept"),
                                                                "reject": tr("afgewezen", "rejected")}[d.verdict],
                                    tr("Reden", "Reason"): d.reason, tr("Door", "By"): d.decided_by,
                                    tr("Wanneer (UTC)", "When (UTC)"): f"{d.decided_at:%H:%M:%S}"} for d in taken]),
                     hide_index=True, width="stretch")
        if st.button(tr(f"Opnieuw plannen met deze {len(taken)} besluiten",
                        f"Re-plan with these {len(taken)} decisions"), type="primary", key="replan_workspace"):
            plan_file = repo.version(workspace_id, newest.task_version).task_file
            try:
                replan(newest.plan, plan_file, list(stored_decisions(newest.id).values()))
            except StaleVersionError as error:
                st.error(stale_message(error))
            else:
                st.switch_page("app_pages/solve.py")
    else:
        st.caption(tr("Nog geen besluiten op het nieuwste plan.", "No decisions on the newest plan yet."))

st.divider()
if st.button(tr("Werkruimte sluiten", "Close the workspace"), key="close_workspace"):
    close_workspace()
    st.rerun()
